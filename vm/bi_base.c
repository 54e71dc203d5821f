// Base: base16 and base64 (standard and URL alphabets) encoding and decoding, with Elixir
// 1.14's options (case:, padding:, ignore: :whitespace) and its error messages. decode*/1,2
// return :error where decode*!/1,2 raise ArgumentError.
#include "builtins.h"

#include <stdio.h>
#include <string.h>

#include "bi_common.h"

static const char b64_std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

typedef enum { CASE_UPPER, CASE_LOWER, CASE_MIXED } HexCase;

// The value of key [name] in keyword list [opts] (the first one), or [dflt].
static Term opt_get(Process *p, Term opts, const char *name, Term dflt)
{
    Term key = bi_atom(p, name);
    for (; term_is_cons(opts); opts = term_tl(opts)) {
        Term kv = term_hd(opts);
        if (term_is_tuple(kv) && term_tuple_arity(kv) == 2 && term_tuple_elems(kv)[0] == key) {
            return term_tuple_elems(kv)[1];
        }
    }
    return dflt;
}

// Reads case: into *[out]; raises CaseClauseError (false) for another value.
static bool read_case(Process *p, Term opts, bool mixed_ok, HexCase *out)
{
    Term c = opt_get(p, opts, "case", bi_atom(p, "upper"));
    if (c == bi_atom(p, "upper")) {
        *out = CASE_UPPER;
    } else if (c == bi_atom(p, "lower")) {
        *out = CASE_LOWER;
    } else if (mixed_ok && c == bi_atom(p, "mixed")) {
        *out = CASE_MIXED;
    } else {
        error_raise_value(p, ERR_CASE_CLAUSE, c);
        return false;
    }
    return true;
}

// Raises ArgumentError "non-alphabet character found: "c" (byte N)".
// With [quiet] nothing is raised (the caller returns :error).
static void non_alphabet(Process *p, uint8_t c, bool quiet)
{
    if (quiet) {
        return;
    }
    // inspect(<<c>>, binaries: :as_strings)
    char shown[8];
    if (c == '"' || c == '\\') {
        snprintf(shown, sizeof shown, "\\%c", c);
    } else if (c >= 0x20 && c < 0x7f) {
        snprintf(shown, sizeof shown, "%c", c);
    } else if (c >= 7 && c <= 13) {
        snprintf(shown, sizeof shown, "\\%c", "abtnvfr"[c - 7]);
    } else if (c == 27) {
        snprintf(shown, sizeof shown, "\\e");
    } else if (c == 0) {
        snprintf(shown, sizeof shown, "\\0");
    } else {
        snprintf(shown, sizeof shown, "\\x%02X", c);
    }
    error_raise(p, ERR_ARGUMENT, "non-alphabet character found: \"%s\" (byte %u)", shown, c);
}

// ==== base16 ====

static Term encode16(Process *p, Term *args, Term opts)
{
    const uint8_t *s;
    size_t n;
    if (!bi_text(args[0], &s, &n)) {
        return bi_function_clause(p, "Base.encode16/2");
    }
    HexCase hc;
    if (!read_case(p, opts, false, &hc)) {
        return TERM_NONE;
    }
    const char *digits = hc == CASE_LOWER ? "0123456789abcdef" : "0123456789ABCDEF";
    uint8_t *out;
    Term bin = term_make_binary_uninit(p, n * 2, &out);
    s = term_binary_bytes(args[0], &n);
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = (uint8_t)digits[s[i] >> 4];
        out[2 * i + 1] = (uint8_t)digits[s[i] & 15];
    }
    return bin;
}

static int hex_value(uint8_t c, HexCase hc)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (hc != CASE_LOWER && c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (hc != CASE_UPPER && c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

// decode16!: the decoded binary, or TERM_NONE with an exception raised.
static Term decode16(Process *p, Term data, Term opts, bool quiet)
{
    const uint8_t *s;
    size_t n;
    if (!bi_text(data, &s, &n)) {
        return bi_function_clause(p, "Base.decode16!/2");
    }
    if (n % 2 != 0) {
        return quiet ? TERM_NONE : error_raise(p, ERR_ARGUMENT,
                           "string given to decode has wrong length. An even number of bytes was "
                           "expected, got: %zu. Double check your string for unwanted characters "
                           "or pad it accordingly",
                           n);
    }
    HexCase hc;
    if (!read_case(p, opts, true, &hc)) {
        return TERM_NONE;
    }
    StrBuf b;
    strbuf_init(&b);
    for (size_t i = 0; i < n; i += 2) {
        int hi = hex_value(s[i], hc);
        int lo = hi < 0 ? -1 : hex_value(s[i + 1], hc);
        if (hi < 0 || lo < 0) {
            strbuf_free(&b);
            non_alphabet(p, hi < 0 ? s[i] : s[i + 1], quiet);
            return TERM_NONE;
        }
        uint8_t byte = (uint8_t)(hi << 4 | lo);
        strbuf_append(&b, (const char *)&byte, 1);
    }
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

// ==== base64 ====

static Term encode64(Process *p, Term data, Term opts, const char *alphabet, const char *mfa)
{
    const uint8_t *s;
    size_t n;
    if (!bi_text(data, &s, &n)) {
        return bi_function_clause(p, mfa);
    }
    Term pad = opt_get(p, opts, "padding", term_true());
    if (!term_is_boolean(pad)) {
        return bi_function_clause(p, "Base.maybe_pad/3");
    }
    StrBuf b;
    strbuf_init(&b);
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
        char q[4] = {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63],
                     alphabet[v & 63]};
        strbuf_append(&b, q, 4);
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)s[i] << 16;
        char q[4] = {alphabet[v >> 18], alphabet[(v >> 12) & 63], '=', '='};
        strbuf_append(&b, q, pad == term_true() ? 4 : 2);
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8;
        char q[4] = {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], '='};
        strbuf_append(&b, q, pad == term_true() ? 4 : 3);
    }
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

// Appends the bytes of [len] (2..4) base64 characters at [c]; false after raising.
static bool decode_quad(Process *p, const uint8_t *c, size_t len, const char *alphabet,
                        StrBuf *out, bool quiet)
{
    uint32_t v = 0;
    for (size_t k = 0; k < len; k++) {
        const char *at = c[k] != 0 ? strchr(alphabet, c[k]) : NULL;
        if (at == NULL) {
            non_alphabet(p, c[k], quiet);
            return false;
        }
        v |= (uint32_t)(at - alphabet) << (18 - 6 * k);
    }
    char bytes[3] = {(char)(v >> 16), (char)(v >> 8), (char)v};
    strbuf_append(out, bytes, len - 1);
    return true;
}

// Decodes a trailing group of 4 characters, honouring "=" padding; false after raising.
static bool decode_last_quad(Process *p, const uint8_t *c, const char *alphabet, StrBuf *out,
                             bool quiet)
{
    if (c[2] == '=' && c[3] == '=') {
        return decode_quad(p, c, 2, alphabet, out, quiet);
    }
    if (c[3] == '=') {
        return decode_quad(p, c, 3, alphabet, out, quiet);
    }
    return decode_quad(p, c, 4, alphabet, out, quiet);
}

// decode64!: Elixir 1.14's rules (padding required unless padding: false; extra bits ignored).
static Term decode64(Process *p, Term data, Term opts, const char *alphabet, const char *mfa,
                     bool quiet)
{
    const uint8_t *s;
    size_t n;
    if (!bi_text(data, &s, &n)) {
        return bi_function_clause(p, mfa);
    }
    Term pad = opt_get(p, opts, "padding", term_true());
    Term ignore = opt_get(p, opts, "ignore", term_nil_atom());
    StrBuf in;
    strbuf_init(&in);
    if (ignore == bi_atom(p, "whitespace")) {
        for (size_t i = 0; i < n; i++) {
            if (!strchr(" \t\r\n", s[i]) || s[i] == 0) {
                strbuf_append(&in, (const char *)&s[i], 1);
            }
        }
    } else if (ignore == term_nil_atom()) {
        strbuf_append(&in, (const char *)s, n);
    } else {
        strbuf_free(&in);
        return bi_function_clause(p, "Base.remove_ignored/2");
    }
    const uint8_t *c = (const uint8_t *)in.data;
    n = in.len;
    StrBuf b;
    strbuf_init(&b);
    bool ok = true;
    size_t main_len = n == 0 ? 0 : ((n + 7) / 8 - 1) * 8;
    for (size_t i = 0; ok && i < main_len; i += 4) {
        ok = decode_quad(p, c + i, 4, alphabet, &b, quiet);
    }
    const uint8_t *r = c + main_len;
    size_t rest = n - main_len;
    bool unpadded = pad == term_false();
    if (!ok || rest == 0) {
        // nothing more
    } else if (rest == 4) {
        ok = decode_last_quad(p, r, alphabet, &b, quiet);
    } else if (rest == 8) {
        ok = decode_quad(p, r, 4, alphabet, &b, quiet) &&
             decode_last_quad(p, r + 4, alphabet, &b, quiet);
    } else if (unpadded && (rest == 2 || rest == 3)) {
        ok = decode_quad(p, r, rest, alphabet, &b, quiet);
    } else if (unpadded && (rest == 6 || rest == 7)) {
        ok = decode_quad(p, r, 4, alphabet, &b, quiet) &&
             decode_quad(p, r + 4, rest - 4, alphabet, &b, quiet);
    } else {
        if (!quiet) {
            error_raise(p, ERR_ARGUMENT, "incorrect padding");
        }
        ok = false;
    }
    Term result = ok ? bi_binary_from_buf(p, &b) : TERM_NONE;
    strbuf_free(&b);
    strbuf_free(&in);
    return result;
}

// ==== base32 ====

static const char b32_std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char b32_hex[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

static Term encode32(Process *p, Term data, Term opts, const char *alphabet, const char *mfa)
{
    const uint8_t *s;
    size_t n;
    if (!bi_text(data, &s, &n)) {
        return bi_function_clause(p, mfa);
    }
    HexCase hc;
    if (!read_case(p, opts, false, &hc)) {
        return TERM_NONE;
    }
    Term pad = opt_get(p, opts, "padding", term_true());
    if (!term_is_boolean(pad)) {
        return bi_function_clause(p, "Base.maybe_pad/3");
    }
    static const size_t chars_for[5] = {0, 2, 4, 5, 7};
    StrBuf b;
    strbuf_init(&b);
    for (size_t i = 0; i < n; i += 5) {
        size_t k = n - i < 5 ? n - i : 5;
        uint64_t v = 0;
        for (size_t j = 0; j < 5; j++) {
            v = v << 8 | (j < k ? s[i + j] : 0);
        }
        char q[8];
        for (size_t j = 0; j < 8; j++) {
            char c = alphabet[(v >> (35 - 5 * j)) & 31];
            q[j] = hc == CASE_LOWER && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        size_t used = k == 5 ? 8 : chars_for[k];
        if (used < 8 && pad == term_true()) {
            memset(q + used, '=', 8 - used);
            used = 8;
        }
        strbuf_append(&b, q, used);
    }
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

// Appends the bytes of [len] (2, 4, 5, 7 or 8) base32 characters at [c]; false on a bad one.
static bool decode_octet(Process *p, const uint8_t *c, size_t len, const char *alphabet,
                         HexCase hc, StrBuf *out, bool quiet)
{
    uint64_t v = 0;
    for (size_t k = 0; k < 8; k++) {
        int d = -1;
        if (k < len) {
            uint8_t ch = c[k];
            if (hc != CASE_UPPER && ch >= 'a' && ch <= 'z') {
                ch = (uint8_t)(ch - 'a' + 'A');
            } else if (hc == CASE_LOWER && ch >= 'A' && ch <= 'Z') {
                ch = 0;
            }
            const char *at = ch != 0 ? strchr(alphabet, ch) : NULL;
            if (at == NULL) {
                non_alphabet(p, c[k], quiet);
                return false;
            }
            d = (int)(at - alphabet);
        }
        v = v << 5 | (uint64_t)(d < 0 ? 0 : d);
    }
    char bytes[5] = {(char)(v >> 32), (char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v};
    strbuf_append(out, bytes, len * 5 / 8);
    return true;
}

static bool all_pad(const uint8_t *c, size_t from)
{
    for (size_t k = from; k < 8; k++) {
        if (c[k] != '=') {
            return false;
        }
    }
    return true;
}

static Term decode32(Process *p, Term data, Term opts, const char *alphabet, const char *mfa,
                     bool quiet)
{
    const uint8_t *c;
    size_t n;
    if (!bi_text(data, &c, &n)) {
        return bi_function_clause(p, mfa);
    }
    HexCase hc;
    if (!read_case(p, opts, true, &hc)) {
        return TERM_NONE;
    }
    bool unpadded = opt_get(p, opts, "padding", term_true()) == term_false();
    StrBuf b;
    strbuf_init(&b);
    bool ok = true;
    size_t main_len = n == 0 ? 0 : ((n + 7) / 8 - 1) * 8;
    for (size_t i = 0; ok && i < main_len; i += 8) {
        ok = decode_octet(p, c + i, 8, alphabet, hc, &b, quiet);
    }
    const uint8_t *r = c + main_len;
    size_t rest = n - main_len;
    if (!ok || rest == 0) {
        // nothing more
    } else if (rest == 8) {
        size_t len = all_pad(r, 2)   ? 2
                     : all_pad(r, 4) ? 4
                     : all_pad(r, 5) ? 5
                     : all_pad(r, 7) ? 7
                                     : 8;
        ok = decode_octet(p, r, len, alphabet, hc, &b, quiet);
    } else if (unpadded && (rest == 2 || rest == 4 || rest == 5 || rest == 7)) {
        ok = decode_octet(p, r, rest, alphabet, hc, &b, quiet);
    } else {
        if (!quiet) {
            error_raise(p, ERR_ARGUMENT, "incorrect padding");
        }
        ok = false;
    }
    Term result = ok ? bi_binary_from_buf(p, &b) : TERM_NONE;
    strbuf_free(&b);
    return result;
}

// {:ok, decoded}, or :error when decoding failed quietly (an ArgumentError in decode*!), or
// TERM_NONE when another error was raised.
static Term ok_or_error(Process *p, Term decoded)
{
    if (decoded != TERM_NONE) {
        return bi_ok(p, decoded);
    }
    return p->exc_kind != TERM_NONE ? TERM_NONE : bi_atom(p, "error");
}

Term bi_base_encode16_1(Process *p, Term *args) { return encode16(p, args, TERM_NIL); }
Term bi_base_encode16_2(Process *p, Term *args) { return encode16(p, args, args[1]); }
Term bi_base_decode16_bang_1(Process *p, Term *args)
{
    return decode16(p, args[0], TERM_NIL, false);
}
Term bi_base_decode16_bang_2(Process *p, Term *args)
{
    return decode16(p, args[0], args[1], false);
}
Term bi_base_decode16_1(Process *p, Term *args)
{
    return ok_or_error(p, decode16(p, args[0], TERM_NIL, true));
}
Term bi_base_decode16_2(Process *p, Term *args)
{
    return ok_or_error(p, decode16(p, args[0], args[1], true));
}

Term bi_base_encode64_1(Process *p, Term *args)
{
    return encode64(p, args[0], TERM_NIL, b64_std, "Base.encode64/2");
}
Term bi_base_encode64_2(Process *p, Term *args)
{
    return encode64(p, args[0], args[1], b64_std, "Base.encode64/2");
}
Term bi_base_url_encode64_1(Process *p, Term *args)
{
    return encode64(p, args[0], TERM_NIL, b64_url, "Base.url_encode64/2");
}
Term bi_base_url_encode64_2(Process *p, Term *args)
{
    return encode64(p, args[0], args[1], b64_url, "Base.url_encode64/2");
}
Term bi_base_decode64_bang_1(Process *p, Term *args)
{
    return decode64(p, args[0], TERM_NIL, b64_std, "Base.decode64!/2", false);
}
Term bi_base_decode64_bang_2(Process *p, Term *args)
{
    return decode64(p, args[0], args[1], b64_std, "Base.decode64!/2", false);
}
Term bi_base_decode64_1(Process *p, Term *args)
{
    return ok_or_error(p, decode64(p, args[0], TERM_NIL, b64_std, "Base.decode64/2", true));
}
Term bi_base_decode64_2(Process *p, Term *args)
{
    return ok_or_error(p, decode64(p, args[0], args[1], b64_std, "Base.decode64/2", true));
}
Term bi_base_url_decode64_bang_1(Process *p, Term *args)
{
    return decode64(p, args[0], TERM_NIL, b64_url, "Base.url_decode64!/2", false);
}
Term bi_base_url_decode64_bang_2(Process *p, Term *args)
{
    return decode64(p, args[0], args[1], b64_url, "Base.url_decode64!/2", false);
}
Term bi_base_url_decode64_1(Process *p, Term *args)
{
    return ok_or_error(p, decode64(p, args[0], TERM_NIL, b64_url, "Base.url_decode64/2", true));
}
Term bi_base_url_decode64_2(Process *p, Term *args)
{
    return ok_or_error(p, decode64(p, args[0], args[1], b64_url, "Base.url_decode64/2", true));
}

Term bi_base_encode32_1(Process *p, Term *args)
{
    return encode32(p, args[0], TERM_NIL, b32_std, "Base.encode32/2");
}
Term bi_base_encode32_2(Process *p, Term *args)
{
    return encode32(p, args[0], args[1], b32_std, "Base.encode32/2");
}
Term bi_base_decode32_bang_1(Process *p, Term *args)
{
    return decode32(p, args[0], TERM_NIL, b32_std, "Base.decode32!/2", false);
}
Term bi_base_decode32_bang_2(Process *p, Term *args)
{
    return decode32(p, args[0], args[1], b32_std, "Base.decode32!/2", false);
}
Term bi_base_decode32_1(Process *p, Term *args)
{
    return ok_or_error(p, decode32(p, args[0], TERM_NIL, b32_std, "Base.decode32/2", true));
}
Term bi_base_decode32_2(Process *p, Term *args)
{
    return ok_or_error(p, decode32(p, args[0], args[1], b32_std, "Base.decode32/2", true));
}

Term bi_base_hex_encode32_1(Process *p, Term *args)
{
    return encode32(p, args[0], TERM_NIL, b32_hex, "Base.hex_encode32/2");
}
Term bi_base_hex_encode32_2(Process *p, Term *args)
{
    return encode32(p, args[0], args[1], b32_hex, "Base.hex_encode32/2");
}
Term bi_base_hex_decode32_bang_1(Process *p, Term *args)
{
    return decode32(p, args[0], TERM_NIL, b32_hex, "Base.hex_decode32!/2", false);
}
Term bi_base_hex_decode32_bang_2(Process *p, Term *args)
{
    return decode32(p, args[0], args[1], b32_hex, "Base.hex_decode32!/2", false);
}
Term bi_base_hex_decode32_1(Process *p, Term *args)
{
    return ok_or_error(p, decode32(p, args[0], TERM_NIL, b32_hex, "Base.hex_decode32/2", true));
}
Term bi_base_hex_decode32_2(Process *p, Term *args)
{
    return ok_or_error(p, decode32(p, args[0], args[1], b32_hex, "Base.hex_decode32/2", true));
}
