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

// The unconditional one-to-many mappings of Unicode 14's SpecialCasing.txt (the version
// Elixir 1.14 uses), which utf8proc's simple mappings lack: full upper and title case (UTF-8)
// for each codepoint that has one, and the lower case where it is more than one codepoint
// (only U+0130). Generated from Python's unicodedata 14.0.0 (str.upper/title/lower of each
// codepoint). Elixir 1.14 applies no conditional mappings (no final sigma).
typedef struct SpecialCase {
    uint32_t cp;
    const char *upper, *title, *lower;
} SpecialCase;

static const SpecialCase special_cases[] = {
    {0x00DF, "\x53\x53", "\x53\x73", NULL},
    {0x0130, "\xc4\xb0", "\xc4\xb0", "\x69\xcc\x87"},
    {0x0149, "\xca\xbc\x4e", "\xca\xbc\x4e", NULL},
    {0x01F0, "\x4a\xcc\x8c", "\x4a\xcc\x8c", NULL},
    {0x0390, "\xce\x99\xcc\x88\xcc\x81", "\xce\x99\xcc\x88\xcc\x81", NULL},
    {0x03B0, "\xce\xa5\xcc\x88\xcc\x81", "\xce\xa5\xcc\x88\xcc\x81", NULL},
    {0x0587, "\xd4\xb5\xd5\x92", "\xd4\xb5\xd6\x82", NULL},
    {0x1E96, "\x48\xcc\xb1", "\x48\xcc\xb1", NULL},
    {0x1E97, "\x54\xcc\x88", "\x54\xcc\x88", NULL},
    {0x1E98, "\x57\xcc\x8a", "\x57\xcc\x8a", NULL},
    {0x1E99, "\x59\xcc\x8a", "\x59\xcc\x8a", NULL},
    {0x1E9A, "\x41\xca\xbe", "\x41\xca\xbe", NULL},
    {0x1F50, "\xce\xa5\xcc\x93", "\xce\xa5\xcc\x93", NULL},
    {0x1F52, "\xce\xa5\xcc\x93\xcc\x80", "\xce\xa5\xcc\x93\xcc\x80", NULL},
    {0x1F54, "\xce\xa5\xcc\x93\xcc\x81", "\xce\xa5\xcc\x93\xcc\x81", NULL},
    {0x1F56, "\xce\xa5\xcc\x93\xcd\x82", "\xce\xa5\xcc\x93\xcd\x82", NULL},
    {0x1F80, "\xe1\xbc\x88\xce\x99", "\xe1\xbe\x88", NULL},
    {0x1F81, "\xe1\xbc\x89\xce\x99", "\xe1\xbe\x89", NULL},
    {0x1F82, "\xe1\xbc\x8a\xce\x99", "\xe1\xbe\x8a", NULL},
    {0x1F83, "\xe1\xbc\x8b\xce\x99", "\xe1\xbe\x8b", NULL},
    {0x1F84, "\xe1\xbc\x8c\xce\x99", "\xe1\xbe\x8c", NULL},
    {0x1F85, "\xe1\xbc\x8d\xce\x99", "\xe1\xbe\x8d", NULL},
    {0x1F86, "\xe1\xbc\x8e\xce\x99", "\xe1\xbe\x8e", NULL},
    {0x1F87, "\xe1\xbc\x8f\xce\x99", "\xe1\xbe\x8f", NULL},
    {0x1F88, "\xe1\xbc\x88\xce\x99", "\xe1\xbe\x88", NULL},
    {0x1F89, "\xe1\xbc\x89\xce\x99", "\xe1\xbe\x89", NULL},
    {0x1F8A, "\xe1\xbc\x8a\xce\x99", "\xe1\xbe\x8a", NULL},
    {0x1F8B, "\xe1\xbc\x8b\xce\x99", "\xe1\xbe\x8b", NULL},
    {0x1F8C, "\xe1\xbc\x8c\xce\x99", "\xe1\xbe\x8c", NULL},
    {0x1F8D, "\xe1\xbc\x8d\xce\x99", "\xe1\xbe\x8d", NULL},
    {0x1F8E, "\xe1\xbc\x8e\xce\x99", "\xe1\xbe\x8e", NULL},
    {0x1F8F, "\xe1\xbc\x8f\xce\x99", "\xe1\xbe\x8f", NULL},
    {0x1F90, "\xe1\xbc\xa8\xce\x99", "\xe1\xbe\x98", NULL},
    {0x1F91, "\xe1\xbc\xa9\xce\x99", "\xe1\xbe\x99", NULL},
    {0x1F92, "\xe1\xbc\xaa\xce\x99", "\xe1\xbe\x9a", NULL},
    {0x1F93, "\xe1\xbc\xab\xce\x99", "\xe1\xbe\x9b", NULL},
    {0x1F94, "\xe1\xbc\xac\xce\x99", "\xe1\xbe\x9c", NULL},
    {0x1F95, "\xe1\xbc\xad\xce\x99", "\xe1\xbe\x9d", NULL},
    {0x1F96, "\xe1\xbc\xae\xce\x99", "\xe1\xbe\x9e", NULL},
    {0x1F97, "\xe1\xbc\xaf\xce\x99", "\xe1\xbe\x9f", NULL},
    {0x1F98, "\xe1\xbc\xa8\xce\x99", "\xe1\xbe\x98", NULL},
    {0x1F99, "\xe1\xbc\xa9\xce\x99", "\xe1\xbe\x99", NULL},
    {0x1F9A, "\xe1\xbc\xaa\xce\x99", "\xe1\xbe\x9a", NULL},
    {0x1F9B, "\xe1\xbc\xab\xce\x99", "\xe1\xbe\x9b", NULL},
    {0x1F9C, "\xe1\xbc\xac\xce\x99", "\xe1\xbe\x9c", NULL},
    {0x1F9D, "\xe1\xbc\xad\xce\x99", "\xe1\xbe\x9d", NULL},
    {0x1F9E, "\xe1\xbc\xae\xce\x99", "\xe1\xbe\x9e", NULL},
    {0x1F9F, "\xe1\xbc\xaf\xce\x99", "\xe1\xbe\x9f", NULL},
    {0x1FA0, "\xe1\xbd\xa8\xce\x99", "\xe1\xbe\xa8", NULL},
    {0x1FA1, "\xe1\xbd\xa9\xce\x99", "\xe1\xbe\xa9", NULL},
    {0x1FA2, "\xe1\xbd\xaa\xce\x99", "\xe1\xbe\xaa", NULL},
    {0x1FA3, "\xe1\xbd\xab\xce\x99", "\xe1\xbe\xab", NULL},
    {0x1FA4, "\xe1\xbd\xac\xce\x99", "\xe1\xbe\xac", NULL},
    {0x1FA5, "\xe1\xbd\xad\xce\x99", "\xe1\xbe\xad", NULL},
    {0x1FA6, "\xe1\xbd\xae\xce\x99", "\xe1\xbe\xae", NULL},
    {0x1FA7, "\xe1\xbd\xaf\xce\x99", "\xe1\xbe\xaf", NULL},
    {0x1FA8, "\xe1\xbd\xa8\xce\x99", "\xe1\xbe\xa8", NULL},
    {0x1FA9, "\xe1\xbd\xa9\xce\x99", "\xe1\xbe\xa9", NULL},
    {0x1FAA, "\xe1\xbd\xaa\xce\x99", "\xe1\xbe\xaa", NULL},
    {0x1FAB, "\xe1\xbd\xab\xce\x99", "\xe1\xbe\xab", NULL},
    {0x1FAC, "\xe1\xbd\xac\xce\x99", "\xe1\xbe\xac", NULL},
    {0x1FAD, "\xe1\xbd\xad\xce\x99", "\xe1\xbe\xad", NULL},
    {0x1FAE, "\xe1\xbd\xae\xce\x99", "\xe1\xbe\xae", NULL},
    {0x1FAF, "\xe1\xbd\xaf\xce\x99", "\xe1\xbe\xaf", NULL},
    {0x1FB2, "\xe1\xbe\xba\xce\x99", "\xe1\xbe\xba\xcd\x85", NULL},
    {0x1FB3, "\xce\x91\xce\x99", "\xe1\xbe\xbc", NULL},
    {0x1FB4, "\xce\x86\xce\x99", "\xce\x86\xcd\x85", NULL},
    {0x1FB6, "\xce\x91\xcd\x82", "\xce\x91\xcd\x82", NULL},
    {0x1FB7, "\xce\x91\xcd\x82\xce\x99", "\xce\x91\xcd\x82\xcd\x85", NULL},
    {0x1FBC, "\xce\x91\xce\x99", "\xe1\xbe\xbc", NULL},
    {0x1FC2, "\xe1\xbf\x8a\xce\x99", "\xe1\xbf\x8a\xcd\x85", NULL},
    {0x1FC3, "\xce\x97\xce\x99", "\xe1\xbf\x8c", NULL},
    {0x1FC4, "\xce\x89\xce\x99", "\xce\x89\xcd\x85", NULL},
    {0x1FC6, "\xce\x97\xcd\x82", "\xce\x97\xcd\x82", NULL},
    {0x1FC7, "\xce\x97\xcd\x82\xce\x99", "\xce\x97\xcd\x82\xcd\x85", NULL},
    {0x1FCC, "\xce\x97\xce\x99", "\xe1\xbf\x8c", NULL},
    {0x1FD2, "\xce\x99\xcc\x88\xcc\x80", "\xce\x99\xcc\x88\xcc\x80", NULL},
    {0x1FD3, "\xce\x99\xcc\x88\xcc\x81", "\xce\x99\xcc\x88\xcc\x81", NULL},
    {0x1FD6, "\xce\x99\xcd\x82", "\xce\x99\xcd\x82", NULL},
    {0x1FD7, "\xce\x99\xcc\x88\xcd\x82", "\xce\x99\xcc\x88\xcd\x82", NULL},
    {0x1FE2, "\xce\xa5\xcc\x88\xcc\x80", "\xce\xa5\xcc\x88\xcc\x80", NULL},
    {0x1FE3, "\xce\xa5\xcc\x88\xcc\x81", "\xce\xa5\xcc\x88\xcc\x81", NULL},
    {0x1FE4, "\xce\xa1\xcc\x93", "\xce\xa1\xcc\x93", NULL},
    {0x1FE6, "\xce\xa5\xcd\x82", "\xce\xa5\xcd\x82", NULL},
    {0x1FE7, "\xce\xa5\xcc\x88\xcd\x82", "\xce\xa5\xcc\x88\xcd\x82", NULL},
    {0x1FF2, "\xe1\xbf\xba\xce\x99", "\xe1\xbf\xba\xcd\x85", NULL},
    {0x1FF3, "\xce\xa9\xce\x99", "\xe1\xbf\xbc", NULL},
    {0x1FF4, "\xce\x8f\xce\x99", "\xce\x8f\xcd\x85", NULL},
    {0x1FF6, "\xce\xa9\xcd\x82", "\xce\xa9\xcd\x82", NULL},
    {0x1FF7, "\xce\xa9\xcd\x82\xce\x99", "\xce\xa9\xcd\x82\xcd\x85", NULL},
    {0x1FFC, "\xce\xa9\xce\x99", "\xe1\xbf\xbc", NULL},
    {0xFB00, "\x46\x46", "\x46\x66", NULL},
    {0xFB01, "\x46\x49", "\x46\x69", NULL},
    {0xFB02, "\x46\x4c", "\x46\x6c", NULL},
    {0xFB03, "\x46\x46\x49", "\x46\x66\x69", NULL},
    {0xFB04, "\x46\x46\x4c", "\x46\x66\x6c", NULL},
    {0xFB05, "\x53\x54", "\x53\x74", NULL},
    {0xFB06, "\x53\x54", "\x53\x74", NULL},
    {0xFB13, "\xd5\x84\xd5\x86", "\xd5\x84\xd5\xb6", NULL},
    {0xFB14, "\xd5\x84\xd4\xb5", "\xd5\x84\xd5\xa5", NULL},
    {0xFB15, "\xd5\x84\xd4\xbb", "\xd5\x84\xd5\xab", NULL},
    {0xFB16, "\xd5\x8e\xd5\x86", "\xd5\x8e\xd5\xb6", NULL},
    {0xFB17, "\xd5\x84\xd4\xbd", "\xd5\x84\xd5\xad", NULL},
};

static const SpecialCase *special_case(utf8proc_int32_t cp)
{
    size_t lo = 0, hi = sizeof special_cases / sizeof special_cases[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (special_cases[mid].cp == (uint32_t)cp) {
            return &special_cases[mid];
        }
        if (special_cases[mid].cp < (uint32_t)cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

// Appends [cp] mapped to [mode], with the one-to-many mappings utf8proc lacks (ß -> SS).
static void append_mapped(StrBuf *out, utf8proc_int32_t cp, CaseMode mode)
{
    const SpecialCase *sc = cp >= 0xDF ? special_case(cp) : NULL;
    if (sc != NULL) {
        const char *m = mode == CASE_UPPER ? sc->upper : mode == CASE_TITLE ? sc->title : sc->lower;
        if (m != NULL) {
            strbuf_append_cstr(out, m);
            return;
        }
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
