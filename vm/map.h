// Maps: up to MAP_FLAT_MAX pairs are one flat object with keys sorted in map-key order and their
// values (TERM_TYPE_MAP); larger maps are a persistent weight-balanced tree of MAPTREE nodes in
// the same key order. Every operation returns a new map; none mutates its input.
#ifndef EMBER_VM_MAP_H
#define EMBER_VM_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"

// A map holds the flat form iff it has at most this many pairs (so equal maps share a form).
#define MAP_FLAT_MAX 32
// Deepest tree a MapIter can walk: weight balance keeps depth under 2.5 * log2(size).
#define MAP_ITER_DEPTH 96

// The pair count of any map (a tree node keeps its subtree size in the same word).
static inline uint32_t map_size(Term map) { return (uint32_t)term_boxed_ptr(map)[1]; }
// True when [map] is the tree form (more than MAP_FLAT_MAX pairs).
static inline bool map_is_tree(Term map) { return term_boxed_type(map) == TERM_TYPE_MAPTREE; }
// The sorted keys and the values of a FLAT map only; use MapIter or map_to_arrays for any map.
static inline Term *map_keys(Term map) { return term_boxed_ptr(map) + 2; }
static inline Term *map_values(Term map) { return term_boxed_ptr(map) + 2 + map_size(map); }

// An in-order walk over a map's pairs, keys ascending; no allocation. The map must stay
// reachable (and no GC may run) while the walk is in progress.
typedef struct MapIter {
    Term flat;      // the flat map being walked, or TERM_NONE for a tree
    uint32_t pos;   // next index in [flat]
    uint32_t depth; // tree nodes on [stack]
    Term stack[MAP_ITER_DEPTH];
} MapIter;

// Starts [it] at the smallest key of [map].
void map_iter_init(MapIter *it, Term map);
// The next pair in key order into *[key] and *[value] (either may be NULL); false at the end.
bool map_iter_next(MapIter *it, Term *key, Term *value);
// Copies the keys and/or values of [map] in key order into [keys] / [values] (each NULL or
// room for map_size(map) terms). Allocates nothing.
void map_to_arrays(Term map, Term *keys, Term *values);

// The empty map.
Term map_new(Process *p);
// A map from [count] key/value pairs laid out k0, v0, k1, v1 ... in [pairs]; later keys win.
// O(count log count); a large result is built bottom-up as a balanced tree.
Term map_from_pairs(Process *p, const Term *pairs, uint32_t count);
// The value under [key] (exact match, as Erlang maps: 1 and 1.0 are different keys).
bool map_get(Term map, Term key, Term *value);
// A copy of [map] with [key] => [value] ([map] itself when already so); O(log n) for trees.
Term map_put(Process *p, Term map, Term key, Term value);
// A copy of [map] without [key] ([map] itself when absent); O(log n) for trees.
Term map_remove(Process *p, Term map, Term key);
// The struct name atom when [map] has a __struct__ key holding an atom, else TERM_NONE.
Term map_struct_name(Term map);

#endif
