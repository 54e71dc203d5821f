// Process creation, the register stack and call-frame stack (both grow on the process's own
// memory, never the C stack), try handlers, and raising. Scheduling lives in sched.c.
#include "process.h"

#include <stdlib.h>

#include "atom.h"
#include "error.h"
#include "module.h"
#include "vm.h"

// First register stack and frame stack sizes: small, so an idle process stays small.
#define STACK_INITIAL_TERMS 32
#define FRAMES_INITIAL 8

Process *proc_new(Vm *vm)
{
    Process *p = em_calloc(1, sizeof *p);
    p->vm = vm;
    p->id = (uint32_t)atomic_fetch_add(&vm->next_pid, 1);
    heap_init(&p->heap);
    p->stack = em_malloc(STACK_INITIAL_TERMS * sizeof(Term));
    p->stack_cap = STACK_INITIAL_TERMS;
    for (uint32_t i = 0; i < STACK_INITIAL_TERMS; i++) {
        p->stack[i] = TERM_NIL;
    }
    p->frames = em_malloc(FRAMES_INITIAL * sizeof(Frame));
    p->frame_cap = FRAMES_INITIAL;
    p->dictionary = TERM_NIL;
    p->result = TERM_NIL;
    p->status = PROC_RUNNABLE;
    return p;
}

void proc_free(Process *p)
{
    if (p == NULL) {
        return;
    }
    heap_destroy(&p->heap);
    free(p->stack);
    free(p->frames);
    free(p->handlers);
    free(p);
}

bool proc_ensure_stack(Process *p, uint32_t base, uint32_t frame_size)
{
    uint64_t need = (uint64_t)base + frame_size;
    if (need <= p->stack_cap) {
        if (need > p->stack_hwm) {
            p->stack_hwm = (uint32_t)need; // the caller is about to write there
        }
        return true;
    }
    if (need > PROC_MAX_STACK_TERMS) {
        error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
        return false;
    }
    uint64_t cap = p->stack_cap;
    while (cap < need) {
        cap *= 2;
    }
    p->stack = em_realloc(p->stack, cap * sizeof(Term));
    for (uint64_t i = p->stack_cap; i < cap; i++) {
        p->stack[i] = TERM_NIL; // the stack invariant: unused registers hold valid terms
    }
    p->stack_cap = (uint32_t)cap;
    p->stack_hwm = (uint32_t)need;
    return true;
}

bool proc_push_frame(Process *p, const Function *fn, const uint32_t *ret_pc, uint32_t base)
{
    if (p->frame_count == p->frame_cap) {
        if (p->frame_cap >= PROC_MAX_FRAMES) {
            error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
            return false;
        }
        p->frame_cap *= 2;
        p->frames = em_realloc(p->frames, p->frame_cap * sizeof(Frame));
    }
    p->frames[p->frame_count++] = (Frame){.fn = fn, .ret_pc = ret_pc, .base = base};
    return true;
}

void proc_push_handler(Process *p, uint32_t dest, const uint32_t *pc)
{
    if (p->handler_count == p->handler_cap) {
        p->handler_cap = p->handler_cap ? p->handler_cap * 2 : 4;
        p->handlers = em_realloc(p->handlers, p->handler_cap * sizeof(Handler));
    }
    p->handlers[p->handler_count++] =
        (Handler){.frame_depth = p->frame_count, .dest = dest, .pc = pc};
}

void proc_set_initial_call(Process *p, const Function *fn, const Term *args, uint32_t argc)
{
    // stack[0] receives the result; the frame starts at 1.
    if (!proc_ensure_stack(p, 1, fn->frame_size)) {
        return;
    }
    p->stack[0] = TERM_NIL;
    for (uint32_t i = 0; i < fn->frame_size; i++) {
        p->stack[1 + i] = i < argc ? args[i] : TERM_NIL;
    }
    p->fn = fn;
    p->base = 1;
    p->pc = fn->code;
    p->stack_top = 1 + fn->frame_size;
    if (p->stack_top > p->stack_hwm) {
        p->stack_hwm = p->stack_top;
    }
    p->frame_count = 0;
    p->handler_count = 0;
    p->status = PROC_RUNNABLE;
}

Term proc_raise(Process *p, Term kind, Term reason)
{
    p->exc_kind = kind;
    p->exc_reason = reason;
    p->exc_stack = TERM_NIL;
    return TERM_NONE;
}
