// List module built-ins that take no function: first/last, wrap, duplicate, positional
// edits (insert_at, delete_at, replace_at, pop_at), zip, conversions and the key* family.
// Functions taking a fun (foldl, update_at ...) are in stdlib/list.ex.
#include "builtins.h"

#include <stdlib.h>

#include "bi_common.h"
#include "vm.h"

Term bi_list_first_2(Process *p, Term *args)
{
    if (!term_is_list(args[0])) {
        return bi_function_clause(p, "List.first/2");
    }
    return term_is_cons(args[0]) ? term_hd(args[0]) : args[1];
}

Term bi_list_first_1(Process *p, Term *args)
{
    Term a[2] = {args[0], term_nil_atom()};
    return bi_list_first_2(p, a);
}

Term bi_list_last_2(Process *p, Term *args)
{
    Term l = args[0];
    if (!term_is_list(l)) {
        return bi_function_clause(p, "List.last/2");
    }
    if (term_is_nil(l)) {
        return args[1];
    }
    while (term_is_cons(term_tl(l))) {
        l = term_tl(l);
    }
    return term_hd(l);
}

Term bi_list_last_1(Process *p, Term *args)
{
    Term a[2] = {args[0], term_nil_atom()};
    return bi_list_last_2(p, a);
}

Term bi_list_wrap_1(Process *p, Term *args)
{
    if (term_is_list(args[0])) {
        return args[0];
    }
    if (args[0] == term_nil_atom()) {
        return TERM_NIL;
    }
    return term_make_cons(p, args[0], TERM_NIL);
}

Term bi_list_duplicate_2(Process *p, Term *args)
{
    Term a[2] = {args[1], args[0]};
    return bi_lists_duplicate_2(p, a);
}

// Reads list argument [list] into an array, or raises FunctionClauseError for [mfa].
static bool list_arg(Process *p, Term list, Term index, const char *mfa, Term **elems,
                     size_t *n)
{
    if (!term_is_small(index) || !bi_list_to_array(list, elems, n)) {
        bi_function_clause(p, mfa);
        return false;
    }
    return true;
}

// Resolves a possibly negative [index] against [n] elements; -1 when out of range.
static int64_t resolve_index(int64_t index, size_t n)
{
    if (index < 0) {
        index += (int64_t)n;
    }
    return (index < 0 || index >= (int64_t)n) ? -1 : index;
}

Term bi_list_insert_at_3(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!list_arg(p, args[0], args[1], "List.insert_at/3", &elems, &n)) {
        return TERM_NONE;
    }
    int64_t i = term_to_small(args[1]);
    if (i < 0) {
        i += (int64_t)n + 1;
        i = i < 0 ? 0 : i;
    }
    size_t at = i > (int64_t)n ? n : (size_t)i;
    Term tail = bi_list_from_array(p, elems + at, n - at, TERM_NIL);
    Term r = bi_list_from_array(p, elems, at, term_make_cons(p, args[2], tail));
    free(elems);
    return r;
}

// [elems] without element [at] (or all of them when at < 0).
static Term without(Process *p, Term *elems, size_t n, int64_t at)
{
    if (at < 0) {
        return bi_list_from_array(p, elems, n, TERM_NIL);
    }
    Term tail = bi_list_from_array(p, elems + at + 1, n - (size_t)at - 1, TERM_NIL);
    return bi_list_from_array(p, elems, (size_t)at, tail);
}

Term bi_list_delete_at_2(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!list_arg(p, args[0], args[1], "List.delete_at/2", &elems, &n)) {
        return TERM_NONE;
    }
    int64_t at = resolve_index(term_to_small(args[1]), n);
    Term r = at < 0 ? args[0] : without(p, elems, n, at);
    free(elems);
    return r;
}

Term bi_list_replace_at_3(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!list_arg(p, args[0], args[1], "List.replace_at/3", &elems, &n)) {
        return TERM_NONE;
    }
    int64_t at = resolve_index(term_to_small(args[1]), n);
    Term r = args[0];
    if (at >= 0) {
        elems[at] = args[2];
        r = bi_list_from_array(p, elems, n, TERM_NIL);
    }
    free(elems);
    return r;
}

Term bi_list_pop_at_3(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!list_arg(p, args[0], args[1], "List.pop_at/3", &elems, &n)) {
        return TERM_NONE;
    }
    int64_t at = resolve_index(term_to_small(args[1]), n);
    Term r = at < 0 ? bi_tuple2(p, args[2], args[0])
                    : bi_tuple2(p, elems[at], without(p, elems, n, at));
    free(elems);
    return r;
}

Term bi_list_pop_at_2(Process *p, Term *args)
{
    Term a[3] = {args[0], args[1], term_nil_atom()};
    return bi_list_pop_at_3(p, a);
}

Term bi_list_delete_2(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!bi_list_to_array(args[0], &elems, &n)) {
        return bi_function_clause(p, "List.delete/2");
    }
    int64_t at = -1;
    for (size_t i = 0; i < n && at < 0; i++) {
        at = term_exact_equal(elems[i], args[1]) ? (int64_t)i : -1;
    }
    Term r = at < 0 ? args[0] : without(p, elems, n, at);
    free(elems);
    return r;
}

// True when every cursor in [cur] ([k] of them) is a non-empty list.
static bool all_cons(const Term *cur, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        if (!term_is_cons(cur[i])) {
            return false;
        }
    }
    return k > 0;
}

Term bi_list_zip_1(Process *p, Term *args)
{
    Term *cur;
    size_t k;
    if (!bi_list_to_array(args[0], &cur, &k)) {
        return bi_function_clause(p, "List.zip/1");
    }
    Term *row = em_malloc((k + 1) * sizeof(Term));
    size_t cap = 16;
    size_t n = 0;
    Term *out = em_malloc(cap * sizeof(Term));
    while (all_cons(cur, k)) {
        for (size_t i = 0; i < k; i++) {
            row[i] = term_hd(cur[i]);
            cur[i] = term_tl(cur[i]);
        }
        if (n == cap) {
            cap *= 2;
            out = em_realloc(out, cap * sizeof(Term));
        }
        out[n++] = term_make_tuple(p, (uint32_t)k, row);
    }
    Term r = bi_list_from_array(p, out, n, TERM_NIL);
    free(out);
    free(row);
    free(cur);
    return r;
}

Term bi_list_to_tuple_1(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!bi_list_to_array(args[0], &elems, &n)) {
        return bi_badarg(p, 1, "not a list");
    }
    Term r = term_make_tuple(p, (uint32_t)n, elems);
    free(elems);
    return r;
}

Term bi_list_to_string_1(Process *p, Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    bool ok = term_is_list(args[0]) && bi_chardata_append(args[0], &b);
    Term r = ok ? bi_binary_from_buf(p, &b) : bi_badarg(p, 1, "not valid character data");
    strbuf_free(&b);
    return r;
}

Term bi_list_to_integer_1(Process *p, Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    Term v = TERM_NONE;
    size_t used = 0;
    bool ok = term_is_list(args[0]) && bi_chardata_append(args[0], &b) &&
              bi_parse_int_prefix(p, (const uint8_t *)b.data, b.len, 10, &v, &used) &&
              used == b.len;
    strbuf_free(&b);
    return ok ? v : bi_badarg(p, 1, "not a textual representation of an integer");
}

Term bi_list_to_atom_1(Process *p, Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    bool ok = term_is_list(args[0]) && bi_chardata_append(args[0], &b);
    Term r = ok ? bi_atom_from_text(p, b.data ? b.data : "", b.len) : bi_badarg(p, 1, "not a list");
    strbuf_free(&b);
    return r;
}

// ==== key* (positions are 0-based in List, 1-based in :lists) ====

// Checks a 0-based position argument; false after raising.
static bool position_arg(Process *p, Term pos, const char *mfa)
{
    if (!term_is_small(pos) || term_to_small(pos) < 0) {
        bi_function_clause(p, mfa);
        return false;
    }
    return true;
}

// The index of the first tuple in [elems] whose element [pos] == [key], or -1.
static int64_t key_index(const Term *elems, size_t n, Term key, int64_t pos)
{
    for (size_t i = 0; i < n; i++) {
        Term t = elems[i];
        if (term_is_tuple(t) && term_tuple_arity(t) > pos &&
            term_compare(term_tuple_elems(t)[pos], key) == 0) {
            return (int64_t)i;
        }
    }
    return -1;
}

Term bi_list_keyfind_4(Process *p, Term *args)
{
    if (!position_arg(p, args[2], "List.keyfind/4")) {
        return TERM_NONE;
    }
    int64_t pos = term_to_small(args[2]);
    for (Term l = args[0]; term_is_cons(l); l = term_tl(l)) {
        Term t = term_hd(l);
        if (term_is_tuple(t) && term_tuple_arity(t) > pos &&
            term_compare(term_tuple_elems(t)[pos], args[1]) == 0) {
            return t;
        }
    }
    return args[3];
}

Term bi_list_keyfind_3(Process *p, Term *args)
{
    Term a[4] = {args[0], args[1], args[2], term_nil_atom()};
    return bi_list_keyfind_4(p, a);
}

Term bi_list_keymember_p_3(Process *p, Term *args)
{
    Term a[4] = {args[0], args[1], args[2], TERM_NIL};
    Term r = bi_list_keyfind_4(p, a);
    return r == TERM_NONE ? r : term_from_bool(r != TERM_NIL);
}

// Shared body of keydelete/keyreplace/keystore/keytake: finds [key] at [pos] in [list].
typedef enum KeyEdit { KEY_DELETE, KEY_REPLACE, KEY_STORE, KEY_TAKE } KeyEdit;

static Term key_edit(Process *p, Term *args, KeyEdit edit, const char *mfa)
{
    Term *elems;
    size_t n;
    if (!position_arg(p, args[2], mfa)) {
        return TERM_NONE;
    }
    if (!bi_list_to_array(args[0], &elems, &n)) {
        return bi_function_clause(p, mfa);
    }
    int64_t at = key_index(elems, n, args[1], term_to_small(args[2]));
    Term r;
    if (at < 0) {
        r = edit == KEY_TAKE ? term_nil_atom()
            : edit == KEY_STORE
                ? bi_list_from_array(p, elems, n, term_make_cons(p, args[3], TERM_NIL))
                : args[0];
    } else if (edit == KEY_DELETE) {
        r = without(p, elems, n, at);
    } else if (edit == KEY_TAKE) {
        r = bi_tuple2(p, elems[at], without(p, elems, n, at));
    } else {
        elems[at] = args[3];
        r = bi_list_from_array(p, elems, n, TERM_NIL);
    }
    free(elems);
    return r;
}

Term bi_list_keydelete_3(Process *p, Term *args)
{
    return key_edit(p, args, KEY_DELETE, "List.keydelete/3");
}

Term bi_list_keyreplace_4(Process *p, Term *args)
{
    return key_edit(p, args, KEY_REPLACE, "List.keyreplace/4");
}

Term bi_list_keystore_4(Process *p, Term *args)
{
    return key_edit(p, args, KEY_STORE, "List.keystore/4");
}

Term bi_list_keytake_3(Process *p, Term *args)
{
    return key_edit(p, args, KEY_TAKE, "List.keytake/3");
}

Term bi_list_keysort_2(Process *p, Term *args)
{
    if (!position_arg(p, args[1], "List.keysort/2")) {
        return TERM_NONE;
    }
    Term a[2] = {term_from_small(term_to_small(args[1]) + 1), args[0]};
    return bi_lists_keysort_2(p, a);
}

Term bi_list_starts_with_p_2(Process *p, Term *args)
{
    Term l = args[0];
    Term prefix = args[1];
    if (!term_is_list(l) || !term_is_list(prefix)) {
        return bi_function_clause(p, "List.starts_with?/2");
    }
    for (; term_is_cons(prefix); prefix = term_tl(prefix), l = term_tl(l)) {
        if (!term_is_cons(l) || !term_exact_equal(term_hd(l), term_hd(prefix))) {
            return term_false();
        }
    }
    return term_true();
}

Term bi_list_improper_p_1(Process *p, Term *args)
{
    size_t n;
    if (!term_is_list(args[0])) {
        return bi_function_clause(p, "List.improper?/1");
    }
    return term_from_bool(!bi_list_length(args[0], &n));
}
