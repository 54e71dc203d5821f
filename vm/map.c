// Maps in two forms, both ordered by map-key order (term_compare_exact: 1 and 1.0 are distinct).
// Flat (<= MAP_FLAT_MAX pairs): one boxed object holding the pair count, the sorted keys and
// then the values; lookup is a binary search and updates copy the object.
// Tree (more pairs): a persistent weight-balanced binary tree (Adams; delta 3, ratio 2 as in
// Haskell's Data.Map) of MAPTREE nodes, each node holding its subtree size, key, value, left
// and right ([] for empty). Updates copy the O(log n) path; maps are never mutated.
// A map has the flat form iff it has at most MAP_FLAT_MAX pairs, so equal maps look alike.
#include "map.h"

#include <stdlib.h>

#include "heap.h"
#include "process.h"
#include "vm.h"

enum { NODE_SIZE = 1, NODE_KEY = 2, NODE_VALUE = 3, NODE_LEFT = 4, NODE_RIGHT = 5 };
enum { WB_DELTA = 3, WB_RATIO = 2 };

static int compare_keys(Term a, Term b) { return a == b ? 0 : term_compare_exact(a, b); }

// ==== Flat form ====

// Allocates an uninitialised flat map of [n] pairs.
static Term *alloc_map(Process *p, uint32_t n)
{
    Term *obj = heap_alloc_in(&p->heap, 2 + 2 * (size_t)n);
    obj[0] = term_make_header(TERM_TYPE_MAP, 1 + 2 * (uint64_t)n);
    obj[1] = n;
    return obj;
}

// A flat map from [n] sorted [keys] and their [values].
static Term make_flat(Process *p, const Term *keys, const Term *values, uint32_t n)
{
    Term *obj = alloc_map(p, n);
    memcpy(obj + 2, keys, n * sizeof(Term));
    memcpy(obj + 2 + n, values, n * sizeof(Term));
    return term_from_boxed(obj);
}

// Binary search: true with *[pos] the key's index, or false with *[pos] the insertion point.
static bool find_key(Term map, Term key, uint32_t *pos)
{
    const Term *keys = map_keys(map);
    uint32_t lo = 0;
    uint32_t hi = map_size(map);
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = compare_keys(keys[mid], key);
        if (c == 0) {
            *pos = mid;
            return true;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    *pos = lo;
    return false;
}

// ==== Tree nodes ====

static uint32_t tree_size(Term t) { return term_is_nil(t) ? 0 : map_size(t); }
static Term node_at(Term t, int field) { return term_boxed_ptr(t)[field]; }

static Term make_node(Process *p, Term key, Term value, Term left, Term right)
{
    Term *obj = heap_alloc_in(&p->heap, 6);
    obj[0] = term_make_header(TERM_TYPE_MAPTREE, 5);
    obj[NODE_SIZE] = (Term)tree_size(left) + tree_size(right) + 1;
    obj[NODE_KEY] = key;
    obj[NODE_VALUE] = value;
    obj[NODE_LEFT] = left;
    obj[NODE_RIGHT] = right;
    return term_from_boxed(obj);
}

// A node for [key] whose right subtree [r] has grown too heavy: one or two left rotations.
static Term rotate_left(Process *p, Term key, Term value, Term l, Term r)
{
    Term rl = node_at(r, NODE_LEFT);
    Term rr = node_at(r, NODE_RIGHT);
    Term rk = node_at(r, NODE_KEY);
    Term rv = node_at(r, NODE_VALUE);
    if (tree_size(rl) < WB_RATIO * tree_size(rr)) {
        return make_node(p, rk, rv, make_node(p, key, value, l, rl), rr);
    }
    Term a = make_node(p, key, value, l, node_at(rl, NODE_LEFT));
    Term b = make_node(p, rk, rv, node_at(rl, NODE_RIGHT), rr);
    return make_node(p, node_at(rl, NODE_KEY), node_at(rl, NODE_VALUE), a, b);
}

// Mirror of rotate_left for a too heavy left subtree [l].
static Term rotate_right(Process *p, Term key, Term value, Term l, Term r)
{
    Term ll = node_at(l, NODE_LEFT);
    Term lr = node_at(l, NODE_RIGHT);
    Term lk = node_at(l, NODE_KEY);
    Term lv = node_at(l, NODE_VALUE);
    if (tree_size(lr) < WB_RATIO * tree_size(ll)) {
        return make_node(p, lk, lv, ll, make_node(p, key, value, lr, r));
    }
    Term a = make_node(p, lk, lv, ll, node_at(lr, NODE_LEFT));
    Term b = make_node(p, key, value, node_at(lr, NODE_RIGHT), r);
    return make_node(p, node_at(lr, NODE_KEY), node_at(lr, NODE_VALUE), a, b);
}

// A balanced node from subtrees that were balanced before one insertion or removal.
static Term balance(Process *p, Term key, Term value, Term l, Term r)
{
    uint64_t sl = tree_size(l);
    uint64_t sr = tree_size(r);
    if (sl + sr > 1 && sr > WB_DELTA * sl) {
        return rotate_left(p, key, value, l, r);
    }
    if (sl + sr > 1 && sl > WB_DELTA * sr) {
        return rotate_right(p, key, value, l, r);
    }
    return make_node(p, key, value, l, r);
}

// [t] with [key] => [value]; [t] itself when the pair is already there.
static Term tree_put(Process *p, Term t, Term key, Term value)
{
    if (term_is_nil(t)) {
        return make_node(p, key, value, TERM_NIL, TERM_NIL);
    }
    Term k = node_at(t, NODE_KEY);
    Term v = node_at(t, NODE_VALUE);
    Term l = node_at(t, NODE_LEFT);
    Term r = node_at(t, NODE_RIGHT);
    int c = compare_keys(key, k);
    if (c == 0) {
        return v == value ? t : make_node(p, k, value, l, r);
    }
    Term sub = c < 0 ? tree_put(p, l, key, value) : tree_put(p, r, key, value);
    if (sub == (c < 0 ? l : r)) {
        return t;
    }
    return c < 0 ? balance(p, k, v, sub, r) : balance(p, k, v, l, sub);
}

// Removes the smallest pair of non-empty [t] into *[key], *[value]; returns the rest.
static Term tree_pop_min(Process *p, Term t, Term *key, Term *value)
{
    Term l = node_at(t, NODE_LEFT);
    if (term_is_nil(l)) {
        *key = node_at(t, NODE_KEY);
        *value = node_at(t, NODE_VALUE);
        return node_at(t, NODE_RIGHT);
    }
    Term rest = tree_pop_min(p, l, key, value);
    return balance(p, node_at(t, NODE_KEY), node_at(t, NODE_VALUE), rest, node_at(t, NODE_RIGHT));
}

// Mirror of tree_pop_min.
static Term tree_pop_max(Process *p, Term t, Term *key, Term *value)
{
    Term r = node_at(t, NODE_RIGHT);
    if (term_is_nil(r)) {
        *key = node_at(t, NODE_KEY);
        *value = node_at(t, NODE_VALUE);
        return node_at(t, NODE_LEFT);
    }
    Term rest = tree_pop_max(p, r, key, value);
    return balance(p, node_at(t, NODE_KEY), node_at(t, NODE_VALUE), node_at(t, NODE_LEFT), rest);
}

// Joins two balanced subtrees whose keys are all ordered [l] < [r].
static Term glue(Process *p, Term l, Term r)
{
    if (term_is_nil(l) || term_is_nil(r)) {
        return term_is_nil(l) ? r : l;
    }
    Term k;
    Term v;
    if (tree_size(l) > tree_size(r)) {
        Term rest = tree_pop_max(p, l, &k, &v);
        return balance(p, k, v, rest, r);
    }
    Term rest = tree_pop_min(p, r, &k, &v);
    return balance(p, k, v, l, rest);
}

// [t] without [key]; [t] itself when absent.
static Term tree_remove(Process *p, Term t, Term key)
{
    if (term_is_nil(t)) {
        return t;
    }
    Term k = node_at(t, NODE_KEY);
    Term l = node_at(t, NODE_LEFT);
    Term r = node_at(t, NODE_RIGHT);
    int c = compare_keys(key, k);
    if (c == 0) {
        return glue(p, l, r);
    }
    Term sub = c < 0 ? tree_remove(p, l, key) : tree_remove(p, r, key);
    if (sub == (c < 0 ? l : r)) {
        return t;
    }
    Term v = node_at(t, NODE_VALUE);
    return c < 0 ? balance(p, k, v, sub, r) : balance(p, k, v, l, sub);
}

// A perfectly balanced tree of the [n] sorted [keys] and [values] ([] when n is 0).
static Term tree_build(Process *p, const Term *keys, const Term *values, uint32_t n)
{
    if (n == 0) {
        return TERM_NIL;
    }
    uint32_t mid = n / 2;
    Term l = tree_build(p, keys, values, mid);
    Term r = tree_build(p, keys + mid + 1, values + mid + 1, n - mid - 1);
    return make_node(p, keys[mid], values[mid], l, r);
}

// The canonical form of the [n] sorted [keys] and [values]: flat when small, else a tree.
static Term make_sorted(Process *p, const Term *keys, const Term *values, uint32_t n)
{
    return n <= MAP_FLAT_MAX ? make_flat(p, keys, values, n) : tree_build(p, keys, values, n);
}

// ==== Iteration ====

// Pushes [t] and its chain of left children.
static void push_left_spine(MapIter *it, Term t)
{
    while (!term_is_nil(t)) {
        if (it->depth < MAP_ITER_DEPTH) { // weight balance bounds depth well below this
            it->stack[it->depth++] = t;
        }
        t = node_at(t, NODE_LEFT);
    }
}

void map_iter_init(MapIter *it, Term map)
{
    it->pos = 0;
    it->depth = 0;
    it->flat = map_is_tree(map) ? TERM_NONE : map;
    if (it->flat == TERM_NONE) {
        push_left_spine(it, map);
    }
}

bool map_iter_next(MapIter *it, Term *key, Term *value)
{
    Term k;
    Term v;
    if (it->flat != TERM_NONE) {
        if (it->pos >= map_size(it->flat)) {
            return false;
        }
        k = map_keys(it->flat)[it->pos];
        v = map_values(it->flat)[it->pos];
        it->pos++;
    } else {
        if (it->depth == 0) {
            return false;
        }
        Term t = it->stack[--it->depth];
        k = node_at(t, NODE_KEY);
        v = node_at(t, NODE_VALUE);
        push_left_spine(it, node_at(t, NODE_RIGHT));
    }
    if (key != NULL) {
        *key = k;
    }
    if (value != NULL) {
        *value = v;
    }
    return true;
}

void map_to_arrays(Term map, Term *keys, Term *values)
{
    MapIter it;
    map_iter_init(&it, map);
    Term k;
    Term v;
    for (uint32_t i = 0; map_iter_next(&it, &k, &v); i++) {
        if (keys != NULL) {
            keys[i] = k;
        }
        if (values != NULL) {
            values[i] = v;
        }
    }
}

// ==== Public operations ====

Term map_new(Process *p)
{
    return term_from_boxed(alloc_map(p, 0));
}

// Stable merge sort of pair indexes [idx] by key; [tmp] is scratch of the same length.
static void sort_pairs(const Term *pairs, uint32_t *idx, uint32_t *tmp, uint32_t n)
{
    if (n < 2) {
        return;
    }
    uint32_t half = n / 2;
    sort_pairs(pairs, idx, tmp, half);
    sort_pairs(pairs, idx + half, tmp, n - half);
    uint32_t i = 0;
    uint32_t j = half;
    uint32_t k = 0;
    while (i < half && j < n) {
        bool right_first = term_compare_exact(pairs[2 * idx[j]], pairs[2 * idx[i]]) < 0;
        tmp[k++] = right_first ? idx[j++] : idx[i++];
    }
    while (i < half) {
        tmp[k++] = idx[i++];
    }
    while (j < n) {
        tmp[k++] = idx[j++];
    }
    memcpy(idx, tmp, n * sizeof *idx);
}

Term map_from_pairs(Process *p, const Term *pairs, uint32_t count)
{
    uint32_t *idx = em_malloc(2 * ((size_t)count + 1) * sizeof *idx);
    uint32_t *tmp = idx + count + 1;
    for (uint32_t i = 0; i < count; i++) {
        idx[i] = i;
    }
    sort_pairs(pairs, idx, tmp, count);
    // Keep the last of each run of equal keys: stability puts it last.
    uint32_t n = 0;
    for (uint32_t i = 0; i < count; i++) {
        bool dup = i + 1 < count &&
                   term_exact_equal(pairs[2 * idx[i]], pairs[2 * idx[i + 1]]);
        if (!dup) {
            idx[n++] = idx[i];
        }
    }
    Term *keys = em_malloc(2 * ((size_t)n + 1) * sizeof(Term));
    Term *values = keys + n + 1;
    for (uint32_t i = 0; i < n; i++) {
        keys[i] = pairs[2 * idx[i]];
        values[i] = pairs[2 * idx[i] + 1];
    }
    Term map = make_sorted(p, keys, values, n);
    free(keys);
    free(idx);
    return map;
}

bool map_get(Term map, Term key, Term *value)
{
    if (map_is_tree(map)) {
        Term t = map;
        while (!term_is_nil(t)) {
            int c = compare_keys(key, node_at(t, NODE_KEY));
            if (c == 0) {
                *value = node_at(t, NODE_VALUE);
                return true;
            }
            t = node_at(t, c < 0 ? NODE_LEFT : NODE_RIGHT);
        }
        return false;
    }
    uint32_t pos;
    if (!find_key(map, key, &pos)) {
        return false;
    }
    *value = map_values(map)[pos];
    return true;
}

// A flat map plus one new [key] at index [pos]: flat again, or a tree past MAP_FLAT_MAX.
static Term flat_insert(Process *p, Term map, uint32_t pos, Term key, Term value)
{
    uint32_t n = map_size(map);
    Term nk[MAP_FLAT_MAX + 1];
    Term nv[MAP_FLAT_MAX + 1];
    const Term *keys = map_keys(map); // the old object never moves during allocation
    const Term *vals = map_values(map);
    if (n >= MAP_FLAT_MAX) {
        memcpy(nk, keys, pos * sizeof(Term));
        nk[pos] = key;
        memcpy(nk + pos + 1, keys + pos, (n - pos) * sizeof(Term));
        memcpy(nv, vals, pos * sizeof(Term));
        nv[pos] = value;
        memcpy(nv + pos + 1, vals + pos, (n - pos) * sizeof(Term));
        return tree_build(p, nk, nv, n + 1);
    }
    Term *obj = alloc_map(p, n + 1);
    Term *ok = obj + 2;
    Term *ov = obj + 2 + n + 1;
    memcpy(ok, keys, pos * sizeof(Term));
    ok[pos] = key;
    memcpy(ok + pos + 1, keys + pos, (n - pos) * sizeof(Term));
    memcpy(ov, vals, pos * sizeof(Term));
    ov[pos] = value;
    memcpy(ov + pos + 1, vals + pos, (n - pos) * sizeof(Term));
    return term_from_boxed(obj);
}

Term map_put(Process *p, Term map, Term key, Term value)
{
    if (map_is_tree(map)) {
        return tree_put(p, map, key, value);
    }
    uint32_t pos;
    uint32_t n = map_size(map);
    if (!find_key(map, key, &pos)) {
        return flat_insert(p, map, pos, key, value);
    }
    if (map_values(map)[pos] == value) {
        return map;
    }
    Term *obj = alloc_map(p, n);
    memcpy(obj + 2, map_keys(map), 2 * (size_t)n * sizeof(Term));
    obj[2 + n + pos] = value;
    return term_from_boxed(obj);
}

// A tree that shrank to MAP_FLAT_MAX pairs, in flat form.
static Term tree_to_flat(Process *p, Term t)
{
    uint32_t n = map_size(t);
    Term *obj = alloc_map(p, n);
    map_to_arrays(t, obj + 2, obj + 2 + n);
    return term_from_boxed(obj);
}

Term map_remove(Process *p, Term map, Term key)
{
    if (map_is_tree(map)) {
        Term t = tree_remove(p, map, key);
        return map_size(t) <= MAP_FLAT_MAX ? tree_to_flat(p, t) : t;
    }
    uint32_t pos;
    if (!find_key(map, key, &pos)) {
        return map;
    }
    uint32_t n = map_size(map);
    Term *obj = alloc_map(p, n - 1);
    const Term *keys = map_keys(map);
    const Term *vals = map_values(map);
    Term *nk = obj + 2;
    Term *nv = obj + 2 + n - 1;
    memcpy(nk, keys, pos * sizeof(Term));
    memcpy(nk + pos, keys + pos + 1, (n - pos - 1) * sizeof(Term));
    memcpy(nv, vals, pos * sizeof(Term));
    memcpy(nv + pos, vals + pos + 1, (n - pos - 1) * sizeof(Term));
    return term_from_boxed(obj);
}

Term map_struct_name(Term map)
{
    Term name;
    if (map_get(map, term_from_atom(ATOM_struct), &name) && term_is_atom(name)) {
        return name;
    }
    return TERM_NONE;
}
