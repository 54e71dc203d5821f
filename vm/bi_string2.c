// String built-ins, part two: searching (contains?, starts_with?, ends_with?), split, replace,
// trim, padding, duplicate and conversions to numbers, atoms and charlists. Patterns are a
// binary or a list of binaries; at one position the longest pattern wins, as in :binary.split.
#include "builtins.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "atom.h"
#include "bi_common.h"
#include "vm.h"
#include "regex/bi_regex.h"

// At most this many alternative patterns in one call.
#define STRING_MAX_PATTERNS 64

typedef struct Patterns {
    const uint8_t *bytes[STRING_MAX_PATTERNS];
    size_t size[STRING_MAX_PATTERNS];
    size_t count;
    bool has_empty;
} Patterns;

// Adds binary [t] to [pats]; false when [t] is not a binary or there are too many.
static bool add_pattern(Term t, Patterns *pats)
{
    if (pats->count == STRING_MAX_PATTERNS || !bi_text(t, &pats->bytes[pats->count],
                                                       &pats->size[pats->count])) {
        return false;
    }
    pats->has_empty = pats->has_empty || pats->size[pats->count] == 0;
    pats->count++;
    return true;
}

// Reads a binary or a list of binaries into [pats]; false when it is neither.
static bool read_patterns(Term t, Patterns *pats)
{
    pats->count = 0;
    pats->has_empty = false;
    if (term_is_binary(t)) {
        return add_pattern(t, pats);
    }
    for (; term_is_cons(t); t = term_tl(t)) {
        if (!add_pattern(term_hd(t), pats)) {
            return false;
        }
    }
    return term_is_nil(t);
}

// Finds the first non-empty match at or after [from]: its start in *[at] and length in
// *[len] (the longest pattern at that start). False when there is none.
static bool find_match(const uint8_t *s, size_t size, size_t from, const Patterns *pats,
                       size_t *at, size_t *len)
{
    for (size_t i = from; i < size; i++) {
        size_t best = 0;
        for (size_t k = 0; k < pats->count; k++) {
            size_t n = pats->size[k];
            if (n > best && n <= size - i && memcmp(s + i, pats->bytes[k], n) == 0) {
                best = n;
            }
        }
        if (best > 0) {
            *at = i;
            *len = best;
            return true;
        }
    }
    return false;
}

// Reads binary argument [t] or raises FunctionClauseError for [mfa].
static bool text_arg(Process *p, Term t, const char *mfa, const uint8_t **s, size_t *size)
{
    if (!bi_text(t, s, size)) {
        bi_function_clause(p, mfa);
        return false;
    }
    return true;
}

// ==== Searching ====

Term bi_string_contains_p_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    Patterns pats;
    if (!text_arg(p, args[0], "String.contains?/2", &s, &size)) {
        return TERM_NONE;
    }
    if (bi_regex_is_struct(p, args[1])) { // Elixir hands it to :binary.match
        return bi_badarg(p, 2, "not a valid pattern");
    }
    if (!read_patterns(args[1], &pats)) {
        return bi_function_clause(p, "String.contains?/2");
    }
    size_t at;
    size_t len;
    return term_from_bool(pats.has_empty || find_match(s, size, 0, &pats, &at, &len));
}

// True when [s] starts (or, with [at_end], ends) with one of [pats].
static bool affix_match(const uint8_t *s, size_t size, const Patterns *pats, bool at_end)
{
    for (size_t k = 0; k < pats->count; k++) {
        size_t n = pats->size[k];
        if (n <= size && memcmp(at_end ? s + size - n : s, pats->bytes[k], n) == 0) {
            return true;
        }
    }
    return false;
}

static Term affix_builtin(Process *p, Term *args, bool at_end, const char *mfa)
{
    const uint8_t *s;
    size_t size;
    Patterns pats;
    if (!text_arg(p, args[0], mfa, &s, &size)) {
        return TERM_NONE;
    }
    if (!read_patterns(args[1], &pats)) {
        return bi_function_clause(p, mfa);
    }
    return term_from_bool(affix_match(s, size, &pats, at_end));
}

Term bi_string_starts_with_p_2(Process *p, Term *args)
{
    return affix_builtin(p, args, false, "String.starts_with?/2");
}

Term bi_string_ends_with_p_2(Process *p, Term *args)
{
    return affix_builtin(p, args, true, "String.ends_with?/2");
}

// ==== Split ====

typedef struct SplitOpts {
    int64_t parts; // <= 0: infinity
    bool trim;
} SplitOpts;

// Reads parts:/trim: from keyword list [kw]. False when [kw] is not a keyword list.
static bool read_split_opts(Process *p, Term kw, SplitOpts *o)
{
    o->parts = 0;
    o->trim = false;
    for (; term_is_cons(kw); kw = term_tl(kw)) {
        Term pair = term_hd(kw);
        if (!term_is_tuple(pair) || term_tuple_arity(pair) != 2 ||
            !term_is_atom(term_tuple_elems(pair)[0])) {
            return false;
        }
        const char *key = bi_atom_text(p, term_tuple_elems(pair)[0], NULL);
        Term v = term_tuple_elems(pair)[1];
        if (strcmp(key, "parts") == 0 && term_is_small(v)) {
            o->parts = term_to_small(v);
        } else if (strcmp(key, "trim") == 0) {
            o->trim = v == term_true();
        }
    }
    return term_is_nil(kw);
}

typedef struct Pieces {
    Term *items;
    size_t len;
    size_t cap;
} Pieces;

// Adds s[from, to) to [out] unless trimming drops it; returns true when it was added.
static bool add_piece(Process *p, Term text, size_t from, size_t to, bool trim, Pieces *out)
{
    if (trim && from == to) {
        return false;
    }
    size_t size;
    const uint8_t *s = term_binary_bytes(text, &size);
    if (out->len == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 8;
        out->items = em_realloc(out->items, out->cap * sizeof(Term));
    }
    out->items[out->len++] = term_make_binary(p, s + from, to - from);
    return true;
}

// The cut points of [text] for [pats]: each match start/end pair, or every grapheme boundary
// for an empty pattern. Calls add_piece for each piece honouring parts/trim.
static void split_text(Process *p, Term text, const Patterns *pats, const SplitOpts *o,
                       Pieces *out)
{
    size_t size;
    const uint8_t *s = term_binary_bytes(text, &size);
    int64_t left = o->parts > 0 ? o->parts : INT64_MAX;
    size_t pos = 0;
    if (pats->has_empty) {
        size_t n;
        size_t *off = bi_graphemes(s, size, &n);
        for (size_t k = 0; size > 0 && k <= n && left > 1; k++) {
            size_t cut = off[k];
            left -= add_piece(p, text, pos, cut, o->trim, out) ? 1 : 0;
            pos = cut;
        }
        free(off);
    } else {
        size_t at;
        size_t len;
        while (left > 1 && find_match(s, size, pos, pats, &at, &len)) {
            left -= add_piece(p, text, pos, at, o->trim, out) ? 1 : 0;
            pos = at + len;
        }
    }
    add_piece(p, text, pos, size, o->trim, out);
}

static Term split_builtin(Process *p, Term text, Term pattern, Term kw)
{
    const uint8_t *s;
    size_t size;
    Patterns pats;
    SplitOpts o;
    if (!text_arg(p, text, "String.split/3", &s, &size)) {
        return TERM_NONE;
    }
    if (!read_patterns(pattern, &pats) || !read_split_opts(p, kw, &o)) {
        return bi_function_clause(p, "String.split/3");
    }
    Pieces out = {NULL, 0, 0};
    if (size == 0 && pats.has_empty && !o.trim) {
        add_piece(p, text, 0, 0, false, &out); // Elixir: String.split("", "") == ["", ""]
    }
    if (size > 0 || !o.trim) {
        split_text(p, text, &pats, &o, &out);
    }
    Term r = bi_list_from_array(p, out.items, out.len, TERM_NIL);
    free(out.items);
    return r;
}

Term bi_string_split_2(Process *p, Term *args)
{
    return split_builtin(p, args[0], args[1], TERM_NIL);
}

Term bi_string_split_3(Process *p, Term *args)
{
    return split_builtin(p, args[0], args[1], args[2]);
}

// Unicode whitespace as String.split/1 and String.trim/1 see it (non-breaking spaces excluded).
static bool is_space(utf8proc_int32_t cp)
{
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x205F || cp == 0x3000;
}

// The length of the whitespace codepoint at s[i], or 0. String.trim also removes the
// non-breaking spaces that String.split/1 keeps.
static size_t whitespace_at(const uint8_t *s, size_t size, size_t i, bool non_breaking)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(size - i), &cp);
    bool nb = cp == 0xA0 || cp == 0x2007 || cp == 0x202F;
    return (len > 0 && (is_space(cp) || (non_breaking && nb))) ? (size_t)len : 0;
}

static size_t space_at(const uint8_t *s, size_t size, size_t i)
{
    return whitespace_at(s, size, i, false);
}

static size_t trim_space_at(const uint8_t *s, size_t size, size_t i)
{
    return whitespace_at(s, size, i, true);
}

Term bi_string_split_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.split/1", &s, &size)) {
        return TERM_NONE;
    }
    Pieces out = {NULL, 0, 0};
    size_t start = 0;
    size_t i = 0;
    while (i < size) {
        size_t sp = space_at(s, size, i);
        if (sp == 0) {
            i++;
            continue;
        }
        add_piece(p, args[0], start, i, true, &out);
        i += sp;
        start = i;
    }
    add_piece(p, args[0], start, size, true, &out);
    Term r = bi_list_from_array(p, out.items, out.len, TERM_NIL);
    free(out.items);
    return r;
}

// ==== Trim ====

// [pat_size] when s[from, to) starts (or with [at_end] ends) with [pat], else 0.
static size_t affix_len(const uint8_t *s, size_t from, size_t to, const uint8_t *pat,
                        size_t pat_size, bool at_end)
{
    if (pat_size > to - from) {
        return 0;
    }
    return memcmp(at_end ? s + to - pat_size : s + from, pat, pat_size) == 0 ? pat_size : 0;
}

// The length of the whitespace codepoint ending s[from, to) at [to], or 0.
static size_t trailing_space(const uint8_t *s, size_t from, size_t to)
{
    size_t k = to - 1;
    while (k > from && (s[k] & 0xC0) == 0x80) {
        k--;
    }
    return trim_space_at(s, to, k) == to - k ? to - k : 0;
}

// Trims whitespace (to_trim NULL) or repeated [to_trim] from the chosen ends of [t].
static Term trim_text(Process *p, Term t, Term to_trim, bool lead, bool trail, const char *mfa)
{
    const uint8_t *s;
    size_t size;
    const uint8_t *pat = NULL;
    size_t pat_size = 0;
    if (!text_arg(p, t, mfa, &s, &size)) {
        return TERM_NONE;
    }
    if (to_trim != TERM_NONE && (!bi_text(to_trim, &pat, &pat_size) || pat_size == 0)) {
        return bi_function_clause(p, mfa);
    }
    size_t from = 0;
    size_t to = size;
    while (lead && from < to) {
        size_t n = pat ? affix_len(s, from, to, pat, pat_size, false) : trim_space_at(s, to, from);
        if (n == 0) {
            break;
        }
        from += n;
    }
    while (trail && to > from) {
        size_t n = pat ? affix_len(s, from, to, pat, pat_size, true) : trailing_space(s, from, to);
        if (n == 0) {
            break;
        }
        to -= n;
    }
    return term_make_binary(p, s + from, to - from);
}

Term bi_string_trim_1(Process *p, Term *args)
{
    return trim_text(p, args[0], TERM_NONE, true, true, "String.trim/1");
}

Term bi_string_trim_2(Process *p, Term *args)
{
    return trim_text(p, args[0], args[1], true, true, "String.trim/2");
}

Term bi_string_trim_leading_1(Process *p, Term *args)
{
    return trim_text(p, args[0], TERM_NONE, true, false, "String.trim_leading/1");
}

Term bi_string_trim_leading_2(Process *p, Term *args)
{
    return trim_text(p, args[0], args[1], true, false, "String.trim_leading/2");
}

Term bi_string_trim_trailing_1(Process *p, Term *args)
{
    return trim_text(p, args[0], TERM_NONE, false, true, "String.trim_trailing/1");
}

Term bi_string_trim_trailing_2(Process *p, Term *args)
{
    return trim_text(p, args[0], args[1], false, true, "String.trim_trailing/2");
}

// ==== Replace ====

// Reads the global: option of [kw] (default true); false when [kw] is not a keyword list.
static bool read_global(Process *p, Term kw, bool *global)
{
    *global = true;
    for (; term_is_cons(kw); kw = term_tl(kw)) {
        Term pair = term_hd(kw);
        if (!term_is_tuple(pair) || term_tuple_arity(pair) != 2 ||
            !term_is_atom(term_tuple_elems(pair)[0])) {
            return false;
        }
        if (strcmp(bi_atom_text(p, term_tuple_elems(pair)[0], NULL), "global") == 0) {
            *global = term_is_truthy(term_tuple_elems(pair)[1]);
        }
    }
    return term_is_nil(kw);
}

// Appends [s] with [rep] inserted at every grapheme boundary (an empty pattern).
static void replace_empty(const uint8_t *s, size_t size, const uint8_t *rep, size_t rep_size,
                          bool global, StrBuf *out)
{
    size_t n;
    size_t *off = bi_graphemes(s, size, &n);
    for (size_t k = 0; k < n; k++) {
        if (global || k == 0) {
            strbuf_append(out, rep, rep_size);
        }
        strbuf_append(out, s + off[k], off[k + 1] - off[k]);
    }
    if (global || n == 0) {
        strbuf_append(out, rep, rep_size);
    }
    free(off);
}

static Term replace_builtin(Process *p, Term *args, Term kw)
{
    const uint8_t *s;
    size_t size;
    const uint8_t *rep;
    size_t rep_size;
    Patterns pats;
    bool global;
    if (!text_arg(p, args[0], "String.replace/4", &s, &size)) {
        return TERM_NONE;
    }
    if (!read_patterns(args[1], &pats) || !bi_text(args[2], &rep, &rep_size) ||
        !read_global(p, kw, &global)) {
        return bi_function_clause(p, "String.replace/4");
    }
    StrBuf b;
    strbuf_init(&b);
    if (pats.has_empty) {
        replace_empty(s, size, rep, rep_size, global, &b);
    } else {
        size_t pos = 0;
        size_t at;
        size_t len;
        while (find_match(s, size, pos, &pats, &at, &len)) {
            strbuf_append(&b, s + pos, at - pos);
            strbuf_append(&b, rep, rep_size);
            pos = at + len;
            if (!global) {
                break;
            }
        }
        strbuf_append(&b, s + pos, size - pos);
    }
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

Term bi_string_replace_3(Process *p, Term *args) { return replace_builtin(p, args, TERM_NIL); }
Term bi_string_replace_4(Process *p, Term *args) { return replace_builtin(p, args, args[3]); }

// ==== Duplicate and padding ====

Term bi_string_duplicate_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size) || !term_is_small(args[1]) || term_to_small(args[1]) < 0) {
        return bi_badarg(p, 1, "not a binary");
    }
    size_t times = (size_t)term_to_small(args[1]);
    uint8_t *out;
    Term r = term_make_binary_uninit(p, size * times, &out);
    for (size_t i = 0; i < times; i++) {
        memcpy(out + i * size, s, size);
    }
    return r;
}

// Pads [args[0]] to [args[1]] graphemes with [pad] repeated, in front when [leading].
static Term pad_text(Process *p, Term *args, Term pad, bool leading, const char *mfa)
{
    const uint8_t *s;
    size_t size;
    const uint8_t *ps;
    size_t psize;
    if (!text_arg(p, args[0], mfa, &s, &size)) {
        return TERM_NONE;
    }
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0 || !bi_text(pad, &ps, &psize)) {
        return bi_function_clause(p, mfa);
    }
    if (psize == 0) {
        return error_raise(p, ERR_ARGUMENT, "expected a string padding element, got: \"\"");
    }
    size_t n;
    size_t pn;
    free(bi_graphemes(s, size, &n));
    size_t *poff = bi_graphemes(ps, psize, &pn);
    int64_t missing = term_to_small(args[1]) - (int64_t)n;
    StrBuf b;
    strbuf_init(&b);
    if (!leading) {
        strbuf_append(&b, s, size);
    }
    for (int64_t i = 0; i < missing; i++) {
        size_t k = (size_t)i % pn;
        strbuf_append(&b, ps + poff[k], poff[k + 1] - poff[k]);
    }
    if (leading) {
        strbuf_append(&b, s, size);
    }
    free(poff);
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

Term bi_string_pad_leading_2(Process *p, Term *args)
{
    return pad_text(p, args, bi_binary_from_cstr(p, " "), true, "String.pad_leading/3");
}

Term bi_string_pad_leading_3(Process *p, Term *args)
{
    return pad_text(p, args, args[2], true, "String.pad_leading/3");
}

Term bi_string_pad_trailing_2(Process *p, Term *args)
{
    return pad_text(p, args, bi_binary_from_cstr(p, " "), false, "String.pad_trailing/3");
}

Term bi_string_pad_trailing_3(Process *p, Term *args)
{
    return pad_text(p, args, args[2], false, "String.pad_trailing/3");
}

// ==== Conversions ====

// Parses all of binary [t] as an integer in [base]; raises ArgumentError like Elixir.
static Term text_to_integer(Process *p, Term t, unsigned base)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(t, &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    Term v;
    size_t used;
    if (!bi_parse_int_prefix(p, s, size, base, &v, &used) || used != size) {
        return bi_badarg(p, 1, "not a textual representation of an integer");
    }
    return v;
}

Term bi_string_to_integer_1(Process *p, Term *args) { return text_to_integer(p, args[0], 10); }

Term bi_string_to_integer_2(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 2 || term_to_small(args[1]) > 36) {
        return bi_badarg(p, 2, "not a valid base");
    }
    return text_to_integer(p, args[0], (unsigned)term_to_small(args[1]));
}

Term bi_string_to_float_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    double d;
    size_t used;
    if (!bi_parse_float_prefix(s, size, true, &d, &used) || used != size) {
        return bi_badarg(p, 1, "not a textual representation of a float");
    }
    return term_make_float(p, d);
}

Term bi_string_to_atom_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    return bi_atom_from_text(p, (const char *)s, size);
}

Term bi_string_to_existing_atom_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    uint32_t idx;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (!atom_lookup(p->vm->atoms, (const char *)s, size, &idx)) {
        return bi_badarg(p, 1, "not an already existing atom");
    }
    return term_from_atom(idx);
}

Term bi_string_to_charlist_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_function_clause(p, "String.to_charlist/1");
    }
    return bi_charlist_from_utf8(p, s, size);
}

// Kernel.=~/2 with a string on the right (regexes are not supported): String.contains?.
Term bi_kernel_op_match_2(Process *p, Term *args)
{
    if (term_is_binary(args[0]) && bi_regex_is_struct(p, args[1])) {
        return bi_regex_match_p(p, args[1], args[0]);
    }
    if (!term_is_binary(args[0]) || !term_is_binary(args[1])) {
        return bi_function_clause(p, "Kernel.=~/2");
    }
    return bi_string_contains_p_2(p, args);
}

// ==== replace_prefix / suffix / leading / trailing ====

typedef enum AffixMode { AFFIX_ONCE, AFFIX_REPEAT } AffixMode;

// Replaces [match] at the start (or with [at_end] the end) of [args[0]] by [args[2]], once or
// for every repetition.
static Term replace_affix(Process *p, Term *args, bool at_end, AffixMode mode, const char *mfa)
{
    const uint8_t *s;
    const uint8_t *m;
    const uint8_t *r;
    size_t size;
    size_t msize;
    size_t rsize;
    if (!bi_text(args[0], &s, &size) || !bi_text(args[1], &m, &msize) ||
        !bi_text(args[2], &r, &rsize)) {
        return bi_function_clause(p, mfa);
    }
    if (msize == 0 && mode == AFFIX_REPEAT) {
        return error_raise(p, ERR_ARGUMENT, "cannot use an empty string as the match to replace");
    }
    size_t from = 0;
    size_t to = size;
    size_t count = 0;
    while (affix_len(s, from, to, m, msize, at_end) == msize && (msize > 0 || count == 0)) {
        count++;
        from += at_end ? 0 : msize;
        to -= at_end ? msize : 0;
        if (mode == AFFIX_ONCE) {
            break;
        }
    }
    StrBuf b;
    strbuf_init(&b);
    for (size_t i = 0; !at_end && i < count; i++) {
        strbuf_append(&b, r, rsize);
    }
    strbuf_append(&b, s + from, to - from);
    for (size_t i = 0; at_end && i < count; i++) {
        strbuf_append(&b, r, rsize);
    }
    Term out = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return out;
}

Term bi_string_replace_prefix_3(Process *p, Term *args)
{
    return replace_affix(p, args, false, AFFIX_ONCE, "String.replace_prefix/3");
}

Term bi_string_replace_suffix_3(Process *p, Term *args)
{
    return replace_affix(p, args, true, AFFIX_ONCE, "String.replace_suffix/3");
}

Term bi_string_replace_leading_3(Process *p, Term *args)
{
    return replace_affix(p, args, false, AFFIX_REPEAT, "String.replace_leading/3");
}

Term bi_string_replace_trailing_3(Process *p, Term *args)
{
    return replace_affix(p, args, true, AFFIX_REPEAT, "String.replace_trailing/3");
}

// ==== Normalisation, equivalence, Jaro distance ====

// [s] normalised to form [form] ("nfd", "nfc", "nfkd", "nfkc") as a malloc'd NUL-terminated
// string from utf8proc (caller frees with free()), NULL on invalid UTF-8.
static uint8_t *normalize_text(const uint8_t *s, size_t size, const char *form)
{
    int opts = UTF8PROC_STABLE;
    if (form[2] == 'k') {
        opts |= UTF8PROC_COMPAT;
    }
    opts |= form[strlen(form) - 1] == 'c' ? UTF8PROC_COMPOSE : UTF8PROC_DECOMPOSE;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map(s, (utf8proc_ssize_t)size, &out, (utf8proc_option_t)opts);
    return n < 0 ? NULL : out;
}

Term bi_string_normalize_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!term_is_atom(args[1])) {
        return bi_function_clause(p, "String.normalize/2");
    }
    if (!text_arg(p, args[0], "String.normalize/2", &s, &size)) {
        return TERM_NONE;
    }
    const char *form = bi_atom_text(p, args[1], NULL);
    if (strcmp(form, "nfd") != 0 && strcmp(form, "nfc") != 0 && strcmp(form, "nfkd") != 0 &&
        strcmp(form, "nfkc") != 0) {
        return bi_function_clause(p, "String.normalize/2");
    }
    uint8_t *out = normalize_text(s, size, form);
    if (out == NULL) {
        return args[0]; // invalid UTF-8 is left alone
    }
    Term r = term_make_binary(p, (const char *)out, strlen((const char *)out));
    free(out);
    return r;
}

Term bi_string_equivalent_p_2(Process *p, Term *args)
{
    const uint8_t *a, *b;
    size_t na, nb;
    if (!text_arg(p, args[0], "String.equivalent?/2", &a, &na) ||
        !text_arg(p, args[1], "String.equivalent?/2", &b, &nb)) {
        return TERM_NONE;
    }
    uint8_t *da = normalize_text(a, na, "nfd");
    uint8_t *db = normalize_text(b, nb, "nfd");
    bool eq = da != NULL && db != NULL ? strcmp((const char *)da, (const char *)db) == 0
                                       : na == nb && memcmp(a, b, na) == 0;
    free(da);
    free(db);
    return term_from_bool(eq);
}

static bool grapheme_eq(const uint8_t *a, const size_t *oa, size_t i, const uint8_t *b,
                        const size_t *ob, size_t j)
{
    size_t la = oa[i + 1] - oa[i], lb = ob[j + 1] - ob[j];
    return la == lb && memcmp(a + oa[i], b + ob[j], la) == 0;
}

// Jaro similarity over graphemes: matches within max(len)/2 - 1 positions, transpositions
// counted as half the matched graphemes out of order (Elixir 1.14's results).
Term bi_string_jaro_distance_2(Process *p, Term *args)
{
    const uint8_t *a, *b;
    size_t na, nb;
    if (!text_arg(p, args[0], "String.jaro_distance/2", &a, &na) ||
        !text_arg(p, args[1], "String.jaro_distance/2", &b, &nb)) {
        return TERM_NONE;
    }
    if (na == nb && memcmp(a, b, na) == 0) {
        return term_make_float(p, 1.0);
    }
    if (na == 0 || nb == 0) {
        return term_make_float(p, 0.0);
    }
    size_t la, lb;
    size_t *oa = bi_graphemes(a, na, &la);
    size_t *ob = bi_graphemes(b, nb, &lb);
    size_t longest = la > lb ? la : lb;
    size_t window = longest / 2 >= 1 ? longest / 2 - 1 : 0;
    bool *ma = em_calloc(la + 1, sizeof(bool));
    bool *mb = em_calloc(lb + 1, sizeof(bool));
    size_t m = 0;
    for (size_t i = 0; i < la; i++) {
        size_t lo = i > window ? i - window : 0;
        size_t hi = i + window + 1 < lb ? i + window + 1 : lb;
        for (size_t j = lo; j < hi; j++) {
            if (!mb[j] && grapheme_eq(a, oa, i, b, ob, j)) {
                ma[i] = mb[j] = true;
                m++;
                break;
            }
        }
    }
    double r = 0.0;
    if (m > 0) {
        size_t mis = 0, j = 0;
        for (size_t i = 0; i < la; i++) {
            if (!ma[i]) {
                continue;
            }
            while (!mb[j]) {
                j++;
            }
            if (!grapheme_eq(a, oa, i, b, ob, j)) {
                mis++;
            }
            j++;
        }
        double md = (double)m;
        r = (md / (double)la + md / (double)lb + (md - (double)mis / 2.0) / md) / 3.0;
    }
    free(ma);
    free(mb);
    free(oa);
    free(ob);
    return term_make_float(p, r);
}
