// Scheduling. For now one scheduler runs on the calling thread: it runs a process in slices of
// PROC_REDUCTIONS until it finishes. Multi-core schedulers, run queues and stealing build on
// this entry point (DESIGN.md section 6).
#ifndef EMBER_VM_SCHEDULER_H
#define EMBER_VM_SCHEDULER_H

#include "interp.h"
#include "types.h"

// Runs [p] to completion: INTERP_DONE (p->result holds the value) or INTERP_EXIT (the
// exception is in p->exc_*).
InterpResult sched_run_to_completion(Process *p);

#endif
