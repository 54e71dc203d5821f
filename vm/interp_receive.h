// The slow half of `receive`: timeouts and suspension (the RECV_* opcodes in interp.c).
#ifndef EMBER_VM_INTERP_RECEIVE_H
#define EMBER_VM_INTERP_RECEIVE_H

#include <stdbool.h>

#include "term.h"
#include "types.h"

typedef enum WaitAction {
    WAIT_TIMED_OUT,   // run the `after` body
    WAIT_RETRY,       // new messages: scan again from the cursor
    WAIT_SUSPEND,     // nothing to do: save state and call interp_suspend
    WAIT_YIELD,       // signals are pending: yield so the scheduler handles them
    WAIT_BAD_TIMEOUT, // the timeout is not a non-negative integer or :infinity (raised)
} WaitAction;

// Decides what RECV_WAIT does with timeout [timeout]; arms the receive timer the first time.
WaitAction interp_receive_wait(Process *p, Term timeout);
// A message was accepted while a receive timer is armed or fired: disarms it (under the
// mailbox lock, so a concurrent firing cannot leave a stale TIMER_FIRED behind).
void interp_receive_done(Process *p);
// Under the mailbox lock: makes [p] WAITING unless something arrived meanwhile. True when it
// is now WAITING (the interpreter must return at once without touching [p]).
bool interp_suspend(Process *p);

#endif
