// Process creation, the register stack and call-frame stack (both grow on the process's own
// memory, never the C stack), try handlers, and raising. Scheduling lives in sched.c.
#include "process.h"

#include <stdlib.h>

#include "atom.h"
#include "error.h"
#include "module.h"
#include "vm.h"

// First register stack size: small, so an idle process stays small.
#define STACK_INITIAL_TERMS 16

// Gives [p] a fresh heap, stacks and process-model state (everything but id, serial, pid
// and the mailbox lock, which outlive one process in a table slot).
static void init_memory(Process *p)
{
    heap_init(&p->heap);
    p->stack = em_malloc(STACK_INITIAL_TERMS * sizeof(Term));
    p->stack_cap = STACK_INITIAL_TERMS;
    for (uint32_t i = 0; i < STACK_INITIAL_TERMS; i++) {
        p->stack[i] = TERM_NIL;
    }
    p->stack_top = 0;
    p->stack_hwm = 0;
    p->frames = NULL; // allocated by the first call (most processes that wait never call)
    p->frame_cap = 0;
    p->frame_count = 0;
    p->dictionary = TERM_NIL;
    p->result = TERM_NIL;
    p->exc_kind = TERM_NONE;
    p->exc_reason = TERM_NONE;
    p->exc_stack = TERM_NONE;
    p->exit_reason = TERM_NONE;
    p->registered_name = TERM_NONE;
    p->rel = &PROC_NO_RELATIONS;
    p->trap_exit = false;
    p->has_ets_tables = false;
    p->is_main = false;
    atomic_store(&p->has_signals, false);
    p->timer_state = TIMER_NONE;
    p->total_reductions = 0;
    p->extra_root_count = 0;
}

ProcRelations PROC_NO_RELATIONS;

ProcRelations *proc_relations(Process *p)
{
    if (p->rel == &PROC_NO_RELATIONS) {
        p->rel = em_calloc(1, sizeof(ProcRelations));
    }
    return p->rel;
}

ProcRelations *proc_take_relations(Process *p)
{
    ProcRelations *rel = p->rel;
    p->rel = &PROC_NO_RELATIONS;
    return rel;
}

void proc_relations_free(ProcRelations *rel)
{
    if (rel == NULL || rel == &PROC_NO_RELATIONS) {
        return;
    }
    free(rel->links);
    free(rel->monitors);
    free(rel->monitored_by);
    free(rel->dropped_refs);
    free(rel);
}

Process *proc_new(Vm *vm)
{
    Process *p = em_calloc(1, sizeof *p);
    p->vm = vm;
    p->id = UINT32_MAX; // not in the process table (ptab_spawn sets it)
    p->pid = term_make_pid(0, 0);
    mailbox_init(&p->mailbox);
    init_memory(p);
    atomic_init(&p->status, PROC_RUNNABLE);
    return p;
}

void proc_reset(Process *p)
{
    init_memory(p);
}

// Frees what one process owned, leaving the struct and its mailbox lock.
static void free_memory(Process *p)
{
    mailbox_clear(&p->mailbox);
    heap_destroy(&p->heap);
    free(p->stack);
    free(p->frames);
    free(p->handlers);
    proc_relations_free(proc_take_relations(p));
    p->stack = NULL;
    p->frames = NULL;
    p->handlers = NULL;
    p->handler_count = 0;
    p->handler_cap = 0;
}

void proc_release_memory(Process *p)
{
    free_memory(p);
}

void proc_free(Process *p)
{
    if (p == NULL) {
        return;
    }
    if (p->stack != NULL) {
        free_memory(p);
    }
    mailbox_destroy(&p->mailbox);
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
        p->frame_cap = p->frame_cap ? p->frame_cap * 2 : 4;
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
}

Term proc_raise(Process *p, Term kind, Term reason)
{
    p->exc_kind = kind;
    p->exc_reason = reason;
    p->exc_stack = TERM_NIL;
    return TERM_NONE;
}

// ==== Figures for Process.info ====

uint32_t proc_queue_len(Process *p)
{
    return p->mailbox.in_len + atomic_load_explicit(&p->mailbox.len, memory_order_relaxed);
}

static uint64_t memory_now(const Process *p)
{
    uint64_t words = p->heap.capacity + p->heap.fragment_words + p->stack_cap;
    return sizeof(Process) + words * sizeof(Term) + (uint64_t)p->frame_cap * sizeof(Frame);
}

uint64_t proc_published_reductions(Process *p, bool self)
{
    return self ? p->total_reductions : atomic_load(&p->published_reductions);
}

uint64_t proc_memory_bytes(Process *p, bool self)
{
    return self ? memory_now(p) : atomic_load(&p->published_memory);
}

uint64_t proc_heap_words(Process *p, bool self)
{
    return self ? p->heap.capacity : atomic_load(&p->published_heap_words);
}

void proc_publish(Process *p)
{
    atomic_store_explicit(&p->published_reductions, p->total_reductions, memory_order_relaxed);
    atomic_store_explicit(&p->published_memory, memory_now(p), memory_order_relaxed);
    atomic_store_explicit(&p->published_heap_words, p->heap.capacity, memory_order_relaxed);
}
