// The virtual machine instance: atom table, loaded modules, options. All VM-wide state hangs
// off one Vm; there are no mutable globals. Shared by every scheduler thread.
#ifndef EMBER_VM_VM_H
#define EMBER_VM_VM_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "atom.h"
#include "term.h"
#include "types.h"

struct Vm {
    AtomTable *atoms;
    pthread_mutex_t modules_lock;
    Module **modules;       // loaded modules, indexed by nothing in particular
    uint32_t module_count;
    uint32_t module_cap;
    atomic_uint_fast64_t next_ref;  // make_ref counter
    atomic_uint_fast32_t next_pid;
    Term argv;              // System.argv() as a literal-area list, NIL when empty
    int exit_status;
};

// Creates a VM with the well-known atoms interned. fatal_oom on failure.
Vm *vm_new(void);
// Frees the VM, its modules and atoms.
void vm_free(Vm *vm);

// Prints "ember: out of memory" and exits 1. The only exit() outside main.c.
_Noreturn void fatal_oom(void);

// malloc/realloc/calloc that call fatal_oom instead of returning NULL.
void *em_malloc(size_t size);
void *em_realloc(void *ptr, size_t size);
void *em_calloc(size_t count, size_t size);

#endif
