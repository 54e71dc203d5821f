// Tuple module built-ins: conversion to a list, append, duplicate, positional insert and
// delete, sum and product. Every operation builds a new tuple.
#include "builtins.h"

#include <stdlib.h>

#include "bi_common.h"
#include "vm.h"

Term bi_tuple_to_list_1(Process *p, Term *args)
{
    if (!term_is_tuple(args[0])) {
        return bi_badarg(p, 1, "not a tuple");
    }
    return term_make_list(p, term_tuple_arity(args[0]), term_tuple_elems(args[0]));
}

Term bi_tuple_append_2(Process *p, Term *args)
{
    if (!term_is_tuple(args[0])) {
        return bi_badarg(p, 1, "not a tuple");
    }
    uint32_t n = term_tuple_arity(args[0]);
    Term t = term_make_tuple(p, n + 1, NULL);
    for (uint32_t i = 0; i < n; i++) {
        term_tuple_elems(t)[i] = term_tuple_elems(args[0])[i];
    }
    term_tuple_elems(t)[n] = args[1];
    return t;
}

Term bi_tuple_duplicate_2(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0 ||
        term_to_small(args[1]) > UINT32_MAX / 2) {
        return bi_badarg(p, 1, "out of range");
    }
    uint32_t n = (uint32_t)term_to_small(args[1]);
    Term t = term_make_tuple(p, n, NULL);
    for (uint32_t i = 0; i < n; i++) {
        term_tuple_elems(t)[i] = args[0];
    }
    return t;
}

Term bi_tuple_insert_at_3(Process *p, Term *args)
{
    if (!term_is_tuple(args[0])) {
        return bi_badarg(p, 1, "not a tuple");
    }
    uint32_t n = term_tuple_arity(args[0]);
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0 || term_to_small(args[1]) > n) {
        return bi_badarg(p, 1, "out of range");
    }
    uint32_t at = (uint32_t)term_to_small(args[1]);
    Term t = term_make_tuple(p, n + 1, NULL);
    Term *src = term_tuple_elems(args[0]);
    Term *dst = term_tuple_elems(t);
    for (uint32_t i = 0, j = 0; i <= n; i++) {
        dst[i] = i == at ? args[2] : src[j++];
    }
    return t;
}

Term bi_tuple_delete_at_2(Process *p, Term *args)
{
    if (!term_is_tuple(args[0])) {
        return bi_badarg(p, 1, "not a tuple");
    }
    uint32_t n = term_tuple_arity(args[0]);
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0 || term_to_small(args[1]) >= n) {
        return bi_badarg(p, 1, "out of range");
    }
    uint32_t at = (uint32_t)term_to_small(args[1]);
    Term t = term_make_tuple(p, n - 1, NULL);
    Term *src = term_tuple_elems(args[0]);
    Term *dst = term_tuple_elems(t);
    for (uint32_t i = 0, j = 0; i < n; i++) {
        if (i != at) {
            dst[j++] = src[i];
        }
    }
    return t;
}

// Folds the elements of tuple [t] with + (or * when [product]).
static Term fold_numbers(Process *p, Term t, bool product, const char *mfa)
{
    if (!term_is_tuple(t)) {
        return bi_function_clause(p, mfa);
    }
    Term acc = term_from_small(product ? 1 : 0);
    for (uint32_t i = 0; i < term_tuple_arity(t) && acc != TERM_NONE; i++) {
        Term x = term_tuple_elems(t)[i];
        acc = product ? bi_num_mul(p, acc, x) : bi_num_add(p, acc, x);
    }
    return acc;
}

Term bi_tuple_sum_1(Process *p, Term *args)
{
    return fold_numbers(p, args[0], false, "Tuple.sum/1");
}

Term bi_tuple_product_1(Process *p, Term *args)
{
    return fold_numbers(p, args[0], true, "Tuple.product/1");
}
