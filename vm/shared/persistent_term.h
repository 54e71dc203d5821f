// :persistent_term's VM-wide store (vm/shared/persistent_term.c).
#ifndef EMBER_VM_SHARED_PERSISTENT_TERM_H
#define EMBER_VM_SHARED_PERSISTENT_TERM_H

#include "types.h"

// Creates [vm]'s empty store (vm->persistent_terms). Called once by vm_new.
void persistent_term_init(Vm *vm);
// Frees the store and every value in it. Called by vm_free, when no process runs.
void persistent_term_destroy(Vm *vm);

#endif
