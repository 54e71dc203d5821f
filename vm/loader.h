// Turns .emb bytes (vm/bytecode.h) into a Module: reads every section through a bounds-checked
// cursor, builds literals in the module's own area, maps atoms, then runs the verifier. A
// truncated, corrupt or hostile file is refused with a message; it never reaches the
// interpreter.
#ifndef EMBER_VM_LOADER_H
#define EMBER_VM_LOADER_H

#include <stddef.h>
#include <stdint.h>

#include "module.h"

// Loads [size] bytes at [bytes]. Returns a new Module (free with loader_free_module), or NULL
// with a one-line reason in [err] ([err_size] bytes). Does not register the module. Thread-safe
// (interns atoms in [vm]).
Module *loader_load(Vm *vm, const uint8_t *bytes, size_t size, char *err, size_t err_size);

// Frees [mod] and everything it owns. [mod] may be NULL.
void loader_free_module(Module *mod);

// The module name (atom 0) of .emb [bytes] without loading it; false when unreadable.
// On success *[name] points into [bytes] (not NUL-terminated) and *[len] is its length.
bool loader_peek_name(const uint8_t *bytes, size_t size, const char **name, size_t *len);

// Total size of the .emb file starting at [bytes] (header + body), 0 when not a valid header.
size_t loader_file_size(const uint8_t *bytes, size_t size);

// Decodes a term blob (vm/bytecode.h: atom table, then one literal) of [size] bytes at [bytes]
// into a term built on [p]'s heap (the caller is a built-in running in [p]). Returns false with
// a one-line reason in [err] when the bytes are truncated or malformed; never reads outside
// [bytes]. Thread-safe (interns atoms in p's VM).
bool loader_decode_term(Process *p, const uint8_t *bytes, size_t size, Term *out, char *err,
                        size_t err_size);

#endif
