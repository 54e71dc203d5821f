// Scheduler threads (scheduler.h): run queues, stealing, sleeping, and what happens when a
// process yields, waits or ends.
#include "scheduler.h"

#include <stdlib.h>
#include <unistd.h>

#include "exit_report.h"
#include "process.h"
#include "runner.h"
#include "signal.h"
#include "vm.h"

static _Thread_local Scheduler *current_scheduler;

Scheduler *sched_current(void)
{
    return current_scheduler;
}

uint32_t sched_default_count(void)
{
    const char *env = getenv("EMBER_SCHEDULERS");
    if (env != NULL && atoi(env) > 0) {
        return (uint32_t)atoi(env);
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus > 0 ? (uint32_t)cpus : 1;
}

// ==== Run queues ====

// Appends [p]; returns the queue length after the push.
static uint32_t queue_push(RunQueue *q, Process *p)
{
    pthread_mutex_lock(&q->lock);
    if (q->count == q->cap) {
        uint32_t cap = q->cap ? q->cap * 2 : 64;
        Process **items = em_malloc(cap * sizeof(Process *));
        for (uint32_t i = 0; i < q->count; i++) {
            items[i] = q->items[(q->head + i) % q->cap];
        }
        free(q->items);
        q->items = items;
        q->head = 0;
        q->cap = cap;
    }
    q->items[(q->head + q->count) % q->cap] = p;
    uint32_t count = ++q->count;
    pthread_mutex_unlock(&q->lock);
    return count;
}

static Process *queue_pop(RunQueue *q)
{
    pthread_mutex_lock(&q->lock);
    Process *p = NULL;
    if (q->count > 0) {
        p = q->items[q->head];
        q->head = (q->head + 1) % q->cap;
        q->count--;
    }
    pthread_mutex_unlock(&q->lock);
    return p;
}

void sched_enqueue(Vm *vm, Process *p)
{
    SchedulerSet *set = &vm->sched;
    Scheduler *s = current_scheduler;
    if (s == NULL || s->vm != vm) {
        s = p->home != NULL ? p->home
                            : &set->scheds[atomic_fetch_add(&set->rr, 1) % set->count];
    }
    // Count first, then publish: a sleeper that sees runnable == 0 after registering itself
    // is guaranteed to be signalled below (both sides use sequentially consistent atomics).
    atomic_fetch_add(&set->runnable, 1);
    uint32_t queued = queue_push(&s->queue, p);
    // A scheduler queueing the first process on its own queue will run it itself as soon as
    // the current process yields or waits (a message ping-pong stays on one core); waking a
    // sleeper to steal it would only add a cross-thread hand-off. Anything more is shared.
    bool local = s == current_scheduler && queued == 1;
    if (!local && atomic_load(&set->sleepers) > 0) {
        pthread_mutex_lock(&set->sleep_lock);
        pthread_cond_signal(&set->sleep_cond);
        pthread_mutex_unlock(&set->sleep_lock);
    }
}

// Takes a process from another scheduler's queue.
static Process *steal(Scheduler *self)
{
    SchedulerSet *set = &self->vm->sched;
    for (uint32_t i = 1; i < set->count; i++) {
        Scheduler *victim = &set->scheds[(self->index + i) % set->count];
        Process *p = queue_pop(&victim->queue);
        if (p != NULL) {
            return p;
        }
    }
    return NULL;
}

// The next process to run, sleeping while there is none; NULL when stopping.
static Process *next_process(Scheduler *self)
{
    SchedulerSet *set = &self->vm->sched;
    for (;;) {
        if (atomic_load(&set->stopping)) {
            return NULL;
        }
        Process *p = queue_pop(&self->queue);
        if (p == NULL && set->count > 1) {
            p = steal(self);
        }
        if (p != NULL) {
            atomic_fetch_sub(&set->runnable, 1);
            return p;
        }
        pthread_mutex_lock(&set->sleep_lock);
        atomic_fetch_add(&set->sleepers, 1);
        if (atomic_load(&set->runnable) == 0 && !atomic_load(&set->stopping)) {
            pthread_cond_wait(&set->sleep_cond, &set->sleep_lock);
        }
        atomic_fetch_sub(&set->sleepers, 1);
        pthread_mutex_unlock(&set->sleep_lock);
    }
}

// ==== Running one time slice ====

// [p] ended (its initial call returned, it raised, or a signal killed it): report, tell
// links and monitors, free it.
static void finish(Process *p, InterpResult r, bool killed)
{
    Vm *vm = p->vm;
    Term reason;
    if (killed) {
        reason = p->exit_reason;
    } else if (r == INTERP_DONE) {
        reason = term_from_atom(ATOM_normal);
    } else {
        reason = exit_reason_of(p);
    }
    if (p->is_main) {
        runner_main_finished(vm, p, r, killed);
    } else if (!killed && r == INTERP_EXIT && p->exc_kind != term_from_atom(ATOM_exit)) {
        exit_report_print(vm, p);
    }
    signal_terminate(p, reason);
}

static void run_slice(Scheduler *self, Process *p)
{
    int expected = PROC_RUNNABLE;
    if (!atomic_compare_exchange_strong(&p->status, &expected, PROC_RUNNING)) {
        return; // cannot happen: a process is queued only while RUNNABLE
    }
    p->home = self;
    self->current = p;
    if (!signal_handle_pending(p)) {
        self->current = NULL;
        finish(p, INTERP_EXIT, true);
        return;
    }
    InterpResult r = interp_run(p);
    self->current = NULL;
    if (r == INTERP_YIELD) {
        proc_publish(p); // (a WAITING process may already run elsewhere: it publishes there)
    }
    switch (r) {
    case INTERP_YIELD:
        atomic_store(&p->status, PROC_RUNNABLE);
        sched_enqueue(self->vm, p);
        break;
    case INTERP_WAIT:
        // interp_run moved it to WAITING under the mailbox lock: from that moment a sender
        // may wake and queue it, so this thread must not touch it any more.
        break;
    default:
        finish(p, r, false);
        break;
    }
}

static void *scheduler_main(void *arg)
{
    Scheduler *self = arg;
    current_scheduler = self;
    Process *p;
    while ((p = next_process(self)) != NULL) {
        run_slice(self, p);
    }
    current_scheduler = NULL;
    return NULL;
}

void sched_start(Vm *vm, uint32_t count)
{
    SchedulerSet *set = &vm->sched;
    set->count = count == 0 ? 1 : count;
    set->scheds = em_calloc(set->count, sizeof(Scheduler));
    pthread_mutex_init(&set->sleep_lock, NULL);
    pthread_cond_init(&set->sleep_cond, NULL);
    atomic_init(&set->sleepers, 0);
    atomic_init(&set->runnable, 0);
    atomic_init(&set->stopping, false);
    atomic_init(&set->rr, 0);
    for (uint32_t i = 0; i < set->count; i++) {
        Scheduler *s = &set->scheds[i];
        s->vm = vm;
        s->index = i;
        pthread_mutex_init(&s->queue.lock, NULL);
    }
    for (uint32_t i = 0; i < set->count; i++) {
        if (pthread_create(&set->scheds[i].thread, NULL, scheduler_main, &set->scheds[i]) != 0) {
            fatal_oom();
        }
    }
}

void sched_stop(Vm *vm)
{
    SchedulerSet *set = &vm->sched;
    if (set->scheds == NULL) {
        return;
    }
    pthread_mutex_lock(&set->sleep_lock);
    atomic_store(&set->stopping, true);
    pthread_cond_broadcast(&set->sleep_cond);
    pthread_mutex_unlock(&set->sleep_lock);
    for (uint32_t i = 0; i < set->count; i++) {
        pthread_join(set->scheds[i].thread, NULL);
    }
    for (uint32_t i = 0; i < set->count; i++) {
        free(set->scheds[i].queue.items);
        pthread_mutex_destroy(&set->scheds[i].queue.lock);
    }
    free(set->scheds);
    set->scheds = NULL;
    pthread_mutex_destroy(&set->sleep_lock);
    pthread_cond_destroy(&set->sleep_cond);
}

InterpResult sched_run_to_completion(Process *p)
{
    InterpResult r;
    do {
        r = interp_run(p);
    } while (r == INTERP_YIELD);
    if (r == INTERP_WAIT) {
        r = INTERP_EXIT; // nothing can ever arrive: a helper run has no senders
    }
    return r;
}
