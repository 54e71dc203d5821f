// Maps: a flat object with keys sorted in term order and their values (TERM_TYPE_MAP). Lookup
// is a binary search. Every operation returns a new map; none mutates its input.
#ifndef EMBER_VM_MAP_H
#define EMBER_VM_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"

static inline uint32_t map_size(Term map) { return (uint32_t)term_boxed_ptr(map)[1]; }
static inline Term *map_keys(Term map) { return term_boxed_ptr(map) + 2; }
static inline Term *map_values(Term map) { return term_boxed_ptr(map) + 2 + map_size(map); }

// The empty map.
Term map_new(Process *p);
// A map from [count] key/value pairs laid out k0, v0, k1, v1 ... in [pairs]; later keys win.
Term map_from_pairs(Process *p, const Term *pairs, uint32_t count);
// The value under [key] (exact match, as Erlang maps: 1 and 1.0 are different keys).
bool map_get(Term map, Term key, Term *value);
// A copy of [map] with [key] => [value].
Term map_put(Process *p, Term map, Term key, Term value);
// A copy of [map] without [key] ([map] itself when absent).
Term map_remove(Process *p, Term map, Term key);
// The struct name atom when [map] has a __struct__ key holding an atom, else TERM_NONE.
Term map_struct_name(Term map);

#endif
