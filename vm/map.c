// Flat maps: one boxed object holding the pair count, the keys sorted in map-key order
// (term_compare_exact: 1 and 1.0 are distinct) and then the values in the same order.
// Lookup is a binary search; updates copy the object, so maps are never mutated.
#include "map.h"

#include <stdlib.h>

#include "heap.h"
#include "process.h"
#include "vm.h"

// Allocates an uninitialised map of [n] pairs.
static Term *alloc_map(Process *p, uint32_t n)
{
    Term *obj = heap_alloc_in(&p->heap, 2 + 2 * (size_t)n);
    obj[0] = term_make_header(TERM_TYPE_MAP, 1 + 2 * (uint64_t)n);
    obj[1] = n;
    return obj;
}

// Binary search: true with *[pos] the key's index, or false with *[pos] the insertion point.
static bool find_key(Term map, Term key, uint32_t *pos)
{
    const Term *keys = map_keys(map);
    uint32_t lo = 0;
    uint32_t hi = map_size(map);
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = keys[mid] == key ? 0 : term_compare_exact(keys[mid], key);
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
    Term *obj = alloc_map(p, n);
    for (uint32_t i = 0; i < n; i++) {
        obj[2 + i] = pairs[2 * idx[i]];
        obj[2 + n + i] = pairs[2 * idx[i] + 1];
    }
    free(idx);
    return term_from_boxed(obj);
}

bool map_get(Term map, Term key, Term *value)
{
    uint32_t pos;
    if (!find_key(map, key, &pos)) {
        return false;
    }
    *value = map_values(map)[pos];
    return true;
}

Term map_put(Process *p, Term map, Term key, Term value)
{
    uint32_t pos;
    uint32_t n = map_size(map);
    if (find_key(map, key, &pos)) {
        if (map_values(map)[pos] == value) {
            return map;
        }
        Term *obj = alloc_map(p, n);
        memcpy(obj + 2, map_keys(map), 2 * (size_t)n * sizeof(Term));
        obj[2 + n + pos] = value;
        return term_from_boxed(obj);
    }
    Term *obj = alloc_map(p, n + 1);
    const Term *keys = map_keys(map); // the old object never moves during allocation
    const Term *vals = map_values(map);
    Term *nk = obj + 2;
    Term *nv = obj + 2 + n + 1;
    memcpy(nk, keys, pos * sizeof(Term));
    nk[pos] = key;
    memcpy(nk + pos + 1, keys + pos, (n - pos) * sizeof(Term));
    memcpy(nv, vals, pos * sizeof(Term));
    nv[pos] = value;
    memcpy(nv + pos + 1, vals + pos, (n - pos) * sizeof(Term));
    return term_from_boxed(obj);
}

Term map_remove(Process *p, Term map, Term key)
{
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
