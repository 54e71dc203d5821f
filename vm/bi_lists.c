// :lists built-ins (reverse, sort, seq, nth, key lookups, append, flatten ...) and the stable
// merge sort every sorting built-in uses. Walks are iterative; sorting works on a malloc'd
// array copy of the list, so no temporary garbage lands on the process heap.
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "vm.h"

// ==== Sorting ====

// Compares [a] and [b] by term order, or by tuple element [pos] when pos >= 0.
static int compare_at(Term a, Term b, int64_t pos)
{
    if (pos < 0) {
        return term_compare(a, b);
    }
    return term_compare(term_tuple_elems(a)[pos], term_tuple_elems(b)[pos]);
}

// Bottom-up stable merge sort of [n] terms using scratch space [tmp].
static void merge_sort(Term *a, Term *tmp, size_t n, int64_t pos)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo;
            size_t j = mid;
            size_t k = lo;
            while (i < mid && j < hi) {
                tmp[k++] = compare_at(a[j], a[i], pos) < 0 ? a[j++] : a[i++];
            }
            while (i < mid) {
                tmp[k++] = a[i++];
            }
            while (j < hi) {
                tmp[k++] = a[j++];
            }
        }
        memcpy(a, tmp, n * sizeof(Term));
    }
}

void bi_sort_terms(Term *elems, size_t len, int64_t key_pos)
{
    if (len < 2) {
        return;
    }
    Term *tmp = em_malloc(len * sizeof(Term));
    merge_sort(elems, tmp, len, key_pos);
    free(tmp);
}

// Sorts proper list [list]; with [unique] drops elements equal (==) to their predecessor.
static Term sort_list(Process *p, Term list, bool unique)
{
    Term *elems;
    size_t n;
    if (!bi_list_to_array(list, &elems, &n)) {
        return bi_function_clause(p, "lists:sort/1");
    }
    bi_sort_terms(elems, n, -1);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (!unique || out == 0 || term_compare(elems[out - 1], elems[i]) != 0) {
            elems[out++] = elems[i];
        }
    }
    Term r = bi_list_from_array(p, elems, out, TERM_NIL);
    free(elems);
    return r;
}

Term bi_lists_sort_1(Process *p, Term *args) { return sort_list(p, args[0], false); }
Term bi_lists_usort_1(Process *p, Term *args) { return sort_list(p, args[0], true); }

// True when every element of [elems] is a tuple with at least [pos] + 1 elements.
static bool all_tuples(const Term *elems, size_t n, int64_t pos)
{
    for (size_t i = 0; i < n; i++) {
        if (!term_is_tuple(elems[i]) || term_tuple_arity(elems[i]) <= pos) {
            return false;
        }
    }
    return true;
}

Term bi_lists_keysort_2(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 1) {
        return bi_badarg(p, 1, "not a valid position");
    }
    int64_t pos = term_to_small(args[0]) - 1;
    if (!bi_list_to_array(args[1], &elems, &n)) {
        return bi_badarg(p, 2, "not a list");
    }
    if (!all_tuples(elems, n, pos)) {
        free(elems);
        return bi_badarg(p, 2, "not a list of tuples");
    }
    bi_sort_terms(elems, n, pos);
    Term r = bi_list_from_array(p, elems, n, TERM_NIL);
    free(elems);
    return r;
}

// ==== reverse, seq, nth ====

Term bi_lists_reverse_1(Process *p, Term *args)
{
    size_t n;
    if (!bi_list_length(args[0], &n)) {
        return bi_badarg(p, 1, "not a list");
    }
    return bi_list_reverse(p, args[0], TERM_NIL);
}

Term bi_lists_reverse_2(Process *p, Term *args)
{
    size_t n;
    if (!bi_list_length(args[0], &n)) {
        return bi_badarg(p, 1, "not a list");
    }
    return bi_list_reverse(p, args[0], args[1]);
}

Term bi_lists_seq_3(Process *p, Term *args)
{
    if (!term_is_small(args[0]) || !term_is_small(args[1]) || !term_is_small(args[2])) {
        return bi_function_clause(p, "lists:seq/3");
    }
    int64_t from = term_to_small(args[0]);
    int64_t to = term_to_small(args[1]);
    int64_t step = term_to_small(args[2]);
    if (step == 0 ? from != to : (step > 0 ? to < from - step : to > from - step)) {
        return bi_badarg(p, 3, to > from ? "not a positive increment" : "not a negative increment");
    }
    if (step == 0) {
        return term_make_cons(p, args[0], TERM_NIL);
    }
    int64_t count = (to - from) / step + 1;
    Term acc = TERM_NIL;
    for (int64_t i = count - 1; i >= 0; i--) {
        acc = term_make_cons(p, term_from_small(from + i * step), acc);
    }
    return acc;
}

Term bi_lists_seq_2(Process *p, Term *args)
{
    if (!term_is_small(args[0]) || !term_is_small(args[1]) ||
        term_to_small(args[1]) < term_to_small(args[0]) - 1) {
        return bi_function_clause(p, "lists:seq/2");
    }
    Term a[3] = {args[0], args[1], term_from_small(1)};
    return bi_lists_seq_3(p, a);
}

Term bi_lists_nth_2(Process *p, Term *args)
{
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 1) {
        return bi_function_clause(p, "lists:nth/2");
    }
    Term list = args[1];
    for (int64_t i = term_to_small(args[0]); i > 1 && term_is_cons(list); i--) {
        list = term_tl(list);
    }
    if (!term_is_cons(list)) {
        return bi_function_clause(p, "lists:nth/2");
    }
    return term_hd(list);
}

Term bi_lists_nthtail_2(Process *p, Term *args)
{
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 0) {
        return bi_function_clause(p, "lists:nthtail/2");
    }
    Term list = args[1];
    for (int64_t i = term_to_small(args[0]); i > 0; i--) {
        if (!term_is_cons(list)) {
            return bi_function_clause(p, "lists:nthtail/2");
        }
        list = term_tl(list);
    }
    return list;
}

// ==== Key lookups (== comparison, positions 1-based) ====

// The first tuple in [list] whose element [pos] (0-based) equals [key], its index in *[index].
static bool key_find(Term list, Term key, int64_t pos, Term *found, size_t *index)
{
    size_t i = 0;
    for (; term_is_cons(list); list = term_tl(list), i++) {
        Term t = term_hd(list);
        if (term_is_tuple(t) && term_tuple_arity(t) > pos &&
            term_compare(term_tuple_elems(t)[pos], key) == 0) {
            *found = t;
            *index = i;
            return true;
        }
    }
    return false;
}

Term bi_lists_keyfind_3(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 1) {
        return bi_badarg(p, 2, "not a valid position");
    }
    Term found;
    size_t index;
    if (!key_find(args[2], args[0], term_to_small(args[1]) - 1, &found, &index)) {
        return term_false();
    }
    return found;
}

Term bi_lists_keymember_3(Process *p, Term *args)
{
    Term r = bi_lists_keyfind_3(p, args);
    return r == TERM_NONE ? r : term_from_bool(r != term_false());
}

// [list] without element number [index].
static Term drop_index(Process *p, Term list, size_t index)
{
    Term *elems = NULL;
    size_t n = 0;
    if (!bi_list_to_array(list, &elems, &n) || index >= n) {
        free(elems);
        return list;
    }
    Term rest = list;
    for (size_t i = 0; i <= index; i++) {
        rest = term_tl(rest);
    }
    Term r = bi_list_from_array(p, elems, index, rest);
    free(elems);
    return r;
}

Term bi_lists_keydelete_3(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 1) {
        return bi_badarg(p, 2, "not a valid position");
    }
    Term found;
    size_t index;
    if (!key_find(args[2], args[0], term_to_small(args[1]) - 1, &found, &index)) {
        return args[2];
    }
    return drop_index(p, args[2], index);
}

// ==== append, member, flatten, duplicate ====

Term bi_lists_append_2(Process *p, Term *args) { return bi_kernel_op_append_2(p, args); }

Term bi_lists_append_1(Process *p, Term *args)
{
    Term *lists;
    size_t n;
    if (!bi_list_to_array(args[0], &lists, &n)) {
        return bi_function_clause(p, "lists:append/1");
    }
    Term acc = TERM_NIL;
    for (size_t i = n; i > 0; i--) {
        Term a[2] = {lists[i - 1], acc};
        acc = bi_kernel_op_append_2(p, a);
        if (acc == TERM_NONE) {
            break;
        }
    }
    free(lists);
    return acc;
}

Term bi_lists_member_2(Process *p, Term *args)
{
    (void)p;
    for (Term l = args[1]; term_is_cons(l); l = term_tl(l)) {
        if (term_exact_equal(term_hd(l), args[0])) {
            return term_true();
        }
    }
    return term_false();
}

// The leaves of nested proper list [t] in a new em_malloc'd array (caller frees), counted in
// *[len]. False when some list in it is improper.
static bool flatten_leaves(Term t, Term **out, size_t *len)
{
    size_t cap = 16;
    size_t n = 0;
    size_t depth = 0;
    size_t stack_cap = 16;
    Term *leaves = em_malloc(cap * sizeof(Term));
    Term *stack = em_malloc(stack_cap * sizeof(Term));
    bool ok = true;
    for (;;) {
        if (term_is_cons(t)) {
            Term h = term_hd(t);
            t = term_tl(t);
            if (term_is_list(h)) {
                if (depth == stack_cap) {
                    stack_cap *= 2;
                    stack = em_realloc(stack, stack_cap * sizeof(Term));
                }
                stack[depth++] = t;
                t = h;
                continue;
            }
            if (n == cap) {
                cap *= 2;
                leaves = em_realloc(leaves, cap * sizeof(Term));
            }
            leaves[n++] = h;
            continue;
        }
        if (!term_is_nil(t)) {
            ok = false;
            break;
        }
        if (depth == 0) {
            break;
        }
        t = stack[--depth];
    }
    free(stack);
    *out = leaves;
    *len = n;
    return ok;
}

Term bi_lists_flatten_1(Process *p, Term *args)
{
    Term *leaves;
    size_t n;
    bool ok = term_is_list(args[0]) && flatten_leaves(args[0], &leaves, &n);
    if (!ok) {
        if (term_is_list(args[0])) {
            free(leaves);
        }
        return bi_function_clause(p, "lists:flatten/1");
    }
    Term r = bi_list_from_array(p, leaves, n, TERM_NIL);
    free(leaves);
    return r;
}

Term bi_list_flatten_2(Process *p, Term *args)
{
    Term *leaves;
    size_t n;
    bool ok = term_is_list(args[0]) && flatten_leaves(args[0], &leaves, &n);
    if (!ok) {
        if (term_is_list(args[0])) {
            free(leaves);
        }
        return bi_function_clause(p, "List.flatten/2");
    }
    Term r = bi_list_from_array(p, leaves, n, args[1]);
    free(leaves);
    return r;
}

Term bi_list_flatten_1(Process *p, Term *args) { return bi_lists_flatten_1(p, args); }

Term bi_lists_duplicate_2(Process *p, Term *args)
{
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 0) {
        return bi_function_clause(p, "lists:duplicate/2");
    }
    Term acc = TERM_NIL;
    for (int64_t i = term_to_small(args[0]); i > 0; i--) {
        acc = term_make_cons(p, args[1], acc);
    }
    return acc;
}

// ==== sum, max, min, last, zip, sublist, split ====

Term bi_lists_sum_1(Process *p, Term *args)
{
    Term acc = term_from_small(0);
    Term l = args[0];
    for (; term_is_cons(l) && acc != TERM_NONE; l = term_tl(l)) {
        acc = bi_num_add(p, acc, term_hd(l));
    }
    return acc;
}

// The greatest (or with [min], least) element of non-empty list [l]; the first of equals.
static Term extreme(Process *p, Term l, bool min, const char *mfa)
{
    if (!term_is_cons(l)) {
        return bi_function_clause(p, mfa);
    }
    Term best = term_hd(l);
    for (l = term_tl(l); term_is_cons(l); l = term_tl(l)) {
        int c = term_compare(term_hd(l), best);
        if (min ? c < 0 : c > 0) {
            best = term_hd(l);
        }
    }
    return best;
}

Term bi_lists_max_1(Process *p, Term *args) { return extreme(p, args[0], false, "lists:max/1"); }
Term bi_lists_min_1(Process *p, Term *args) { return extreme(p, args[0], true, "lists:min/1"); }

Term bi_lists_last_1(Process *p, Term *args)
{
    Term l = args[0];
    if (!term_is_cons(l)) {
        return bi_function_clause(p, "lists:last/1");
    }
    while (term_is_cons(term_tl(l))) {
        l = term_tl(l);
    }
    return term_hd(l);
}

Term bi_lists_zip_2(Process *p, Term *args)
{
    Term *a;
    Term *b;
    size_t n;
    size_t m;
    if (!bi_list_to_array(args[0], &a, &n)) {
        return bi_function_clause(p, "lists:zip/2");
    }
    if (!bi_list_to_array(args[1], &b, &m)) {
        free(a);
        return bi_function_clause(p, "lists:zip/2");
    }
    size_t len = n < m ? n : m;
    Term acc = TERM_NIL;
    for (size_t i = len; i > 0; i--) {
        acc = term_make_cons(p, bi_tuple2(p, a[i - 1], b[i - 1]), acc);
    }
    free(a);
    free(b);
    return acc;
}

// The first [len] elements of [list] from 0-based [start] (fewer when it is shorter).
static Term sublist(Process *p, Term list, int64_t start, int64_t len)
{
    for (int64_t i = 0; i < start && term_is_cons(list); i++) {
        list = term_tl(list);
    }
    Term *elems = em_malloc(((size_t)len + 1) * sizeof(Term));
    size_t n = 0;
    for (; (int64_t)n < len && term_is_cons(list); list = term_tl(list)) {
        elems[n++] = term_hd(list);
    }
    Term r = bi_list_from_array(p, elems, n, TERM_NIL);
    free(elems);
    return r;
}

Term bi_lists_sublist_2(Process *p, Term *args)
{
    size_t n;
    if (!bi_list_length(args[0], &n) || !term_is_small(args[1]) || term_to_small(args[1]) < 0) {
        return bi_function_clause(p, "lists:sublist/2");
    }
    int64_t len = term_to_small(args[1]);
    return sublist(p, args[0], 0, len < (int64_t)n ? len : (int64_t)n);
}

Term bi_lists_sublist_3(Process *p, Term *args)
{
    size_t n;
    if (!bi_list_length(args[0], &n) || !term_is_small(args[1]) || term_to_small(args[1]) < 1 ||
        !term_is_small(args[2]) || term_to_small(args[2]) < 0 ||
        term_to_small(args[1]) > (int64_t)n + 1) {
        return bi_function_clause(p, "lists:sublist/3");
    }
    int64_t len = term_to_small(args[2]);
    return sublist(p, args[0], term_to_small(args[1]) - 1, len < (int64_t)n ? len : (int64_t)n);
}

Term bi_lists_split_2(Process *p, Term *args)
{
    size_t n;
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 0 || !bi_list_length(args[1], &n) ||
        term_to_small(args[0]) > (int64_t)n) {
        return bi_badarg(p, 1, "out of range");
    }
    int64_t k = term_to_small(args[0]);
    Term front = sublist(p, args[1], 0, k);
    Term rest = args[1];
    for (int64_t i = 0; i < k; i++) {
        rest = term_tl(rest);
    }
    return bi_tuple2(p, front, rest);
}
