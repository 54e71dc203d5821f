// The timer thread: one per VM, sleeping on a condition variable (CLOCK_MONOTONIC) until the
// earliest deadline of a binary min-heap ordered by (deadline_ms, ref). Invariant: the heap
// and its entries are touched only under timers.lock, and an entry is fired only after it
// has left the heap and the lock is dropped, so firing (which takes mailbox and run-queue
// locks) never nests inside the timer lock, and a cancel either finds the entry or sees -1.
#include "timer.h"

#include <stdlib.h>
#include <time.h>

#include "proc_table.h"
#include "process.h"
#include "scheduler.h"
#include "signal.h"
#include "vm.h"

#define NS_PER_MS 1000000u

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t timer_now_ms(void)
{
    return now_ns() / NS_PER_MS;
}

// The current time rounded up to a whole millisecond. Deadlines are computed from it, so a
// timer never fires before [ms] have fully passed (expiry compares with the rounded-down
// time), and the time left reported right after arming is [ms], never [ms] + 1.
static uint64_t now_ms_ceil(void)
{
    return (now_ns() + NS_PER_MS - 1) / NS_PER_MS;
}

// ==== The heap ====

static bool entry_before(const TimerEntry *a, const TimerEntry *b)
{
    // Ties go by ref, so send_after timers with one deadline fire in the order they were set.
    return a->deadline_ms < b->deadline_ms || (a->deadline_ms == b->deadline_ms && a->ref < b->ref);
}

static void swap_entries(TimerEntry *heap, uint32_t i, uint32_t j)
{
    TimerEntry t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
}

static uint32_t sift_up(TimerEntry *heap, uint32_t i)
{
    while (i > 0 && entry_before(&heap[i], &heap[(i - 1) / 2])) {
        swap_entries(heap, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
    return i;
}

static void sift_down(TimerEntry *heap, uint32_t count, uint32_t i)
{
    for (;;) {
        uint32_t least = i;
        uint32_t left = 2 * i + 1;
        if (left < count && entry_before(&heap[left], &heap[least])) {
            least = left;
        }
        if (left + 1 < count && entry_before(&heap[left + 1], &heap[least])) {
            least = left + 1;
        }
        if (least == i) {
            return;
        }
        swap_entries(heap, i, least);
        i = least;
    }
}

// Removes heap[i] by moving the last entry into its place, which may then need to go
// either up or down.
static void remove_at(TimerService *ts, uint32_t i)
{
    ts->count--;
    if (i == ts->count) {
        return;
    }
    ts->heap[i] = ts->heap[ts->count];
    sift_down(ts->heap, ts->count, sift_up(ts->heap, i));
}

// Adds [e], waking the thread when [e] became the earliest deadline (it may be asleep
// until a later one). After timer_stop, schedulers finishing their last slices may still
// arm timers: those can never fire, so they are dropped here.
static void insert(Vm *vm, TimerEntry e)
{
    TimerService *ts = &vm->timers;
    pthread_mutex_lock(&ts->lock);
    if (ts->stopping) {
        pthread_mutex_unlock(&ts->lock);
        message_free(e.msg);
        return;
    }
    if (ts->count == ts->cap) {
        ts->cap = ts->cap == 0 ? 16 : ts->cap * 2;
        ts->heap = em_realloc(ts->heap, ts->cap * sizeof(TimerEntry));
    }
    ts->heap[ts->count] = e;
    if (sift_up(ts->heap, ts->count++) == 0) {
        pthread_cond_signal(&ts->cond);
    }
    pthread_mutex_unlock(&ts->lock);
}

// The index of send_after timer [ref], or -1. Caller holds the lock.
static int64_t find_ref(const TimerService *ts, uint64_t ref)
{
    for (uint32_t i = 0; ref != 0 && i < ts->count; i++) {
        if (ts->heap[i].ref == ref) {
            return i;
        }
    }
    return -1;
}

static int64_t ms_left(const TimerEntry *e)
{
    uint64_t now = now_ms_ceil();
    return e->deadline_ms > now ? (int64_t)(e->deadline_ms - now) : 0;
}

// ==== Firing ====

static void fire_receive(Vm *vm, const TimerEntry *e)
{
    Process *p = ptab_lock(vm, e->pid);
    if (p == NULL) {
        return;
    }
    // A token mismatch means the receive this timer was armed for has already ended. The
    // owner clears the state without the mailbox lock on RECV_ACCEPT, hence a CAS rather than
    // a store: a receive that just matched a message must not be left looking timed out.
    bool wake = false;
    uint8_t armed = TIMER_ARMED;
    if (atomic_load(&p->timer_token) == e->token &&
        atomic_compare_exchange_strong(&p->timer_state, &armed, TIMER_FIRED)) {
        wake = signal_wake_locked(p);
    }
    pthread_mutex_unlock(&p->mailbox.lock);
    if (wake) {
        sched_enqueue(vm, p);
    }
}

static void fire(Vm *vm, const TimerEntry *e)
{
    if (e->msg == NULL) {
        fire_receive(vm, e);
        return;
    }
    Term pid = e->pid;
    if (e->dest_name != TERM_NONE) {
        pid = registry_whereis(vm, e->dest_name); // resolved at expiry, as Erlang does
        if (pid == TERM_NONE) {
            message_free(e->msg);
            return;
        }
    }
    signal_deliver(vm, pid, e->msg); // frees the message when pid is dead
}

static void *timer_main(void *arg)
{
    Vm *vm = arg;
    TimerService *ts = &vm->timers;
    pthread_mutex_lock(&ts->lock);
    while (!ts->stopping) {
        if (ts->count == 0) {
            pthread_cond_wait(&ts->cond, &ts->lock);
            continue;
        }
        uint64_t deadline = ts->heap[0].deadline_ms;
        if (deadline > timer_now_ms()) {
            struct timespec until = {
                .tv_sec = (time_t)(deadline / 1000),
                .tv_nsec = (long)(deadline % 1000) * (long)NS_PER_MS,
            };
            // Wakes early on an earlier insert or stop; the loop re-reads the heap either way.
            pthread_cond_timedwait(&ts->cond, &ts->lock, &until);
            continue;
        }
        TimerEntry e = ts->heap[0];
        remove_at(ts, 0);
        pthread_mutex_unlock(&ts->lock);
        fire(vm, &e);
        pthread_mutex_lock(&ts->lock);
    }
    pthread_mutex_unlock(&ts->lock);
    return NULL;
}

// ==== Public interface ====

void timer_start(Vm *vm)
{
    TimerService *ts = &vm->timers;
    if (ts->started) {
        return;
    }
    if (!ts->stopping) { // first start; a restart after timer_stop reuses lock and cond
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC); // deadlines ignore wall-clock jumps
        pthread_cond_init(&ts->cond, &attr);
        pthread_condattr_destroy(&attr);
        pthread_mutex_init(&ts->lock, NULL);
    }
    pthread_mutex_lock(&ts->lock);
    ts->stopping = false;
    pthread_mutex_unlock(&ts->lock);
    if (pthread_create(&ts->thread, NULL, timer_main, vm) != 0) {
        fatal_oom(); // EAGAIN: no memory or thread slot for one more thread
    }
    ts->started = true;
}

// Safe to call before sched_stop, and should be: once it returns nothing fires (so nothing
// calls sched_enqueue), while the lock and cond stay valid (never destroyed: they own no
// memory) for the schedulers' last timer_arm_receive/send_after calls, which insert drops.
void timer_stop(Vm *vm)
{
    TimerService *ts = &vm->timers;
    if (!ts->started) {
        return;
    }
    pthread_mutex_lock(&ts->lock);
    ts->stopping = true;
    pthread_cond_signal(&ts->cond);
    pthread_mutex_unlock(&ts->lock);
    pthread_join(ts->thread, NULL);
    ts->started = false;
    pthread_mutex_lock(&ts->lock);
    for (uint32_t i = 0; i < ts->count; i++) {
        message_free(ts->heap[i].msg); // NULL for receive timeouts
    }
    free(ts->heap);
    ts->heap = NULL;
    ts->count = 0;
    ts->cap = 0;
    pthread_mutex_unlock(&ts->lock);
}

// now + [ms], saturating: a huge timeout just never fires.
static uint64_t deadline_after(uint64_t ms)
{
    uint64_t now = now_ms_ceil();
    return ms > UINT64_MAX - now ? UINT64_MAX : now + ms;
}

void timer_arm_receive(Vm *vm, Term pid, uint32_t token, uint64_t ms)
{
    TimerEntry e = {deadline_after(ms), 0, pid, TERM_NONE, token, NULL};
    insert(vm, e);
}

uint64_t timer_send_after(Vm *vm, Term pid, Term name, Message *msg, uint64_t ms)
{
    // + 1 as make_ref does: ref 0 marks receive timeouts.
    uint64_t ref = (uint64_t)atomic_fetch_add(&vm->next_ref, 1) + 1;
    TimerEntry e = {deadline_after(ms), ref, pid, name, 0, msg};
    insert(vm, e);
    return ref;
}

int64_t timer_cancel(Vm *vm, uint64_t ref)
{
    TimerService *ts = &vm->timers;
    pthread_mutex_lock(&ts->lock);
    int64_t i = find_ref(ts, ref);
    TimerEntry e = {0};
    if (i >= 0) {
        e = ts->heap[i];
        remove_at(ts, (uint32_t)i);
    }
    pthread_mutex_unlock(&ts->lock);
    if (i < 0) {
        return -1;
    }
    message_free(e.msg); // outside the lock: releasing binaries may take a while
    return ms_left(&e);
}

int64_t timer_read(Vm *vm, uint64_t ref)
{
    TimerService *ts = &vm->timers;
    pthread_mutex_lock(&ts->lock);
    int64_t i = find_ref(ts, ref);
    int64_t left = i < 0 ? -1 : ms_left(&ts->heap[i]);
    pthread_mutex_unlock(&ts->lock);
    return left;
}
