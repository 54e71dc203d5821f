// The table of every C built-in, generated from builtins.def, and lookup by module/name/arity.
// The table is constant data shared by all threads. builtin_find (text, a linear scan) serves
// the loader; builtin_lookup (atoms, a hash table built once per VM) serves calls that name
// their target at run time (apply, fun values).
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

#include "vm.h"

const BuiltinInfo builtin_table[BUILTIN_COUNT] = {
#define BUILTIN(module, name, arity, fn, flags) {module, name, arity, fn, flags},
#include "builtins.def"
#undef BUILTIN
};

bool builtin_find(const char *module, const char *name, uint32_t arity, BuiltinId *out)
{
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        const BuiltinInfo *b = &builtin_table[i];
        if (b->arity == arity && strcmp(b->name, name) == 0 && strcmp(b->module, module) == 0) {
            *out = (BuiltinId)i;
            return true;
        }
    }
    return false;
}

static uint32_t slot_hash(Term module, Term name, uint32_t arity)
{
    uint64_t h = (module * 0x9E3779B97F4A7C15u) ^ (name * 0xC2B2AE3D27D4EB4Fu) ^ arity;
    return (uint32_t)(h ^ (h >> 29));
}

void builtin_index_build(BuiltinIndex *index, AtomTable *atoms)
{
    uint32_t size = 1;
    while (size < BUILTIN_COUNT * 2) {
        size *= 2;
    }
    index->slots = em_malloc(size * sizeof *index->slots);
    index->mask = size - 1;
    for (uint32_t i = 0; i < size; i++) {
        index->slots[i].id = BUILTIN_COUNT;
    }
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        const BuiltinInfo *b = &builtin_table[i];
        uint32_t m;
        uint32_t n;
        if (!atom_intern(atoms, b->module, strlen(b->module), &m) ||
            !atom_intern(atoms, b->name, strlen(b->name), &n)) {
            continue;
        }
        Term module = term_from_atom(m);
        Term name = term_from_atom(n);
        uint32_t at = slot_hash(module, name, b->arity) & index->mask;
        while (index->slots[at].id != BUILTIN_COUNT) {
            at = (at + 1) & index->mask;
        }
        index->slots[at] = (struct BuiltinSlot){module, name, b->arity, i};
    }
}

void builtin_index_free(BuiltinIndex *index)
{
    free(index->slots);
    index->slots = NULL;
}

bool builtin_lookup(const BuiltinIndex *index, Term module, Term name, uint32_t arity,
                    BuiltinId *out)
{
    uint32_t at = slot_hash(module, name, arity) & index->mask;
    for (;;) {
        const struct BuiltinSlot *s = &index->slots[at];
        if (s->id == BUILTIN_COUNT) {
            return false;
        }
        if (s->module == module && s->name == name && s->arity == arity) {
            *out = (BuiltinId)s->id;
            return true;
        }
        at = (at + 1) & index->mask;
    }
}
