// String built-ins, part one: graphemes (utf8proc's extended grapheme clusters), length,
// case mapping, slicing and reversal. String positions count graphemes, never bytes.
// Searching, splitting, trimming, replacing and conversions are in bi_string2.c.
#include "builtins.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "atom.h"
#include "bi_common.h"
#include "map.h"
#include "vm.h"

// ==== Graphemes ====

size_t *bi_graphemes(const uint8_t *s, size_t size, size_t *count)
{
    size_t *offsets = em_malloc((size + 1) * sizeof(size_t));
    size_t n = 0;
    size_t i = 0;
    utf8proc_int32_t state = 0;
    utf8proc_int32_t prev = -1;
    while (i < size) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(size - i), &cp);
        if (len <= 0) {
            offsets[n++] = i; // an invalid byte stands alone
            prev = -1;
            state = 0;
            i++;
            continue;
        }
        if (prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            offsets[n++] = i;
        }
        prev = cp;
        i += (size_t)len;
    }
    offsets[n] = size;
    *count = n;
    return offsets;
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

Term bi_string_length_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.length/1", &s, &size)) {
        return TERM_NONE;
    }
    size_t n;
    free(bi_graphemes(s, size, &n));
    return term_from_small((int64_t)n);
}

// A list of the graphemes (or, with [codepoints], the codepoints) of [t].
static Term split_units(Process *p, Term t, bool codepoints, const char *mfa)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, t, mfa, &s, &size)) {
        return TERM_NONE;
    }
    size_t n = 0;
    size_t *off;
    if (codepoints) {
        off = em_malloc((size + 1) * sizeof(size_t));
        for (size_t i = 0; i < size; n++) {
            off[n] = i;
            utf8proc_int32_t cp;
            utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(size - i), &cp);
            i += len > 0 ? (size_t)len : 1;
        }
        off[n] = size;
    } else {
        off = bi_graphemes(s, size, &n);
    }
    Term acc = TERM_NIL;
    for (size_t k = n; k > 0; k--) {
        acc = term_make_cons(p, term_make_binary(p, s + off[k - 1], off[k] - off[k - 1]), acc);
    }
    free(off);
    return acc;
}

Term bi_string_graphemes_1(Process *p, Term *args)
{
    return split_units(p, args[0], false, "String.graphemes/1");
}

Term bi_string_codepoints_1(Process *p, Term *args)
{
    return split_units(p, args[0], true, "String.codepoints/1");
}

// ==== Case mapping ====

typedef enum CaseMode { CASE_UPPER, CASE_LOWER, CASE_TITLE } CaseMode;

// Appends [cp] mapped to [mode], with the one-to-many mappings utf8proc lacks (ß -> SS).
static void append_mapped(StrBuf *out, utf8proc_int32_t cp, CaseMode mode)
{
    if (cp == 0xDF && mode != CASE_LOWER) {
        strbuf_append_cstr(out, mode == CASE_UPPER ? "SS" : "Ss");
        return;
    }
    utf8proc_int32_t m = mode == CASE_UPPER   ? utf8proc_toupper(cp)
                         : mode == CASE_LOWER ? utf8proc_tolower(cp)
                                              : utf8proc_totitle(cp);
    bi_utf8_append(out, (uint32_t)m);
}

// Appends [size] bytes of [s] case-mapped; invalid bytes are copied unchanged.
static void map_case(const uint8_t *s, size_t size, CaseMode mode, StrBuf *out)
{
    size_t i = 0;
    while (i < size) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(size - i), &cp);
        if (len <= 0) {
            strbuf_append(out, s + i, 1);
            i++;
            continue;
        }
        append_mapped(out, cp, mode);
        i += (size_t)len;
    }
}

static Term case_builtin(Process *p, Term t, CaseMode mode, const char *mfa)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, t, mfa, &s, &size)) {
        return TERM_NONE;
    }
    StrBuf b;
    strbuf_init(&b);
    map_case(s, size, mode, &b);
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

Term bi_string_upcase_1(Process *p, Term *args)
{
    return case_builtin(p, args[0], CASE_UPPER, "String.upcase/2");
}

Term bi_string_downcase_1(Process *p, Term *args)
{
    return case_builtin(p, args[0], CASE_LOWER, "String.downcase/2");
}

Term bi_string_capitalize_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.capitalize/2", &s, &size)) {
        return TERM_NONE;
    }
    size_t n;
    size_t *off = bi_graphemes(s, size, &n);
    StrBuf b;
    strbuf_init(&b);
    if (n > 0) {
        map_case(s, off[1], CASE_TITLE, &b);
        map_case(s + off[1], size - off[1], CASE_LOWER, &b);
    }
    free(off);
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

// ==== Slicing ====

// The graphemes [from, to) of [t] taking every [step]th one, as a new binary.
static Term slice_graphemes(Process *p, Term t, int64_t from, int64_t to, int64_t step)
{
    size_t size;
    const uint8_t *s = term_binary_bytes(t, &size);
    size_t n;
    size_t *off = bi_graphemes(s, size, &n);
    if (from < 0) {
        from = 0;
    }
    if (to > (int64_t)n) {
        to = (int64_t)n;
    }
    StrBuf b;
    strbuf_init(&b);
    for (int64_t i = from; i < to; i += step) {
        strbuf_append(&b, s + off[i], off[i + 1] - off[i]);
    }
    free(off);
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

// Grapheme count of binary [t].
static int64_t grapheme_count(Term t)
{
    size_t size;
    const uint8_t *s = term_binary_bytes(t, &size);
    size_t n;
    free(bi_graphemes(s, size, &n));
    return (int64_t)n;
}

Term bi_string_slice_3(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.slice/3", &s, &size)) {
        return TERM_NONE;
    }
    if (!term_is_small(args[1]) || !term_is_small(args[2]) || term_to_small(args[2]) < 0) {
        return bi_function_clause(p, "String.slice/3");
    }
    int64_t start = term_to_small(args[1]);
    int64_t len = term_to_small(args[2]);
    if (start < 0) {
        start += grapheme_count(args[0]);
        if (start < 0) {
            start = 0;
        }
    }
    return slice_graphemes(p, args[0], start, start + len, 1);
}

// Reads the first/last/step of range struct [r]; false when [r] is not a small-int range.
static bool range_fields(Term r, int64_t *first, int64_t *last, int64_t *step)
{
    Term f;
    Term l;
    Term st;
    if (!term_is_map(r) || map_struct_name(r) != term_from_atom(ATOM_Elixir_Range) ||
        !map_get(r, term_from_atom(ATOM_first), &f) || !map_get(r, term_from_atom(ATOM_last), &l) ||
        !map_get(r, term_from_atom(ATOM_step), &st)) {
        return false;
    }
    if (!term_is_small(f) || !term_is_small(l) || !term_is_small(st)) {
        return false;
    }
    *first = term_to_small(f);
    *last = term_to_small(l);
    *step = term_to_small(st);
    return true;
}

Term bi_string_slice_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    int64_t first;
    int64_t last;
    int64_t step;
    if (!text_arg(p, args[0], "String.slice/2", &s, &size)) {
        return TERM_NONE;
    }
    if (!range_fields(args[1], &first, &last, &step)) {
        return bi_function_clause(p, "String.slice/2");
    }
    if (step == -1 && first > last) {
        step = 1;
    }
    if (step <= 0) {
        StrBuf b;
        strbuf_init(&b);
        InspectOpts opts = inspect_default_opts();
        inspect_term(p->vm, args[1], &opts, &b);
        Term r = error_raise(p, ERR_ARGUMENT,
                             "String.slice/2 does not accept ranges with negative steps, got: "
                             "%.*s", (int)b.len, b.data);
        strbuf_free(&b);
        return r;
    }
    if (first < 0 || last < 0) {
        int64_t n = grapheme_count(args[0]);
        first = first < 0 ? (first + n < 0 ? 0 : first + n) : first;
        last = last < 0 ? last + n : last;
    }
    if (last < first) {
        return term_make_binary(p, "", 0);
    }
    return slice_graphemes(p, args[0], first, last + 1, step);
}

// The grapheme at [index] (negative counts from the end) of [t], or nil.
static Term grapheme_at(Process *p, Term t, int64_t index)
{
    size_t size;
    const uint8_t *s = term_binary_bytes(t, &size);
    size_t n;
    size_t *off = bi_graphemes(s, size, &n);
    if (index < 0) {
        index += (int64_t)n;
    }
    Term r = term_nil_atom();
    if (index >= 0 && index < (int64_t)n) {
        r = term_make_binary(p, s + off[index], off[index + 1] - off[index]);
    }
    free(off);
    return r;
}

Term bi_string_at_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.at/2", &s, &size)) {
        return TERM_NONE;
    }
    if (!term_is_small(args[1])) {
        return bi_function_clause(p, "String.at/2");
    }
    return grapheme_at(p, args[0], term_to_small(args[1]));
}

Term bi_string_first_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.first/1", &s, &size)) {
        return TERM_NONE;
    }
    return grapheme_at(p, args[0], 0);
}

Term bi_string_last_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.last/1", &s, &size)) {
        return TERM_NONE;
    }
    return grapheme_at(p, args[0], -1);
}

Term bi_string_reverse_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.reverse/1", &s, &size)) {
        return TERM_NONE;
    }
    size_t n;
    size_t *off = bi_graphemes(s, size, &n);
    uint8_t *out;
    Term r = term_make_binary_uninit(p, size, &out);
    size_t pos = 0;
    for (size_t k = n; k > 0; k--) {
        size_t len = off[k] - off[k - 1];
        memcpy(out + pos, s + off[k - 1], len);
        pos += len;
    }
    free(off);
    return r;
}

Term bi_string_split_at_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.split_at/2", &s, &size)) {
        return TERM_NONE;
    }
    if (!term_is_small(args[1])) {
        return bi_function_clause(p, "String.split_at/2");
    }
    size_t n;
    size_t *off = bi_graphemes(s, size, &n);
    int64_t at = term_to_small(args[1]);
    if (at < 0) {
        at = at + (int64_t)n < 0 ? 0 : at + (int64_t)n;
    }
    size_t cut = at >= (int64_t)n ? size : off[at];
    free(off);
    Term left = term_make_binary(p, s, cut);
    s = term_binary_bytes(args[0], &size);
    return bi_tuple2(p, left, term_make_binary(p, s + cut, size - cut));
}

Term bi_string_valid_p_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.valid?/1", &s, &size)) {
        return TERM_NONE;
    }
    for (size_t i = 0; i < size;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(size - i), &cp);
        if (len <= 0) {
            return term_false();
        }
        i += (size_t)len;
    }
    return term_true();
}

// String.printable?: valid UTF-8 without control characters other than common whitespace.
static bool printable_cp(utf8proc_int32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F) {
        return true;
    }
    if (cp == '\n' || cp == '\r' || cp == '\t' || cp == '\v' || cp == '\b' || cp == '\f' ||
        cp == 0x1B || cp == 0x07) {
        return true;
    }
    return cp >= 0xA0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE &&
           cp != 0xFFFF;
}

Term bi_string_printable_p_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, args[0], "String.printable?/2", &s, &size)) {
        return TERM_NONE;
    }
    for (size_t i = 0; i < size;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(size - i), &cp);
        if (len <= 0 || !printable_cp(cp)) {
            return term_false();
        }
        i += (size_t)len;
    }
    return term_true();
}

// {first, rest} splitting [t] after its first grapheme (or codepoint), or nil when empty.
static Term next_unit(Process *p, Term t, bool codepoint, const char *mfa)
{
    const uint8_t *s;
    size_t size;
    if (!text_arg(p, t, mfa, &s, &size)) {
        return TERM_NONE;
    }
    if (size == 0) {
        return term_nil_atom();
    }
    size_t cut;
    if (codepoint) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(s, (utf8proc_ssize_t)size, &cp);
        cut = len > 0 ? (size_t)len : 1;
    } else {
        size_t n;
        size_t *off = bi_graphemes(s, size, &n);
        cut = off[1];
        free(off);
    }
    Term first = term_make_binary(p, s, cut);
    s = term_binary_bytes(t, &size);
    return bi_tuple2(p, first, term_make_binary(p, s + cut, size - cut));
}

Term bi_string_next_grapheme_1(Process *p, Term *args)
{
    return next_unit(p, args[0], false, "String.next_grapheme/1");
}

Term bi_string_next_codepoint_1(Process *p, Term *args)
{
    return next_unit(p, args[0], true, "String.next_codepoint/1");
}
