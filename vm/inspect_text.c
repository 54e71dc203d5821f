// Text-level pieces of inspect: the StrBuf, atom spelling as Macro.inspect_atom/2 does it,
// Code.Identifier.escape/3, String.printable?/2, strict UTF-8, and float formatting as
// Erlang's float_to_binary(F, [:short]) and Elixir's Inspect.Float.
#include "inspect_text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm.h"

// ==== StrBuf ====

void strbuf_init(StrBuf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void strbuf_free(StrBuf *b)
{
    free(b->data);
    strbuf_init(b);
}

static void reserve(StrBuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) {
        return;
    }
    size_t cap = b->cap == 0 ? 64 : b->cap;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    b->data = em_realloc(b->data, cap);
    b->cap = cap;
}

void strbuf_append(StrBuf *b, const void *bytes, size_t len)
{
    reserve(b, len);
    if (len > 0) {
        memcpy(b->data + b->len, bytes, len);
    }
    b->len += len;
    b->data[b->len] = '\0';
}

void strbuf_append_cstr(StrBuf *b, const char *s)
{
    strbuf_append(b, s, strlen(s));
}

void strbuf_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

// ==== UTF-8 ====

size_t inspect_utf8_decode(const uint8_t *s, size_t len, uint32_t *cp)
{
    uint8_t c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || c > 0xF4 || n > len) {
        return 0;
    }
    uint32_t v = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    static const uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min_for_len[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return 0;
    }
    *cp = v;
    return n;
}

bool inspect_utf8_encode(uint32_t cp, StrBuf *out)
{
    uint8_t buf[4];
    size_t n;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
    }
    if (cp < 0x80) {
        buf[0] = (uint8_t)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (uint8_t)(0xC0 | (cp >> 6));
        buf[1] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (uint8_t)(0xE0 | (cp >> 12));
        buf[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (uint8_t)(0xF0 | (cp >> 18));
        buf[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 4;
    }
    strbuf_append(out, buf, n);
    return true;
}

// ==== Escaping and printability ====

static const char *escape_map(uint32_t cp)
{
    switch (cp) {
    case 7: return "\\a";
    case 8: return "\\b";
    case 127: return "\\d";
    case 27: return "\\e";
    case 12: return "\\f";
    case 10: return "\\n";
    case 13: return "\\r";
    case 9: return "\\t";
    case 11: return "\\v";
    case 92: return "\\\\";
    default: return NULL;
    }
}

static bool printable_range(uint32_t cp)
{
    return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

static void escape_char(uint32_t cp, StrBuf *out)
{
    if (cp == 0) {
        strbuf_append_cstr(out, "\\0");
    } else if (cp == 0xFEFF) {
        strbuf_append_cstr(out, "\\uFEFF");
    } else if (printable_range(cp)) {
        inspect_utf8_encode(cp, out);
    } else if (cp < 256) {
        strbuf_printf(out, "\\x%02X", (unsigned)cp);
    } else if (cp < 65536) {
        strbuf_printf(out, "\\x{%04X}", (unsigned)cp);
    } else {
        strbuf_printf(out, "\\x{%06X}", (unsigned)cp);
    }
}

size_t inspect_escape(const uint8_t *s, size_t len, char delim, long limit, StrBuf *out)
{
    size_t i = 0;
    while (i < len) {
        if (limit == 0) {
            return i;
        }
        if (limit > 0) {
            limit--;
        }
        if (s[i] == (uint8_t)delim) {
            strbuf_append(out, "\\", 1);
            strbuf_append(out, &s[i], 1);
            i++;
            continue;
        }
        if (s[i] == '#' && i + 1 < len && s[i + 1] == '{') {
            strbuf_append_cstr(out, "\\#{");
            i += 2;
            continue;
        }
        uint32_t cp;
        size_t n = inspect_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            strbuf_printf(out, "\\x%02X", (unsigned)s[i]);
            i++;
            continue;
        }
        const char *mapped = escape_map(cp);
        if (mapped != NULL) {
            strbuf_append_cstr(out, mapped);
        } else {
            escape_char(cp, out);
        }
        i += n;
    }
    return i;
}

bool inspect_string_printable(const uint8_t *s, size_t len, long limit)
{
    size_t i = 0;
    while (i < len) {
        if (limit == 0) {
            return true;
        }
        if (limit > 0) {
            limit--;
        }
        uint32_t cp;
        size_t n = inspect_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            return false;
        }
        bool ok = printable_range(cp) || (cp >= 7 && cp <= 13) || cp == 27 || cp == 127;
        if (!ok) {
            return false;
        }
        i += n;
    }
    return true;
}

// ==== Atom spelling (Macro.inspect_atom/2) ====

typedef enum AtomClass { CLASS_ALIAS, CLASS_UNQUOTED, CLASS_QUOTED } AtomClass;

static bool text_in(const char *name, size_t len, const char *const *set)
{
    for (size_t i = 0; set[i] != NULL; i++) {
        if (strlen(set[i]) == len && memcmp(set[i], name, len) == 0) {
            return true;
        }
    }
    return false;
}

static bool is_ident_byte(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 0x80;
}

bool inspect_atom_is_alias(const char *name, size_t len)
{
    if (len < 6 || memcmp(name, "Elixir", 6) != 0) {
        return false;
    }
    size_t i = 6;
    while (i < len) {
        if (name[i] != '.' || i + 1 >= len || name[i + 1] < 'A' || name[i + 1] > 'Z') {
            return false;
        }
        i += 2;
        while (i < len && name[i] != '.' && is_ident_byte((uint8_t)name[i]) &&
               (uint8_t)name[i] < 0x80) {
            i++;
        }
    }
    return true;
}

// The tokenizer's identifier/alias shape: a letter or _ first, then letters, digits, _ or @,
// optionally ending in ? or !. Non-ASCII letters are accepted when the text is valid UTF-8.
static bool is_identifier_text(const char *name, size_t len)
{
    const uint8_t *s = (const uint8_t *)name;
    if (len == 0 || (s[0] >= '0' && s[0] <= '9') || !is_ident_byte(s[0])) {
        return false;
    }
    size_t end = len;
    if (s[len - 1] == '?' || s[len - 1] == '!') {
        end--;
    }
    for (size_t i = 0; i < end;) {
        uint32_t cp;
        size_t n = inspect_utf8_decode(s + i, end - i, &cp);
        if (n == 0 || (!is_ident_byte(s[i]) && s[i] != '@')) {
            return false;
        }
        i += n;
    }
    return end > 0;
}

static AtomClass classify_atom(const char *name, size_t len)
{
    static const char *const not_callable[] = {
        "%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->", NULL};
    static const char *const quoted_ops[] = {"::", "^^^", "~~~", "<|>", NULL};
    static const char *const operators[] = {
        "@", "+", "-", "!", "^", "not", "*", "/", "++", "--", "+++", "---", "<>", "in",
        "|>", "<<<", ">>>", "<<~", "~>>", "<~", "~>", "<~>", "<", ">", "<=", ">=", "==",
        "!=", "=~", "===", "!==", "&&", "&&&", "and", "||", "|||", "or", "=", "|", "when",
        "<-", "\\\\", "&", "**", NULL};
    if (text_in(name, len, not_callable) || text_in(name, len, operators)) {
        return CLASS_UNQUOTED;
    }
    if (text_in(name, len, quoted_ops)) {
        return CLASS_QUOTED;
    }
    if (inspect_atom_is_alias(name, len)) {
        return CLASS_ALIAS;
    }
    return is_identifier_text(name, len) ? CLASS_UNQUOTED : CLASS_QUOTED;
}

static void append_quoted(const char *name, size_t len, StrBuf *out)
{
    strbuf_append(out, "\"", 1);
    inspect_escape((const uint8_t *)name, len, '"', -1, out);
    strbuf_append(out, "\"", 1);
}

void inspect_atom_literal(const char *name, size_t len, StrBuf *out)
{
    bool bare = (len == 3 && memcmp(name, "nil", 3) == 0) ||
                (len == 4 && memcmp(name, "true", 4) == 0) ||
                (len == 5 && memcmp(name, "false", 5) == 0);
    if (bare) {
        strbuf_append(out, name, len);
        return;
    }
    switch (classify_atom(name, len)) {
    case CLASS_ALIAS:
        if (len == 6 || (len >= 13 && memcmp(name, "Elixir.Elixir", 13) == 0 &&
                         (len == 13 || name[13] == '.'))) {
            strbuf_append(out, name, len);
        } else {
            strbuf_append(out, name + 7, len - 7);
        }
        return;
    case CLASS_QUOTED:
        strbuf_append(out, ":", 1);
        append_quoted(name, len, out);
        return;
    default:
        strbuf_append(out, ":", 1);
        strbuf_append(out, name, len);
        return;
    }
}

void inspect_atom_key(const char *name, size_t len, StrBuf *out)
{
    AtomClass cls = classify_atom(name, len);
    if (cls == CLASS_ALIAS) {
        strbuf_append(out, "\"", 1);
        strbuf_append(out, name, len);
        strbuf_append(out, "\":", 2);
    } else if (cls == CLASS_QUOTED) {
        append_quoted(name, len, out);
        strbuf_append(out, ":", 1);
    } else {
        strbuf_append(out, name, len);
        strbuf_append(out, ":", 1);
    }
}

void inspect_atom_remote(const char *name, size_t len, StrBuf *out)
{
    AtomClass cls = classify_atom(name, len);
    if (cls == CLASS_UNQUOTED && !text_in(name, len, (const char *const[]){
                                               "%", "%{}", "{}", "<<>>", "...", "..", ".",
                                               "..//", "->", NULL})) {
        strbuf_append(out, name, len);
    } else if (cls == CLASS_QUOTED) {
        append_quoted(name, len, out);
    } else {
        strbuf_append(out, "\"", 1);
        strbuf_append(out, name, len);
        strbuf_append(out, "\"", 1);
    }
}

// ==== Floats ====

// Shortest decimal digits of finite, non-zero |d| that read back as |d|: [digits] gets them
// (no dot, NUL-terminated), the return value is the decimal exponent of the first digit.
static int shortest_digits(double d, char *digits)
{
    char buf[40];
    int lo = 1;
    int hi = 17;
    while (lo < hi) { // more digits never stop round-tripping, so binary search works
        int mid = (lo + hi) / 2;
        snprintf(buf, sizeof buf, "%.*e", mid - 1, d);
        if (strtod(buf, NULL) == d) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    snprintf(buf, sizeof buf, "%.*e", lo - 1, d);
    size_t n = 0;
    char *p = buf;
    for (; *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9') {
            digits[n++] = *p;
        }
    }
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    return atoi(p + 1);
}

size_t inspect_format_float_short(double d, char *buf)
{
    char *p = buf;
    if (signbit(d)) {
        *p++ = '-';
        d = -d;
    }
    if (d == 0) {
        strcpy(p, "0.0");
        return (size_t)(p - buf) + 3;
    }
    char digits[24];
    int exp = shortest_digits(d, digits);
    int n = (int)strlen(digits);
    char exp_text[8];
    int exp_len = snprintf(exp_text, sizeof exp_text, "%d", exp);
    int sci_len = n + 1 + (n == 1 ? 1 : 0) + 1 + exp_len;
    int fixed_len = exp < 0 ? 2 + (-exp - 1) + n : (n > exp + 1 ? n + 1 : exp + 3);
    if (d < 9007199254740992.0 && fixed_len <= sci_len) { // 2^53: above it, always e-form
        if (exp < 0) {
            p += sprintf(p, "0.%.*s%s", -exp - 1, "0000000000000000000000", digits);
        } else if (n > exp + 1) {
            p += sprintf(p, "%.*s.%s", exp + 1, digits, digits + exp + 1);
        } else {
            p += sprintf(p, "%s%.*s.0", digits, exp + 1 - n, "0000000000000000000000");
        }
    } else {
        p += sprintf(p, "%c.%s", digits[0], n == 1 ? "0" : digits + 1);
        p += sprintf(p, "e%s", exp_text);
    }
    return (size_t)(p - buf);
}

size_t inspect_format_float(double d, char *buf)
{
    double a = fabs(d);
    if (a >= 1.0 && a < 1.0e16 && trunc(d) == d) {
        return (size_t)sprintf(buf, "%.0f.0", d);
    }
    return inspect_format_float_short(d, buf);
}
