// The VM-wide atom table: text <-> index, shared by all schedulers. Interning takes a lock;
// reading a name by index does not (entries are never moved or freed while the VM runs).
#ifndef EMBER_VM_ATOM_H
#define EMBER_VM_ATOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
#define ATOM(id, text) ATOM_##id,
#include "atoms.def"
#undef ATOM
    ATOM_WELL_KNOWN_COUNT
};

// Atoms are at most this many bytes (Erlang's limit is 255 characters).
#define ATOM_MAX_SIZE 1020

typedef struct AtomTable AtomTable;

// Creates a table pre-filled with atoms.def in order. Calls fatal_oom on malloc failure.
AtomTable *atom_table_new(void);
// Frees [table] and every name.
void atom_table_free(AtomTable *table);
// The index of [len] bytes at [name], interning it if new. Thread-safe. Returns false only
// when [len] exceeds ATOM_MAX_SIZE (the caller raises SystemLimitError).
bool atom_intern(AtomTable *table, const char *name, size_t len, uint32_t *out);
// The index of [name] if already interned. Thread-safe.
bool atom_lookup(AtomTable *table, const char *name, size_t len, uint32_t *out);
// The name of atom [index] (NUL-terminated), its length in *[len] when [len] is not NULL.
const char *atom_name(const AtomTable *table, uint32_t index, size_t *len);
// Number of atoms interned so far.
uint32_t atom_count(const AtomTable *table);
// Orders atoms [a] and [b] by their text (Erlang term order for atoms): <0, 0 or >0. Atoms are
// global to the OS process (every Vm shares one table), so no table is passed. Thread-safe.
int atom_compare(uint32_t a, uint32_t b);

#endif
