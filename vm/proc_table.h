// The process table: pid index -> Process. Slots are created on first use and their Process
// structs are never freed before the VM (type-stable memory): a stale pointer still points at
// a valid struct whose lock can be taken, and the pid's serial tells whether it is the same
// process. A slot is reused with serial + 1, so a stale pid never reaches a new process.
#ifndef EMBER_VM_PROC_TABLE_H
#define EMBER_VM_PROC_TABLE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "term.h"
#include "types.h"

// Default maximum number of live processes (`--max-processes` / EMBER_MAX_PROCESSES).
#define PTAB_DEFAULT_MAX (1u << 24)

typedef struct ProcTable {
    _Atomic(Process *) *slots; // max entries, calloc'd (pages are touched only when used)
    uint32_t max;
    _Atomic uint32_t used;     // slots ever created (high-water index)
    pthread_mutex_t free_lock; // guards the free-index stack
    uint32_t *free_ids;
    uint32_t free_count;
    _Atomic uint32_t live;     // processes between spawn and release
} ProcTable;

void ptab_init(ProcTable *t, uint32_t max);
// Frees every Process struct (all must be FREE or never started).
void ptab_destroy(ProcTable *t);

// A fresh process (heap, stack, mailbox initialised, status PROC_FREE, pid assigned), or NULL
// when the table is full (the caller raises SystemLimitError).
Process *ptab_spawn(Vm *vm);
// Returns [p]'s slot to the free list after its teardown (proc_release freed its memory).
void ptab_release(Vm *vm, Process *p);

// The process [pid] with its mailbox lock held, or NULL (unlocked) when it is not alive
// (FREE, EXITING or a stale serial). The caller unlocks p->mailbox.lock.
Process *ptab_lock(Vm *vm, Term pid);
// True when [pid] names a live process (racy by nature: it may die right after).
bool ptab_alive(Vm *vm, Term pid);
// Appends the pids of all live processes to [out] (at most [max]); returns how many.
uint32_t ptab_list(Vm *vm, Term *out, uint32_t max);

#endif
