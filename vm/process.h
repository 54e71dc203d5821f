// A process: its own heap, register stack, call frames, exception handlers and reduction
// count. It shares no mutable data with any other process. The interpreter runs one process
// at a time per scheduler; gc_collect finds every root through this struct.
#ifndef EMBER_VM_PROCESS_H
#define EMBER_VM_PROCESS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heap.h"
#include "mailbox.h"
#include "term.h"
#include "types.h"

// A process is switched out after this many reductions (one per call).
#define PROC_REDUCTIONS 2000
// Body recursion deeper than this many frames raises SystemLimitError in the process.
#define PROC_MAX_FRAMES (16u * 1024u * 1024u)
// Registers (all frames together) a process may use before SystemLimitError: 2 GiB.
#define PROC_MAX_STACK_TERMS (256u * 1024u * 1024u)
// Extra GC roots a built-in may register while it works (see proc_push_root).
#define PROC_MAX_EXTRA_ROOTS 4

// One call frame. Registers live in Process.stack from base onward.
typedef struct Frame {
    const Function *fn;
    const uint32_t *ret_pc; // where the caller continues
    uint32_t base;          // index in Process.stack of this frame's R[0]
} Frame;

// One active try handler.
typedef struct Handler {
    uint32_t frame_depth; // frames on the stack when TRY ran
    uint32_t dest;        // register receiving kind, reason, stacktrace
    const uint32_t *pc;   // where the handler code starts
} Handler;

// Life cycle (p->status, changed by atomic compare-and-swap):
//   FREE -> RUNNABLE (spawned, on a run queue) -> RUNNING (one scheduler owns it)
//   RUNNING -> RUNNABLE (reductions spent) | WAITING (receive found nothing; under the
//   mailbox lock) | EXITING (its scheduler is tearing it down) -> FREE (slot reusable)
//   WAITING -> RUNNABLE (a message, signal or timeout arrived; under the mailbox lock)
// Only the scheduler that moved a process to RUNNING touches its heap, stack or private queue.
typedef enum ProcStatus {
    PROC_FREE,
    PROC_RUNNABLE,
    PROC_RUNNING,
    PROC_WAITING,
    PROC_EXITING,
    PROC_EXITED, // a process run outside the scheduler (tests, helpers) that finished
} ProcStatus;

// A monitor: the process that watches and the one watched, identified by the ref's number.
typedef struct MonitorEntry {
    uint64_t ref;
    Term pid;  // in monitors: the watched pid; in monitored_by: the watcher
    Term name; // the registered name when monitored by name (DOWN reports {name, node}), or NONE
} MonitorEntry;

// What links a process to others. Most processes have none, so it is allocated on first use
// (proc_relations) and an idle process points at the shared empty PROC_NO_RELATIONS.
typedef struct ProcRelations {
    Term *links;                // pids linked to this process
    uint32_t link_count;
    uint32_t link_cap;
    MonitorEntry *monitors;     // monitors this process holds on others
    uint32_t monitor_count;
    uint32_t monitor_cap;
    MonitorEntry *monitored_by; // monitors others hold on this process
    uint32_t monitored_by_count;
    uint32_t monitored_by_cap;
    uint64_t *dropped_refs;     // replies {ref, _} to drop on arrival (a call that timed out)
    uint32_t dropped_count;     // (at most PROC_MAX_DROPPED_REFS, oldest evicted first)
} ProcRelations;

// The empty relations every process starts with (read-only; never written through).
extern ProcRelations PROC_NO_RELATIONS;

// Receive timer states (p->timer_state).
enum { TIMER_NONE, TIMER_ARMED, TIMER_FIRED };

struct Process {
    Vm *vm;
    uint32_t id;          // process-table index (pid payload)
    uint32_t serial;      // reuse count of this table slot (pid payload)
    Term pid;             // term_make_pid(id, serial)
    _Atomic int status;   // ProcStatus
    Heap heap;
    Mailbox mailbox;

    Term *stack;        // registers of every frame
    uint32_t stack_cap; // terms allocated
    uint32_t stack_top; // registers in use (GC root range is stack[0 .. stack_top))
    uint32_t stack_hwm; // highest stack_top reached since the last GC; above it all is []
    Frame *frames;
    uint32_t frame_count;
    uint32_t frame_cap;
    Handler *handlers;
    uint32_t handler_count;
    uint32_t handler_cap;

    int32_t reductions; // left in this time slice
    uint32_t bif_work;  // reductions a built-in owes for its work (proc_charge); CALL_BI pays

    // The exception being raised: set by proc_raise, consumed by the interpreter.
    Term exc_kind;      // atom error / throw / exit, TERM_NONE when none
    Term exc_reason;
    Term exc_stack;     // the stacktrace list, built while unwinding

    // ---- Process model (guarded by mailbox.lock where other processes read or change them) ----
    ProcRelations *rel;      // links, monitors, dropped replies (PROC_NO_RELATIONS when none)
    Term registered_name;    // atom, or TERM_NONE
    bool trap_exit;
    bool has_ets_tables;     // it created an ETS table (deleted when it exits; owner only)
    bool is_main;            // the script's main process: its end ends the program
    _Atomic bool has_signals; // the inbox holds a signal (checked without the lock)
    _Atomic uint8_t timer_state;  // TIMER_* for the current receive ... after
    _Atomic uint32_t timer_token; // bumped per armed timer; a stale firing is ignored
    uint64_t total_reductions; // Process.info(pid, :reductions)
    Scheduler *home;         // scheduler that last ran it (where wake-ups enqueue it)
    Term exit_reason;        // while EXITING: the reason sent to links and monitors
    // Published by the scheduler after each time slice, for Process.info from others.
    _Atomic uint64_t published_reductions;
    _Atomic uint64_t published_memory;     // bytes
    _Atomic uint64_t published_heap_words;

    Term dictionary;    // process dictionary (a map term), NIL atom when empty
    Term extra_roots[PROC_MAX_EXTRA_ROOTS];
    uint32_t extra_root_count;

    // Execution state while switched out (the interpreter keeps these in locals while running).
    const uint32_t *pc;
    const Function *fn; // function of the current frame
    uint32_t base;      // stack index of the current frame's R[0]
    Term result;        // the value of the process's initial call, once it returned
};

// Late replies a process remembers to drop (see dropped_refs).
#define PROC_MAX_DROPPED_REFS 16

// Elements (list cells, words copied) a built-in may process per reduction it is charged.
#define PROC_WORK_PER_REDUCTION 16

// Charges the running process for a built-in's work on [units] elements, so a long list
// operation or a big message copy uses up its time slice like the calls it replaces: the
// interpreter subtracts the debt after the built-in returns and yields at the next call.
static inline void proc_charge(Process *p, size_t units)
{
    size_t reds = units / PROC_WORK_PER_REDUCTION;
    p->bif_work += reds > 100000 ? 100000 : (uint32_t)reds;
}

// Creates a process for [vm] with an empty heap and stack. fatal_oom on malloc failure.
Process *proc_new(Vm *vm);
// Messages queued for [p] (inbox and private queue). Caller holds p's lock or is p.
uint32_t proc_queue_len(Process *p);
// Reductions, memory (bytes) and heap size (words) of [p]: computed when [self] (the caller
// is p), else as published at p's last switch-out.
uint64_t proc_published_reductions(Process *p, bool self);
uint64_t proc_memory_bytes(Process *p, bool self);
uint64_t proc_heap_words(Process *p, bool self);
// Called by p's scheduler after a time slice: publishes the figures above.
void proc_publish(Process *p);

// Frees [p] and everything it owns.
void proc_free(Process *p);
// [p]'s relations, allocated on first use, for adding to them. The caller holds p's mailbox
// lock (or p has not started).
ProcRelations *proc_relations(Process *p);
// Takes [p]'s relations away (leaving it PROC_NO_RELATIONS); the caller frees them with
// proc_relations_free. The caller holds p's mailbox lock.
ProcRelations *proc_take_relations(Process *p);
void proc_relations_free(ProcRelations *rel);

// Re-initialises the memory of a table slot's struct for a new process (ptab_spawn).
void proc_reset(Process *p);
// Frees a finished process's heap, stacks, links and queued messages; the struct stays.
void proc_release_memory(Process *p);

// Makes [p] call [fn] with [argc] arguments [args] when next run (its initial call). The
// result lands in p->result. [fn] must take [argc] arguments.
void proc_set_initial_call(Process *p, const Function *fn, const Term *args, uint32_t argc);

// Makes room for [frame_size] registers starting at stack index [base], which the caller may
// then write (the high-water mark is raised to cover them); false (after raising
// SystemLimitError) when the stack would pass its limit. May move p->stack.
bool proc_ensure_stack(Process *p, uint32_t base, uint32_t frame_size);
// Pushes a caller frame record; false (after raising SystemLimitError) past PROC_MAX_FRAMES.
bool proc_push_frame(Process *p, const Function *fn, const uint32_t *ret_pc, uint32_t base);
// Pushes a try handler.
void proc_push_handler(Process *p, uint32_t dest, const uint32_t *pc);

// Raises [kind] (atom error/throw/exit) with [reason] in [p]. Returns TERM_NONE so a built-in
// can `return proc_raise(...)`.
Term proc_raise(Process *p, Term kind, Term reason);

#endif
