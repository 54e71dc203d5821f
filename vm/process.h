// A process: its own heap, register stack, call frames, exception handlers and reduction
// count. It shares no mutable data with any other process. The interpreter runs one process
// at a time per scheduler; gc_collect finds every root through this struct.
#ifndef EMBER_VM_PROCESS_H
#define EMBER_VM_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heap.h"
#include "term.h"
#include "types.h"

// A process is switched out after this many reductions (one per call).
#define PROC_REDUCTIONS 2000
// Body recursion deeper than this many frames raises SystemLimitError in the process.
#define PROC_MAX_FRAMES (16u * 1024u * 1024u)
// Registers (all frames together) a process may use before SystemLimitError: 2 GiB.
#define PROC_MAX_STACK_TERMS (256u * 1024u * 1024u)
// Extra GC roots a built-in may register while it works (see proc_push_root).
#define PROC_MAX_EXTRA_ROOTS 16

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

typedef enum ProcStatus { PROC_RUNNABLE, PROC_RUNNING, PROC_WAITING, PROC_EXITED } ProcStatus;

struct Process {
    Vm *vm;
    uint32_t id;
    Heap heap;

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
    ProcStatus status;

    // The exception being raised: set by proc_raise, consumed by the interpreter.
    Term exc_kind;      // atom error / throw / exit, TERM_NONE when none
    Term exc_reason;
    Term exc_stack;     // the stacktrace list, built while unwinding

    Term dictionary;    // process dictionary (a map term), NIL atom when empty
    Term extra_roots[PROC_MAX_EXTRA_ROOTS];
    uint32_t extra_root_count;

    // Execution state while switched out (the interpreter keeps these in locals while running).
    const uint32_t *pc;
    const Function *fn; // function of the current frame
    uint32_t base;      // stack index of the current frame's R[0]
    Term result;        // the value of the process's initial call, once it returned
};

// Creates a process for [vm] with an empty heap and stack. fatal_oom on malloc failure.
Process *proc_new(Vm *vm);
// Frees [p] and everything it owns.
void proc_free(Process *p);

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
