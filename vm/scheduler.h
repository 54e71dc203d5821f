// Schedulers: one thread per core (DESIGN.md section 6). Each has a run queue under its own
// lock; an idle scheduler steals from the others, then sleeps on the VM's condition variable
// until work arrives. A process runs for PROC_REDUCTIONS calls at a time.
#ifndef EMBER_VM_SCHEDULER_H
#define EMBER_VM_SCHEDULER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "interp.h"
#include "types.h"

typedef struct RunQueue {
    pthread_mutex_t lock;
    Process **items; // ring buffer
    uint32_t head;
    uint32_t count;
    uint32_t cap;
} RunQueue;

struct Scheduler {
    Vm *vm;
    uint32_t index;
    pthread_t thread;
    RunQueue queue;
    Process *current; // the process this scheduler is running, or NULL
    uint32_t steal_seed;
};

typedef struct SchedulerSet {
    Scheduler *scheds;
    uint32_t count;
    pthread_mutex_t sleep_lock;
    pthread_cond_t sleep_cond;
    _Atomic uint32_t sleepers;
    _Atomic uint64_t runnable; // processes on all run queues
    _Atomic bool stopping;
    _Atomic uint32_t rr;       // round-robin for enqueues from non-scheduler threads
} SchedulerSet;

// Default count: EMBER_SCHEDULERS if set, else the online CPUs.
uint32_t sched_default_count(void);
// Starts [count] scheduler threads for [vm] (vm->sched).
void sched_start(Vm *vm, uint32_t count);
// Stops and joins every scheduler thread (each finishes its current time slice).
void sched_stop(Vm *vm);

// Puts RUNNABLE process [p] on a run queue (the caller's scheduler's when called from a
// scheduler thread, else p->home's) and wakes a sleeping scheduler if there is one.
void sched_enqueue(Vm *vm, Process *p);
// The scheduler running on this thread, or NULL outside scheduler threads.
Scheduler *sched_current(void);

// Runs [p] to completion on the calling thread, outside the schedulers (used for helper
// computations such as a custom exception message): INTERP_DONE or INTERP_EXIT. A receive
// that would wait ends it with INTERP_EXIT.
InterpResult sched_run_to_completion(Process *p);

#endif
