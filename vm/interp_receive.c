// RECV_WAIT's decisions (interp_receive.h). The interpreter saves the process state before
// interp_suspend, because once WAITING is published a sender on another thread may queue
// the process and another scheduler may run it.
#include "interp_receive.h"

#include "error.h"
#include "process.h"
#include "timer.h"
#include "vm.h"

static void reset_cursor(Process *p)
{
    p->mailbox.cursor = &p->mailbox.head;
}

WaitAction interp_receive_wait(Process *p, Term timeout)
{
    if (atomic_load(&p->timer_state) == TIMER_FIRED) {
        atomic_store(&p->timer_state, TIMER_NONE);
        reset_cursor(p);
        return WAIT_TIMED_OUT;
    }
    bool infinite = timeout == term_from_atom(ATOM_infinity);
    if (!infinite && !(term_is_small(timeout) && term_to_small(timeout) >= 0)) {
        Term reason = term_from_atom(ATOM_timeout_value);
        proc_raise(p, term_from_atom(ATOM_error), error_normalize(p, reason));
        return WAIT_BAD_TIMEOUT;
    }
    // A process run outside the schedulers (a helper) has no timer thread and no senders.
    if (timeout == term_from_small(0) || (!infinite && p->id == UINT32_MAX)) {
        reset_cursor(p);
        return WAIT_TIMED_OUT;
    }
    if (atomic_load(&p->has_signals)) {
        return WAIT_YIELD;
    }
    if (!infinite && atomic_load(&p->timer_state) == TIMER_NONE) {
        uint32_t token = atomic_fetch_add(&p->timer_token, 1) + 1;
        atomic_store(&p->timer_state, TIMER_ARMED);
        timer_arm_receive(p->vm, p->pid, token, (uint64_t)term_to_small(timeout));
    }
    return WAIT_SUSPEND;
}

void interp_receive_done(Process *p)
{
    pthread_mutex_lock(&p->mailbox.lock);
    atomic_store(&p->timer_state, TIMER_NONE);
    pthread_mutex_unlock(&p->mailbox.lock);
}

bool interp_suspend(Process *p)
{
    Mailbox *mb = &p->mailbox;
    pthread_mutex_lock(&mb->lock);
    bool busy = mb->in_head != NULL || atomic_load(&p->has_signals) ||
                atomic_load(&p->timer_state) == TIMER_FIRED;
    if (!busy) {
        atomic_store(&p->status, PROC_WAITING);
    }
    pthread_mutex_unlock(&mb->lock);
    return !busy;
}
