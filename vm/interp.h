// The bytecode interpreter: runs one process until it returns, raises past its last handler,
// or uses up its reductions (it then yields, its state saved in the Process).
#ifndef EMBER_VM_INTERP_H
#define EMBER_VM_INTERP_H

#include "types.h"

typedef enum InterpResult {
    INTERP_YIELD, // reductions used up; run again to continue
    INTERP_DONE,  // the initial call returned: p->result holds its value
    INTERP_EXIT,  // an uncaught exception: p->exc_kind/exc_reason/exc_stack describe it
    INTERP_WAIT,  // a receive found nothing: p is WAITING (set under its mailbox lock), and
                  // whoever wakes it queues it; the caller must not touch p any more
} InterpResult;

// Runs [p] (set up with proc_set_initial_call) for at most PROC_REDUCTIONS calls.
// Must be called by the one thread that currently owns [p].
InterpResult interp_run(Process *p);

#endif
