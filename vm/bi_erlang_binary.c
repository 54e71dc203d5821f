// Erlang's :binary module: split, match, matches, replace over one or several binary patterns
// (the earliest match wins, the longest pattern at one position), part, at, first, last, copy,
// bin_to_list and list_to_bin, with Erlang's argument errors.
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "bigint.h"
#include "vm.h"

#define MAX_PATTERNS 64

typedef struct Pattern {
    const uint8_t *bytes;
    size_t size;
} Pattern;

typedef struct SearchOpts {
    bool global;
    bool trim;
    bool trim_all;
    size_t scope_start;
    size_t scope_end;
    bool has_insert;
    Term insert; // an integer or a list of integers (positions in the replacement)
} SearchOpts;

// Reads pattern [t] (a non-empty binary or a non-empty list of them) into [pats]; false when
// it is not a valid pattern.
static bool read_patterns(Term t, Pattern *pats, size_t *count)
{
    *count = 0;
    if (term_is_binary(t)) {
        pats[0].bytes = term_binary_bytes(t, &pats[0].size);
        *count = 1;
        return pats[0].size > 0;
    }
    if (!term_is_cons(t)) {
        return false;
    }
    for (; term_is_cons(t); t = term_tl(t)) {
        Term h = term_hd(t);
        if (!term_is_binary(h) || *count == MAX_PATTERNS) {
            return false;
        }
        pats[*count].bytes = term_binary_bytes(h, &pats[*count].size);
        if (pats[*count].size == 0) {
            return false;
        }
        (*count)++;
    }
    return term_is_nil(t);
}

// The earliest match of any pattern starting in [from, to) and ending by [to] (the longest
// at that position): true with *[pos], *[len].
static bool find(const uint8_t *s, size_t from, size_t to, const Pattern *pats, size_t count,
                 size_t *pos, size_t *len)
{
    for (size_t i = from; i < to; i++) {
        size_t best = 0;
        for (size_t k = 0; k < count; k++) {
            if (pats[k].size <= to - i && pats[k].size > best &&
                memcmp(s + i, pats[k].bytes, pats[k].size) == 0) {
                best = pats[k].size;
            }
        }
        if (best > 0) {
            *pos = i;
            *len = best;
            return true;
        }
    }
    return false;
}

// {pos, len} of integers within a subject of [size] bytes (negative len counts back).
static bool read_range(Term t, size_t size, size_t *start, size_t *end)
{
    if (!term_is_tuple(t) || term_tuple_arity(t) != 2) {
        return false;
    }
    int64_t pos;
    int64_t len;
    if (!bi_int64(term_tuple_elems(t)[0], &pos) || !bi_int64(term_tuple_elems(t)[1], &len)) {
        return false;
    }
    int64_t a = len < 0 ? pos + len : pos;
    int64_t b = len < 0 ? pos : pos + len;
    if (pos < 0 || (uint64_t)pos > size || a < 0 || (uint64_t)b > size) {
        return false;
    }
    *start = (size_t)a;
    *end = (size_t)b;
    return true;
}

// Reads option list [t] for a subject of [size] bytes; [allow] says which options are valid
// ("gtsi": global, trim/trim_all, scope, insert_replaced).
static bool read_opts(Process *p, Term t, size_t size, const char *allow, SearchOpts *o)
{
    *o = (SearchOpts){.scope_end = size};
    for (; term_is_cons(t); t = term_tl(t)) {
        Term h = term_hd(t);
        if (h == bi_atom(p, "global") && strchr(allow, 'g')) {
            o->global = true;
        } else if (h == bi_atom(p, "trim") && strchr(allow, 't')) {
            o->trim = true;
        } else if (h == bi_atom(p, "trim_all") && strchr(allow, 't')) {
            o->trim_all = true;
        } else if (term_is_tuple(h) && term_tuple_arity(h) == 2 &&
                   term_tuple_elems(h)[0] == bi_atom(p, "scope") && strchr(allow, 's')) {
            if (!read_range(term_tuple_elems(h)[1], size, &o->scope_start, &o->scope_end)) {
                return false;
            }
        } else if (term_is_tuple(h) && term_tuple_arity(h) == 2 &&
                   term_tuple_elems(h)[0] == bi_atom(p, "insert_replaced") &&
                   strchr(allow, 'i')) {
            o->has_insert = true;
            o->insert = term_tuple_elems(h)[1];
        } else {
            return false;
        }
    }
    return term_is_nil(t);
}

// Subject, patterns and options of split/match/matches/replace; false after raising.
static bool prepare(Process *p, Term *args, int argc, int opts_arg, const char *allow,
                    Pattern *pats, size_t *count, SearchOpts *o)
{
    if (!term_is_binary(args[0])) {
        bi_badarg(p, 1, "not a binary");
        return false;
    }
    if (!read_patterns(args[1], pats, count)) {
        bi_badarg(p, 2, "not a valid pattern");
        return false;
    }
    size_t size;
    term_binary_bytes(args[0], &size);
    Term opts = argc > opts_arg ? args[opts_arg] : TERM_NIL;
    if (!read_opts(p, opts, size, allow, o)) {
        bi_badarg(p, opts_arg + 1, "invalid options");
        return false;
    }
    return true;
}

// ==== split ====

static Term split(Process *p, Term *args, int argc)
{
    Pattern pats[MAX_PATTERNS];
    size_t count;
    SearchOpts o;
    if (!prepare(p, args, argc, 2, "gts", pats, &count, &o)) {
        return TERM_NONE;
    }
    size_t size;
    const uint8_t *s = term_binary_bytes(args[0], &size);
    size_t cap = 8;
    size_t n = 0;
    size_t *cuts = em_malloc(cap * 2 * sizeof(size_t)); // start, end of each part
    size_t part_start = 0;
    size_t from = o.scope_start;
    size_t pos;
    size_t len;
    while (find(s, from, o.scope_end, pats, count, &pos, &len)) {
        if (n + 1 >= cap) {
            cap *= 2;
            cuts = em_realloc(cuts, cap * 2 * sizeof(size_t));
        }
        cuts[2 * n] = part_start;
        cuts[2 * n + 1] = pos;
        n++;
        part_start = from = pos + len;
        if (!o.global) {
            break;
        }
    }
    cuts[2 * n] = part_start;
    cuts[2 * n + 1] = size;
    n++;
    size_t keep = n;
    if (o.trim && !o.trim_all) {
        while (keep > 0 && cuts[2 * (keep - 1)] == cuts[2 * (keep - 1) + 1]) {
            keep--;
        }
    }
    Term list = TERM_NIL;
    for (size_t i = keep; i > 0; i--) {
        size_t a = cuts[2 * (i - 1)];
        size_t b = cuts[2 * (i - 1) + 1];
        if (o.trim_all && a == b) {
            continue;
        }
        list = term_make_cons(p, term_make_binary(p, s + a, b - a), list);
        s = term_binary_bytes(args[0], &size);
    }
    free(cuts);
    return list;
}

Term bi_binary_split_2(Process *p, Term *args) { return split(p, args, 2); }
Term bi_binary_split_3(Process *p, Term *args) { return split(p, args, 3); }

// ==== match, matches ====

static Term match(Process *p, Term *args, int argc)
{
    Pattern pats[MAX_PATTERNS];
    size_t count;
    SearchOpts o;
    if (!prepare(p, args, argc, 2, "s", pats, &count, &o)) {
        return TERM_NONE;
    }
    size_t size;
    const uint8_t *s = term_binary_bytes(args[0], &size);
    size_t pos;
    size_t len;
    if (!find(s, o.scope_start, o.scope_end, pats, count, &pos, &len)) {
        return bi_atom(p, "nomatch");
    }
    return bi_tuple2(p, term_make_int(p, (int64_t)pos), term_make_int(p, (int64_t)len));
}

static Term matches(Process *p, Term *args, int argc)
{
    Pattern pats[MAX_PATTERNS];
    size_t count;
    SearchOpts o;
    if (!prepare(p, args, argc, 2, "s", pats, &count, &o)) {
        return TERM_NONE;
    }
    size_t size;
    const uint8_t *s = term_binary_bytes(args[0], &size);
    Term rev = TERM_NIL;
    size_t pos;
    size_t len;
    for (size_t from = o.scope_start; find(s, from, o.scope_end, pats, count, &pos, &len);
         from = pos + len) {
        Term m = bi_tuple2(p, term_make_int(p, (int64_t)pos), term_make_int(p, (int64_t)len));
        rev = term_make_cons(p, m, rev);
    }
    return bi_list_reverse(p, rev, TERM_NIL);
}

Term bi_binary_match_2(Process *p, Term *args) { return match(p, args, 2); }
Term bi_binary_match_3(Process *p, Term *args) { return match(p, args, 3); }
Term bi_binary_matches_2(Process *p, Term *args) { return matches(p, args, 2); }
Term bi_binary_matches_3(Process *p, Term *args) { return matches(p, args, 3); }

// ==== replace ====

// Appends [rep] with the matched bytes inserted at the positions of [o]->insert.
static bool append_replacement(const SearchOpts *o, const uint8_t *rep, size_t rep_size,
                               const uint8_t *matched, size_t matched_size, StrBuf *out)
{
    if (!o->has_insert) {
        strbuf_append(out, rep, rep_size);
        return true;
    }
    size_t at = 0;
    Term positions = o->insert;
    bool single = term_is_small(positions);
    while (single || term_is_cons(positions)) {
        Term t = single ? positions : term_hd(positions);
        if (!term_is_small(t) || term_to_small(t) < (int64_t)at ||
            term_to_small(t) > (int64_t)rep_size) {
            return false;
        }
        size_t next = (size_t)term_to_small(t);
        strbuf_append(out, rep + at, next - at);
        strbuf_append(out, matched, matched_size);
        at = next;
        if (single) {
            break;
        }
        positions = term_tl(positions);
    }
    strbuf_append(out, rep + at, rep_size - at);
    return true;
}

static Term replace(Process *p, Term *args, int argc)
{
    Pattern pats[MAX_PATTERNS];
    size_t count;
    SearchOpts o;
    if (!term_is_binary(args[0])) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (!read_patterns(args[1], pats, &count)) {
        return bi_badarg(p, 2, "not a valid pattern");
    }
    if (!term_is_binary(args[2])) {
        return bi_badarg(p, 3, "not a binary");
    }
    size_t size;
    const uint8_t *s = term_binary_bytes(args[0], &size);
    if (!read_opts(p, argc > 3 ? args[3] : TERM_NIL, size, "gsi", &o)) {
        return bi_badarg(p, 4, "invalid options");
    }
    size_t rep_size;
    const uint8_t *rep = term_binary_bytes(args[2], &rep_size);
    StrBuf b;
    strbuf_init(&b);
    size_t done = 0;
    size_t pos;
    size_t len;
    for (size_t from = o.scope_start; find(s, from, o.scope_end, pats, count, &pos, &len);
         from = pos + len) {
        strbuf_append(&b, s + done, pos - done);
        if (!append_replacement(&o, rep, rep_size, s + pos, len, &b)) {
            strbuf_free(&b);
            return bi_badarg(p, 4, "invalid options");
        }
        done = pos + len;
        if (!o.global) {
            break;
        }
    }
    strbuf_append(&b, s + done, size - done);
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

Term bi_binary_replace_3(Process *p, Term *args) { return replace(p, args, 3); }
Term bi_binary_replace_4(Process *p, Term *args) { return replace(p, args, 4); }

// ==== part, at, first, last, copy, bin_to_list, list_to_bin ====

// The byte range of [pos], [len] in binary [bin]; false after raising (argument numbers
// [pos_arg], [len_arg] in the messages). [len_arg] 0 means both came in one {pos, len}
// tuple (part/2, bin_to_list/2), whose errors Erlang words differently.
static bool part_range(Process *p, Term bin, Term pos, Term len, int pos_arg, int len_arg,
                       size_t *start, size_t *end)
{
    if (!term_is_binary(bin)) {
        bi_badarg(p, 1, "not a binary");
        return false;
    }
    if (len_arg == 0 && (!term_is_integer(pos) || !term_is_integer(len))) {
        bi_badarg(p, pos_arg, "not a valid {Pos,Length} tuple");
        return false;
    }
    if (!term_is_integer(pos)) {
        bi_badarg(p, pos_arg, "not an integer");
        return false;
    }
    if (!term_is_integer(len)) {
        bi_badarg(p, len_arg, "not an integer");
        return false;
    }
    size_t size;
    term_binary_bytes(bin, &size);
    int64_t at;
    if (!bi_int64(pos, &at) || at < 0 || (uint64_t)at > size) {
        if (len_arg == 0 && bigint_compare(pos, term_from_small(0)) > 0) {
            error_raise(p, ERR_ARGUMENT, "argument error");
            return false;
        }
        bi_badarg(p, pos_arg, "out of range");
        return false;
    }
    int64_t n;
    if (!bi_int64(len, &n) || (n < 0 && -n > at) || (n > 0 && (uint64_t)n > size - (uint64_t)at)) {
        bi_badarg(p, len_arg == 0 ? pos_arg : len_arg, "out of range");
        return false;
    }
    *start = (size_t)(n < 0 ? at + n : at);
    *end = (size_t)(n < 0 ? at : at + n);
    return true;
}

// The {pos, len} tuple of part/2 and bin_to_list/2 as its two elements; false after raising.
static bool part_tuple(Process *p, Term t, Term *pos, Term *len)
{
    if (!term_is_tuple(t) || term_tuple_arity(t) != 2) {
        bi_badarg(p, 2, "not a valid {Pos,Length} tuple");
        return false;
    }
    *pos = term_tuple_elems(t)[0];
    *len = term_tuple_elems(t)[1];
    return true;
}

static Term part(Process *p, Term bin, Term pos, Term len, int pos_arg, int len_arg)
{
    size_t a;
    size_t b;
    if (!part_range(p, bin, pos, len, pos_arg, len_arg, &a, &b)) {
        return TERM_NONE;
    }
    size_t size;
    return term_make_binary(p, term_binary_bytes(bin, &size) + a, b - a);
}

Term bi_binary_part_3(Process *p, Term *args) { return part(p, args[0], args[1], args[2], 2, 3); }

Term bi_binary_part_2(Process *p, Term *args)
{
    Term pos;
    Term len;
    if (!term_is_binary(args[0])) {
        return bi_badarg(p, 1, "not a binary");
    }
    return part_tuple(p, args[1], &pos, &len) ? part(p, args[0], pos, len, 2, 0) : TERM_NONE;
}

static Term bytes_to_list(Process *p, Term bin, Term pos, Term len, int pos_arg, int len_arg)
{
    size_t a;
    size_t b;
    if (!part_range(p, bin, pos, len, pos_arg, len_arg, &a, &b)) {
        return TERM_NONE;
    }
    size_t size;
    const uint8_t *s = term_binary_bytes(bin, &size);
    Term acc = TERM_NIL;
    for (size_t i = b; i > a; i--) {
        acc = term_make_cons(p, term_from_small(s[i - 1]), acc);
    }
    return acc;
}

Term bi_binary_bin_to_list_1(Process *p, Term *args)
{
    if (!term_is_binary(args[0])) {
        return bi_badarg(p, 1, "not a binary");
    }
    size_t size;
    term_binary_bytes(args[0], &size);
    return bytes_to_list(p, args[0], term_from_small(0), term_from_small((int64_t)size), 2, 3);
}

Term bi_binary_bin_to_list_2(Process *p, Term *args)
{
    Term pos;
    Term len;
    if (!term_is_binary(args[0])) {
        return bi_badarg(p, 1, "not a binary");
    }
    return part_tuple(p, args[1], &pos, &len) ? bytes_to_list(p, args[0], pos, len, 2, 0)
                                              : TERM_NONE;
}

Term bi_binary_bin_to_list_3(Process *p, Term *args)
{
    return bytes_to_list(p, args[0], args[1], args[2], 2, 3);
}

Term bi_binary_list_to_bin_1(Process *p, Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    if (!term_is_list(args[0]) || !bi_iodata_append(args[0], &b)) {
        strbuf_free(&b);
        return bi_badarg(p, 1, "not an iodata term");
    }
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

Term bi_binary_at_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (!term_is_integer(args[1])) {
        return bi_badarg(p, 2, "not an integer");
    }
    int64_t at;
    if (!bi_int64(args[1], &at) || at < 0) {
        return bi_badarg(p, 2, "out of range");
    }
    if ((uint64_t)at >= size) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    return term_from_small(s[at]);
}

static Term end_byte(Process *p, Term bin, bool last)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(bin, &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (size == 0) {
        return bi_badarg(p, 1, "a zero-sized binary is not allowed");
    }
    return term_from_small(last ? s[size - 1] : s[0]);
}

Term bi_binary_first_1(Process *p, Term *args) { return end_byte(p, args[0], false); }
Term bi_binary_last_1(Process *p, Term *args) { return end_byte(p, args[0], true); }

Term bi_binary_copy_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    return term_make_binary(p, s, size);
}

// The size of the binary whose bytes [args[0]] shares: its parent's for a slice (a
// sub-binary keeps all of its parent alive; :binary.copy/1 detaches it).
Term bi_binary_referenced_byte_size_1(Process *p, Term *args)
{
    if (!term_is_binary(args[0])) {
        return bi_badarg(p, 1, "not a binary");
    }
    const Term *obj = term_boxed_ptr(args[0]);
    if (term_header_type(obj[0]) == TERM_TYPE_SUBBIN) {
        obj = term_boxed_ptr(obj[4]);
    }
    return term_from_small((int64_t)obj[1]);
}

Term bi_binary_copy_2(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (!term_is_integer(args[1])) {
        return bi_badarg(p, 2, "not an integer");
    }
    int64_t n;
    if (!bi_int64(args[1], &n) || n < 0 || (size > 0 && (uint64_t)n > ((uint64_t)1 << 40) / size)) {
        return bi_badarg(p, 2, "out of range");
    }
    uint8_t *out;
    Term r = term_make_binary_uninit(p, size * (size_t)n, &out);
    s = term_binary_bytes(args[0], &size);
    for (int64_t i = 0; i < n; i++) {
        memcpy(out + (size_t)i * size, s, size);
    }
    return r;
}
