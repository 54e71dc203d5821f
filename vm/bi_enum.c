// :ember_enum built-ins: the bulk steps of Enum.uniq/uniq_by, frequencies/frequencies_by and
// group_by, done with a hash table keyed by exact (=:=) equality so they stay O(n) where a
// loop of Map.put calls on flat maps would be quadratic. stdlib/enum.ex computes the keys
// (calling the user's functions) and hands the pairs here; these never call Ember code.
#include "builtins.h"

#include <stdlib.h>

#include "bi_common.h"
#include "map.h"
#include "vm.h"

// Splits proper list [list] of 2-tuples into *keys and *values arrays (caller frees both).
static bool read_pairs(Term list, Term **keys, Term **values, size_t *n)
{
    Term *elems;
    if (!bi_list_to_array(list, &elems, n)) {
        return false;
    }
    *keys = em_malloc((*n + 1) * sizeof(Term));
    *values = em_malloc((*n + 1) * sizeof(Term));
    for (size_t i = 0; i < *n; i++) {
        if (!term_is_tuple(elems[i]) || term_tuple_arity(elems[i]) != 2) {
            free(elems);
            free(*keys);
            free(*values);
            return false;
        }
        (*keys)[i] = term_tuple_elems(elems[i])[0];
        (*values)[i] = term_tuple_elems(elems[i])[1];
    }
    free(elems);
    return true;
}

Term bi_ember_enum_uniq_pairs_1(Process *p, Term *args)
{
    Term *keys;
    Term *values;
    size_t n;
    if (!read_pairs(args[0], &keys, &values, &n)) {
        return bi_badarg(p, 1, "not a list of 2-tuples");
    }
    BiKeyIndex ix;
    bi_key_index_init(&ix, keys, n);
    size_t out = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (bi_key_index_find_or_add(&ix, i) == i) {
            values[out++] = values[i];
        }
    }
    Term r = bi_list_from_array(p, values, out, TERM_NIL);
    bi_key_index_free(&ix);
    free(keys);
    free(values);
    return r;
}

Term bi_ember_enum_frequencies_1(Process *p, Term *args)
{
    Term *keys;
    size_t n;
    if (!bi_list_to_array(args[0], &keys, &n)) {
        return bi_badarg(p, 1, "not a list");
    }
    BiKeyIndex ix;
    bi_key_index_init(&ix, keys, n);
    int64_t *counts = em_calloc(n + 1, sizeof(int64_t));
    Term *pairs = em_malloc((2 * n + 1) * sizeof(Term));
    size_t distinct = 0;
    for (uint32_t i = 0; i < n; i++) {
        counts[bi_key_index_find_or_add(&ix, i)]++;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (counts[i] > 0) {
            pairs[2 * distinct] = keys[i];
            pairs[2 * distinct + 1] = term_make_int(p, counts[i]);
            distinct++;
        }
    }
    Term r = map_from_pairs(p, pairs, (uint32_t)distinct);
    free(pairs);
    free(counts);
    bi_key_index_free(&ix);
    free(keys);
    return r;
}

Term bi_ember_enum_group_pairs_1(Process *p, Term *args)
{
    Term *keys;
    Term *values;
    size_t n;
    if (!read_pairs(args[0], &keys, &values, &n)) {
        return bi_badarg(p, 1, "not a list of 2-tuples");
    }
    BiKeyIndex ix;
    bi_key_index_init(&ix, keys, n);
    uint32_t *first = em_malloc((n + 1) * sizeof(uint32_t));
    Term *groups = em_malloc((n + 1) * sizeof(Term));
    for (uint32_t i = 0; i < n; i++) {
        first[i] = bi_key_index_find_or_add(&ix, i);
        groups[i] = TERM_NIL;
    }
    for (size_t i = n; i > 0; i--) { // build each group's list back to front
        uint32_t g = first[i - 1];
        groups[g] = term_make_cons(p, values[i - 1], groups[g]);
    }
    size_t distinct = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (first[i] == i) {
            keys[distinct] = keys[i]; // reuse keys/values as the pair array halves
            values[distinct] = groups[i];
            distinct++;
        }
    }
    Term *pairs = em_malloc((2 * distinct + 1) * sizeof(Term));
    for (size_t i = 0; i < distinct; i++) {
        pairs[2 * i] = keys[i];
        pairs[2 * i + 1] = values[i];
    }
    Term r = map_from_pairs(p, pairs, (uint32_t)distinct);
    free(pairs);
    free(groups);
    free(first);
    bi_key_index_free(&ix);
    free(keys);
    free(values);
    return r;
}
