// What processes do to each other: messages, links, monitors, exit signals, registered names,
// and a process's end. Erlang's rules (DESIGN.md section 6): a normal exit signal is dropped
// unless the receiver traps exits; `kill` cannot be trapped and becomes `killed`; a trapping
// process receives {:EXIT, pid, reason}; a monitor delivers {:DOWN, ref, :process, pid, reason}
// (reason :noproc when the target was already dead). A signal about a link or monitor is
// delivered only while the receiver still holds that link or monitor, so after unlink or
// demonitor returns no stale signal can arrive.
#ifndef EMBER_VM_SIGNAL_H
#define EMBER_VM_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "mailbox.h"
#include "term.h"
#include "types.h"

// Sends [msg] (a term the calling thread may read) to process [pid]. Copies it; a dead or
// unknown pid drops it silently. Returns the words copied (the sender is charged for them).
// Thread-safe, callable from any thread.
size_t signal_send(Vm *vm, Term pid, Term msg);
// Delivers the already-copied [m] to [pid] (inbox for MSG_PLAIN, signal queue otherwise) and
// wakes the receiver when it waits. Frees [m] when [pid] is dead; returns whether delivered.
bool signal_deliver(Vm *vm, Term pid, Message *m);

// With [p]'s mailbox lock held: moves a WAITING [p] to RUNNABLE. Returns true when it did;
// the caller must then sched_enqueue(vm, p) after unlocking.
bool signal_wake_locked(Process *p);

// Links [p] and [other]. False when [other] is not alive (the caller applies the noproc rule).
bool signal_link(Process *p, Term other);
void signal_unlink(Process *p, Term other);
// Monitors [target] (named [name] or TERM_NONE) with ref number [ref]. When the target is
// dead, queues the {:DOWN, ..., :noproc} message at once.
void signal_monitor(Process *p, Term target, Term name, uint64_t ref, Term ref_term);
// Removes monitor [ref]; true when it was active.
bool signal_demonitor(Process *p, uint64_t ref);
// Makes [p] drop a reply {ref, _} for monitor ref number [ref] that arrives from now on (what
// OTP's process aliases do for a call that timed out). demonitor's :ember_drop_replies option.
void signal_drop_replies(Process *p, uint64_t ref);
// Process.exit(pid, reason) from [p]. Handles pid == self.
void signal_exit(Process *p, Term pid, Term reason);

// Owner, when switched in: handles queued exit signals. Returns false when one of them ends
// the process (p->exit_reason is then set).
bool signal_handle_pending(Process *p);

// Tears down a process that ended with [reason] (already on [p]'s heap): unregisters it,
// sends exit signals to its links and DOWN messages to its monitors, frees its memory and
// releases its table slot.
void signal_terminate(Process *p, Term reason);

// Registered names. register fails (false) when the name is taken or the process already
// has a name or is dead.
bool registry_register(Vm *vm, Term name, Term pid);
bool registry_unregister(Vm *vm, Term name);
// The pid registered as [name], or TERM_NONE.
Term registry_whereis(Vm *vm, Term name);
// Appends every registered name to [out] (at most [max]); returns how many.
uint32_t registry_names(Vm *vm, Term *out, uint32_t max);

#endif
