// Map module and :maps built-ins that take no function: lookup, insert, delete, merge,
// conversion to and from lists, take/drop/split by keys. Maps keep keys in term order (see
// map.h), so keys/values/to_list come out sorted. Functions taking a fun are in stdlib/map.ex.
#include "builtins.h"

#include <stdlib.h>

#include "bi_common.h"
#include "map.h"
#include "vm.h"

// Checks that [t] is a map, raising BadMapError otherwise.
static bool map_arg(Process *p, Term t)
{
    if (!term_is_map(t)) {
        error_raise_value(p, ERR_BAD_MAP, t);
        return false;
    }
    return true;
}

Term bi_map_get_3(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    return map_get(args[0], args[1], &v) ? v : args[2];
}

Term bi_map_get_2(Process *p, Term *args)
{
    Term a[3] = {args[0], args[1], term_nil_atom()};
    return bi_map_get_3(p, a);
}

Term bi_map_put_3(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    return map_put(p, args[0], args[1], args[2]);
}

Term bi_map_fetch_2(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    return map_get(args[0], args[1], &v) ? bi_ok(p, v) : term_from_atom(ATOM_error);
}

Term bi_map_fetch_bang_2(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    return map_get(args[0], args[1], &v) ? v : error_raise_key(p, args[1], args[0]);
}

Term bi_map_has_key_p_2(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    return term_from_bool(map_get(args[0], args[1], &v));
}

Term bi_map_keys_1(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term *keys = em_malloc(((size_t)map_size(args[0]) + 1) * sizeof(Term));
    map_to_arrays(args[0], keys, NULL);
    Term list = term_make_list(p, map_size(args[0]), keys);
    free(keys);
    return list;
}

Term bi_map_values_1(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term *values = em_malloc(((size_t)map_size(args[0]) + 1) * sizeof(Term));
    map_to_arrays(args[0], NULL, values);
    Term list = term_make_list(p, map_size(args[0]), values);
    free(values);
    return list;
}

Term bi_map_delete_2(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    return map_remove(p, args[0], args[1]);
}

Term bi_map_merge_2(Process *p, Term *args)
{
    if (!map_arg(p, args[0]) || !map_arg(p, args[1])) {
        return TERM_NONE;
    }
    uint32_t n = map_size(args[0]);
    uint32_t m = map_size(args[1]);
    if (m == 0) {
        return args[0];
    }
    if (m <= n / 16) { // a few puts beat rebuilding a big map
        Term r = args[0];
        MapIter it;
        map_iter_init(&it, args[1]);
        Term k;
        Term v;
        while (map_iter_next(&it, &k, &v)) {
            r = map_put(p, r, k, v);
        }
        return r;
    }
    Term *pairs = em_malloc(((size_t)n + m) * 2 * sizeof(Term));
    MapIter it;
    map_iter_init(&it, args[0]);
    uint32_t i = 0;
    while (map_iter_next(&it, &pairs[2 * i], &pairs[2 * i + 1])) {
        i++;
    }
    map_iter_init(&it, args[1]);
    while (map_iter_next(&it, &pairs[2 * i], &pairs[2 * i + 1])) {
        i++;
    }
    Term r = map_from_pairs(p, pairs, n + m);
    free(pairs);
    return r;
}

Term bi_map_new_0(Process *p, Term *args)
{
    (void)args;
    return map_new(p);
}

Term bi_map_to_list_1(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    uint32_t n = map_size(args[0]);
    Term *kv = em_malloc(2 * ((size_t)n + 1) * sizeof(Term));
    map_to_arrays(args[0], kv, kv + n);
    Term acc = TERM_NIL;
    for (uint32_t i = n; i > 0; i--) {
        acc = term_make_cons(p, bi_tuple2(p, kv[i - 1], kv[n + i - 1]), acc);
    }
    free(kv);
    return acc;
}

Term bi_map_from_struct_1(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    return map_remove(p, args[0], term_from_atom(ATOM_struct));
}

// Splits [map] by the keys in list [keys]: *[taken] gets those present, *[rest] the others.
static bool split_by_keys(Process *p, Term map, Term keys, Term *taken, Term *rest)
{
    size_t n;
    if (!bi_list_length(keys, &n)) {
        bi_badarg(p, 2, "not a list");
        return false;
    }
    Term t = map_new(p);
    Term r = map;
    for (; term_is_cons(keys); keys = term_tl(keys)) {
        Term v;
        if (map_get(map, term_hd(keys), &v)) {
            t = map_put(p, t, term_hd(keys), v);
            r = map_remove(p, r, term_hd(keys));
        }
    }
    *taken = t;
    *rest = r;
    return true;
}

Term bi_map_take_2(Process *p, Term *args)
{
    Term taken;
    Term rest;
    if (!map_arg(p, args[0]) || !split_by_keys(p, args[0], args[1], &taken, &rest)) {
        return TERM_NONE;
    }
    return taken;
}

Term bi_map_drop_2(Process *p, Term *args)
{
    Term taken;
    Term rest;
    if (!map_arg(p, args[0]) || !split_by_keys(p, args[0], args[1], &taken, &rest)) {
        return TERM_NONE;
    }
    return rest;
}

Term bi_map_split_2(Process *p, Term *args)
{
    Term taken;
    Term rest;
    if (!map_arg(p, args[0]) || !split_by_keys(p, args[0], args[1], &taken, &rest)) {
        return TERM_NONE;
    }
    return bi_tuple2(p, taken, rest);
}

Term bi_map_put_new_3(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    return map_get(args[0], args[1], &v) ? args[0] : map_put(p, args[0], args[1], args[2]);
}

Term bi_map_pop_3(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    if (!map_get(args[0], args[1], &v)) {
        return bi_tuple2(p, args[2], args[0]);
    }
    return bi_tuple2(p, v, map_remove(p, args[0], args[1]));
}

Term bi_map_pop_2(Process *p, Term *args)
{
    Term a[3] = {args[0], args[1], term_nil_atom()};
    return bi_map_pop_3(p, a);
}

Term bi_map_equal_p_2(Process *p, Term *args)
{
    if (!map_arg(p, args[0]) || !map_arg(p, args[1])) {
        return TERM_NONE;
    }
    return term_from_bool(term_exact_equal(args[0], args[1]));
}

Term bi_map_replace_3(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    return map_get(args[0], args[1], &v) ? map_put(p, args[0], args[1], args[2]) : args[0];
}

Term bi_map_replace_bang_3(Process *p, Term *args)
{
    if (!map_arg(p, args[0])) {
        return TERM_NONE;
    }
    Term v;
    if (!map_get(args[0], args[1], &v)) {
        return error_raise_key(p, args[1], args[0]);
    }
    return map_put(p, args[0], args[1], args[2]);
}

// ==== :maps ====

Term bi_maps_from_list_1(Process *p, Term *args)
{
    Term *elems;
    size_t n;
    if (!bi_list_to_array(args[0], &elems, &n)) {
        return bi_badarg(p, 1, "not a list");
    }
    Term *pairs = em_malloc((n + 1) * 2 * sizeof(Term));
    for (size_t i = 0; i < n; i++) {
        if (!term_is_tuple(elems[i]) || term_tuple_arity(elems[i]) != 2) {
            free(pairs);
            free(elems);
            return bi_badarg(p, 1, "not a list of 2-tuples");
        }
        pairs[2 * i] = term_tuple_elems(elems[i])[0];
        pairs[2 * i + 1] = term_tuple_elems(elems[i])[1];
    }
    Term r = map_from_pairs(p, pairs, (uint32_t)n);
    free(pairs);
    free(elems);
    return r;
}

Term bi_maps_to_list_1(Process *p, Term *args) { return bi_map_to_list_1(p, args); }

Term bi_maps_get_2(Process *p, Term *args)
{
    Term a[2] = {args[1], args[0]};
    return bi_map_fetch_bang_2(p, a);
}

Term bi_maps_get_3(Process *p, Term *args)
{
    Term a[3] = {args[1], args[0], args[2]};
    return bi_map_get_3(p, a);
}

Term bi_maps_put_3(Process *p, Term *args)
{
    Term a[3] = {args[2], args[0], args[1]};
    return bi_map_put_3(p, a);
}

Term bi_maps_remove_2(Process *p, Term *args)
{
    Term a[2] = {args[1], args[0]};
    return bi_map_delete_2(p, a);
}

Term bi_maps_is_key_2(Process *p, Term *args)
{
    Term a[2] = {args[1], args[0]};
    return bi_map_has_key_p_2(p, a);
}

Term bi_maps_find_2(Process *p, Term *args)
{
    Term a[2] = {args[1], args[0]};
    return bi_map_fetch_2(p, a);
}

Term bi_maps_keys_1(Process *p, Term *args) { return bi_map_keys_1(p, args); }
Term bi_maps_values_1(Process *p, Term *args) { return bi_map_values_1(p, args); }
Term bi_maps_merge_2(Process *p, Term *args) { return bi_map_merge_2(p, args); }
