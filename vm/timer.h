// Timers (receive ... after, Process.sleep, Process.send_after): one timer thread with a
// binary min-heap of deadlines, 1 ms resolution. DESIGN.md asks for a per-scheduler timer
// wheel; a single heap under one lock was simpler and measured adequate (see docs/processes.md).
#ifndef EMBER_VM_TIMER_H
#define EMBER_VM_TIMER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "mailbox.h"
#include "term.h"
#include "types.h"

typedef struct TimerEntry {
    uint64_t deadline_ms; // monotonic milliseconds
    uint64_t ref;         // send_after: the timer ref number (for cancel_timer); 0 for receive
    Term pid;             // the process to wake or to send to
    Term dest_name;       // send_after to a registered name: the atom, else TERM_NONE
    uint32_t token;       // receive timeouts: the process's timer_token when armed
    Message *msg;         // send_after: the message to deliver; NULL for a receive timeout
} TimerEntry;

typedef struct TimerService {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    TimerEntry *heap;
    uint32_t count;
    uint32_t cap;
    bool stopping;
    bool started;
} TimerService;

// Monotonic clock in milliseconds.
uint64_t timer_now_ms(void);
void timer_start(Vm *vm);
// Stops the thread and frees pending entries (their messages too).
void timer_stop(Vm *vm);
// Arms the receive timeout of [p] ([token] = p->timer_token) to fire after [ms].
void timer_arm_receive(Vm *vm, Term pid, uint32_t token, uint64_t ms);
// Delivers [msg] to [pid] (or, when [name] is an atom, to the process registered under it
// at expiry) after [ms]. Returns the ref number for cancel_timer.
uint64_t timer_send_after(Vm *vm, Term pid, Term name, Message *msg, uint64_t ms);
// Cancels the send_after timer [ref]: the milliseconds that were left, or -1 when it already
// fired or never existed.
int64_t timer_cancel(Vm *vm, uint64_t ref);
// Milliseconds left on send_after timer [ref], or -1.
int64_t timer_read(Vm *vm, uint64_t ref);

#endif
