// The dispatch loop. Every case stays short; anything beyond the small-integer fast path lives
// in interp_slow.c. The current frame is kept in locals (pc, R, fn, base) and written back to
// the Process only when control leaves the loop (yield, GC, exit) so the hot path touches no
// memory it does not need.
#include "interp.h"

#include <string.h>

#include "bitstring.h"
#include "builtins.h"
#include "bytecode.h"
#include "error.h"
#include "gc.h"
#include "interp_receive.h"
#include "interp_slow.h"
#include "map.h"
#include "module.h"
#include "process.h"
#include "vm.h"

// Operand decoding (docs/bytecode.md): narrow operands in bytes 1..3 of word 0, wide operands
// one word each after it.
#define OPA ((pc[0] >> 8) & 0xff)
#define OPB ((pc[0] >> 16) & 0xff)
#define OPC (pc[0] >> 24)
#define WIDE(i) ((int32_t)pc[1 + (i)])

#if defined(__GNUC__)
#define USE_COMPUTED_GOTO 1
#define CASE(op) L_##op:
#define DISPATCH() goto *dispatch_table[pc[0] & 0xff]
#else
#define CASE(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

#ifdef NDEBUG
#define NEXT(len) \
    do {          \
        pc += (len); \
        DISPATCH(); \
    } while (0)
#else
// Debug builds check every hand-written instruction length against opcodes.def.
#define NEXT(len)                                                   \
    do {                                                            \
        if ((uint32_t)(len) != opcode_length((Opcode)(pc[0] & 0xff))) { \
            __builtin_trap();                                       \
        }                                                           \
        pc += (len);                                                \
        DISPATCH();                                                 \
    } while (0)
#endif

// Raise: the instruction at pc failed; the exception is set in p.
#define THROW() goto raise

#define SET_OR_THROW(dst, expr) \
    do {                        \
        Term v_ = (expr);       \
        if (v_ == TERM_NONE) {  \
            THROW();            \
        }                       \
        (dst) = v_;             \
    } while (0)

static inline bool grow_frames(Process *p)
{
    if (p->frame_count < p->frame_cap) {
        return true;
    }
    if (p->frame_cap >= PROC_MAX_FRAMES) {
        error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
        return false;
    }
    p->frame_cap = p->frame_cap ? p->frame_cap * 2 : 4; // idle processes own no frames
    p->frames = em_realloc(p->frames, p->frame_cap * sizeof(Frame));
    return true;
}

// Registers are not cleared on entry. Instead (Lua's trick) every GC scans the stack up to
// the current top and resets everything above it, up to the high-water mark, to []. So any
// register a frame has not written yet holds [] or a term written since the last GC, which
// still points at a live object of the current heap: safe for the collector to trace.
static void collect(Process *p, uint32_t top)
{
    p->stack_top = top;
    gc_collect(p, 0);
    for (uint32_t i = top; i < p->stack_hwm; i++) {
        p->stack[i] = TERM_NIL;
    }
    p->stack_hwm = top;
}

// Same test as heap_wants_gc, inline for the call path: overflow fragments mean the young block
// is full.
static inline bool wants_gc(const Process *p)
{
    return p->heap.fragments != NULL;
}

// Prepares a call of closure [fun] whose [*argc] arguments are at stack index [window]: checks
// the arity, then places the captured values after the arguments (the callee's window).
// Returns the lambda, or NULL after raising BadArityError. May move p->stack.
static const Function *setup_closure_call(Process *p, Term fun, uint32_t window, uint32_t *argc)
{
    const Function *callee = (const Function *)(uintptr_t)term_boxed_ptr(fun)[1];
    if (callee->arity != *argc) {
        interp_bad_call(p, fun, p->stack + window, *argc);
        return NULL;
    }
    if (!proc_ensure_stack(p, window, callee->frame_size)) {
        return NULL;
    }
    memcpy(p->stack + window + *argc, term_boxed_ptr(fun) + 2, callee->free_count * sizeof(Term));
    *argc += callee->free_count;
    return callee;
}

// Unwinds [p] to its innermost handler. Returns false when there is none (the process exits).
static bool unwind(Process *p, const Function **fn, uint32_t *base, const uint32_t **pc)
{
    if (p->handler_count == 0) {
        return false;
    }
    Handler h = p->handlers[--p->handler_count];
    if (h.frame_depth < p->frame_count) {
        Frame *f = &p->frames[h.frame_depth];
        *fn = f->fn;
        *base = f->base;
        p->frame_count = h.frame_depth;
    }
    Term *R = p->stack + *base;
    R[h.dest] = p->exc_kind;
    R[h.dest + 1] = p->exc_reason;
    R[h.dest + 2] = p->exc_stack;
    p->exc_kind = TERM_NONE;
    p->exc_reason = TERM_NONE;
    p->exc_stack = TERM_NONE;
    *pc = h.pc;
    return true;
}

InterpResult interp_run(Process *p)
{
#ifdef USE_COMPUTED_GOTO
    static const void *const dispatch_table[OP_COUNT] = {
#define OPCODE(name, sig, flags, doc) &&L_##name,
#include "opcodes.def"
#undef OPCODE
    };
#endif
    const Function *fn = p->fn;
    const Module *mod = fn->module;
    uint32_t base = p->base;
    const uint32_t *pc = p->pc;
    Term *R = p->stack + base;
    const Function *callee;
    const uint32_t *ret_pc;
    uint32_t argc;
    Term result;
    int32_t reds = PROC_REDUCTIONS; // kept in a register; p->reductions is written on exit
    p->reductions = PROC_REDUCTIONS;
    if (p->exc_kind != TERM_NONE) {
        THROW(); // proc_set_initial_call could not even set up the frame
    }

#ifndef USE_COMPUTED_GOTO
dispatch:
    switch ((Opcode)(pc[0] & 0xff)) {
#endif
    DISPATCH();

    // ==== Moves and constants ====
    CASE(MOVE) { R[OPA] = R[OPB]; NEXT(1); }
    CASE(LOAD_INT) { R[OPA] = term_from_small(WIDE(0)); NEXT(2); }
    CASE(LOAD_LIT) { R[OPA] = mod->literals[WIDE(0)]; NEXT(2); }
    CASE(LOAD_ATOM) { R[OPA] = term_from_atom(mod->atom_map[WIDE(0)]); NEXT(2); }
    CASE(LOAD_NIL) { R[OPA] = TERM_NIL; NEXT(1); }

    // ==== Arithmetic ====
    CASE(ADD) {
        Term a = R[OPB];
        Term b = R[OPC];
        int64_t sum;
        if ((a & b & 1) && !__builtin_add_overflow((int64_t)a, (int64_t)(b - 1), &sum)) {
            R[OPA] = (Term)sum;
            NEXT(1);
        }
        SET_OR_THROW(R[OPA], interp_arith(p, OP_ADD, a, b));
        NEXT(1);
    }
    CASE(SUB) {
        Term a = R[OPB];
        Term b = R[OPC];
        int64_t diff;
        if ((a & b & 1) && !__builtin_sub_overflow((int64_t)a, (int64_t)(b - 1), &diff)) {
            R[OPA] = (Term)diff;
            NEXT(1);
        }
        SET_OR_THROW(R[OPA], interp_arith(p, OP_SUB, a, b));
        NEXT(1);
    }
    CASE(MUL) {
        Term a = R[OPB];
        Term b = R[OPC];
        int64_t prod;
        if ((a & b & 1) &&
            !__builtin_mul_overflow(term_to_small(a), (int64_t)(b - 1), &prod)) {
            R[OPA] = (Term)prod | 1;
            NEXT(1);
        }
        SET_OR_THROW(R[OPA], interp_arith(p, OP_MUL, a, b));
        NEXT(1);
    }
    CASE(FDIV) { SET_OR_THROW(R[OPA], interp_arith(p, OP_FDIV, R[OPB], R[OPC])); NEXT(1); }
    CASE(NEG) { SET_OR_THROW(R[OPA], interp_negate(p, R[OPB])); NEXT(1); }

    // ==== Comparisons: small integers compare as tagged words ====
    CASE(EQ) {
        Term a = R[OPB];
        Term b = R[OPC];
        R[OPA] = (a & b & 1) ? term_from_bool(a == b) : interp_compare(OP_EQ, a, b);
        NEXT(1);
    }
    CASE(NE) {
        Term a = R[OPB];
        Term b = R[OPC];
        R[OPA] = (a & b & 1) ? term_from_bool(a != b) : interp_compare(OP_NE, a, b);
        NEXT(1);
    }
    CASE(EXACT_EQ) { R[OPA] = term_from_bool(R[OPB] == R[OPC] || term_exact_equal(R[OPB], R[OPC])); NEXT(1); }
    CASE(EXACT_NE) { R[OPA] = term_from_bool(!(R[OPB] == R[OPC] || term_exact_equal(R[OPB], R[OPC]))); NEXT(1); }
    CASE(LT) {
        Term a = R[OPB];
        Term b = R[OPC];
        R[OPA] = (a & b & 1) ? term_from_bool((int64_t)a < (int64_t)b) : interp_compare(OP_LT, a, b);
        NEXT(1);
    }
    CASE(LE) {
        Term a = R[OPB];
        Term b = R[OPC];
        R[OPA] = (a & b & 1) ? term_from_bool((int64_t)a <= (int64_t)b) : interp_compare(OP_LE, a, b);
        NEXT(1);
    }
    CASE(GT) {
        Term a = R[OPB];
        Term b = R[OPC];
        R[OPA] = (a & b & 1) ? term_from_bool((int64_t)a > (int64_t)b) : interp_compare(OP_GT, a, b);
        NEXT(1);
    }
    CASE(GE) {
        Term a = R[OPB];
        Term b = R[OPC];
        R[OPA] = (a & b & 1) ? term_from_bool((int64_t)a >= (int64_t)b) : interp_compare(OP_GE, a, b);
        NEXT(1);
    }
    CASE(NOT) {
        Term a = R[OPB];
        if (!term_is_boolean(a)) {
            error_raise(p, ERR_ARGUMENT, "argument error");
            THROW();
        }
        R[OPA] = term_from_bool(a == term_false());
        NEXT(1);
    }

    // ==== Control flow ====
    CASE(JUMP) { pc += 2 + WIDE(0); DISPATCH(); }
    CASE(JUMP_IF_FALSY) {
        if (!term_is_truthy(R[OPA])) {
            pc += 2 + WIDE(0);
            DISPATCH();
        }
        NEXT(2);
    }
    CASE(JUMP_IF_TRUTHY) {
        if (term_is_truthy(R[OPA])) {
            pc += 2 + WIDE(0);
            DISPATCH();
        }
        NEXT(2);
    }
    CASE(JUMP_UNLESS_TRUE) {
        if (R[OPA] != term_true()) {
            pc += 2 + WIDE(0);
            DISPATCH();
        }
        NEXT(2);
    }
    CASE(BADBOOL) {
        if (!term_is_boolean(R[OPA])) {
            error_raise_bad_boolean(p, term_from_atom(mod->atom_map[WIDE(0)]), R[OPA]);
            THROW();
        }
        NEXT(2);
    }

    // ==== Pattern tests ====
#define TEST(cond, len)                      \
    do {                                     \
        if (cond) {                          \
            NEXT(len);                       \
        }                                    \
        pc += (len) + WIDE((len) - 2);       \
        DISPATCH();                          \
    } while (0)
    CASE(TEST_TYPE) { TEST(interp_type_test(R[OPA], OPB), 2); }
    CASE(TEST_TUPLE) {
        Term t = R[OPA];
        TEST(term_is_tuple(t) && term_tuple_arity(t) == (uint32_t)WIDE(0), 3);
    }
    CASE(TEST_EQ) { TEST(R[OPA] == R[OPB] || term_exact_equal(R[OPA], R[OPB]), 2); }
    CASE(TEST_LIT) {
        Term lit = mod->literals[WIDE(0)];
        TEST(R[OPA] == lit || term_exact_equal(R[OPA], lit), 3);
    }
    CASE(TEST_ATOM) { TEST(R[OPA] == term_from_atom(mod->atom_map[WIDE(0)]), 3); }
    CASE(TEST_INT) { TEST(R[OPA] == term_from_small(WIDE(0)), 3); }
    CASE(TEST_NIL) { TEST(term_is_nil(R[OPA]), 2); }
    CASE(TEST_CONS) { TEST(term_is_cons(R[OPA]), 2); }
    CASE(TEST_MAP) { TEST(term_is_map(R[OPA]), 2); }
#undef TEST

    // ==== Destructuring: re-checked, so hostile bytecode cannot read wild memory ====
    CASE(GET_ELEM) {
        Term t = R[OPB];
        uint32_t i = (uint32_t)WIDE(0);
        if (!term_is_tuple(t) || i >= term_tuple_arity(t)) {
            error_raise(p, ERR_ARGUMENT, "argument error");
            THROW();
        }
        R[OPA] = term_tuple_elems(t)[i];
        NEXT(2);
    }
    CASE(GET_HD) {
        if (!term_is_cons(R[OPB])) {
            error_raise(p, ERR_ARGUMENT, "argument error");
            THROW();
        }
        R[OPA] = term_hd(R[OPB]);
        NEXT(1);
    }
    CASE(GET_TL) {
        if (!term_is_cons(R[OPB])) {
            error_raise(p, ERR_ARGUMENT, "argument error");
            THROW();
        }
        R[OPA] = term_tl(R[OPB]);
        NEXT(1);
    }
    CASE(MAP_GET) {
        Term value;
        if (term_is_map(R[OPB]) && map_get(R[OPB], R[OPC], &value)) {
            R[OPA] = value;
            NEXT(2);
        }
        pc += 2 + WIDE(0);
        DISPATCH();
    }
    CASE(BIN_PREFIX) {
        Term rest = interp_bin_prefix(p, R[OPB], mod->literals[WIDE(0)]);
        if (rest != TERM_NONE) {
            R[OPA] = rest;
            NEXT(3);
        }
        pc += 3 + WIDE(1);
        DISPATCH();
    }

    // ==== Construction ====
    CASE(CONS) { R[OPA] = term_make_cons(p, R[OPB], R[OPC]); NEXT(1); }
    CASE(MAKE_TUPLE) { R[OPA] = term_make_tuple(p, (uint32_t)WIDE(0), R + OPB); NEXT(2); }
    CASE(MAKE_MAP) { R[OPA] = map_from_pairs(p, R + OPB, (uint32_t)WIDE(0)); NEXT(2); }
    CASE(MAP_UPDATE) {
        SET_OR_THROW(R[OPA], interp_map_update(p, R[OPB], R + OPC, (uint32_t)WIDE(0)));
        NEXT(2);
    }
    CASE(MAKE_CLOSURE) {
        R[OPA] = interp_make_closure(p, &mod->functions[WIDE(0)], R + OPB, (uint32_t)WIDE(1));
        NEXT(3);
    }
    CASE(MAKE_EXT_FUN) { R[OPA] = interp_make_export_fun(p, &mod->imports[WIDE(0)]); NEXT(2); }
    CASE(BIN_CONCAT) { SET_OR_THROW(R[OPA], interp_bin_concat(p, R + OPB, OPC)); NEXT(1); }

    // ==== Calls ====
    CASE(CALL) {
        callee = &mod->functions[WIDE(0)];
        argc = OPB;
        result = OPA;
        ret_pc = pc + 2;
        goto push_frame;
    }
    CASE(CALL_EXT) {
        Import *imp = &fn->module->imports[WIDE(0)];
        callee = __atomic_load_n(&imp->resolved, __ATOMIC_ACQUIRE);
        if (callee == NULL && (callee = interp_resolve_import(p, imp)) == NULL) {
            THROW();
        }
        argc = OPB;
        result = OPA;
        ret_pc = pc + 2;
        goto push_frame;
    }
    CASE(CALL_BI) {
        Term v = builtin_table[WIDE(0)].fn(p, R + OPA + 1);
        if (v == TERM_NONE) {
            THROW();
        }
        R[OPA] = v;
        if (__builtin_expect(p->bif_work != 0, 0)) {
            reds -= (int32_t)p->bif_work; // the next call yields when this spent the slice
            p->bif_work = 0;
        }
        NEXT(2);
    }
    CASE(CALL_FUN) {
        Term fun = R[OPB];
        argc = OPC;
        result = OPA;
        ret_pc = pc + 1;
        if (term_is_boxed_type(fun, TERM_TYPE_CLOSURE)) {
            if ((callee = setup_closure_call(p, fun, base + result + 1, &argc)) == NULL) {
                THROW();
            }
            R = p->stack + base;
            goto push_frame;
        }
        if (term_is_boxed_type(fun, TERM_TYPE_EXPORT)) {
            Term *obj = term_boxed_ptr(fun);
            if ((uint32_t)term_to_small(obj[3]) != argc) {
                interp_bad_call(p, fun, R + result + 1, argc);
                THROW();
            }
            BuiltinId bi;
            if (builtin_lookup(&p->vm->builtins, obj[1], obj[2], argc, &bi)) {
                SET_OR_THROW(R[result], builtin_table[bi].fn(p, R + result + 1));
                NEXT(1);
            }
            if ((callee = interp_resolve(p, obj[1], obj[2], argc)) == NULL) {
                THROW();
            }
            goto push_frame;
        }
        interp_bad_call(p, fun, R + result + 1, argc);
        THROW();
    }
    CASE(TAIL_CALL) {
        callee = &mod->functions[WIDE(0)];
        argc = OPB;
        memmove(R, R + OPA, argc * sizeof(Term));
        goto tail_enter;
    }
    CASE(TAIL_CALL_EXT) {
        Import *imp = &mod->imports[WIDE(0)];
        argc = OPB;
        if (imp->builtin >= 0) {
            Term v = builtin_table[imp->builtin].fn(p, R + OPA);
            if (v == TERM_NONE) {
                THROW();
            }
            result = v;
            goto do_return;
        }
        callee = __atomic_load_n(&imp->resolved, __ATOMIC_ACQUIRE);
        if (callee == NULL && (callee = interp_resolve_import(p, imp)) == NULL) {
            THROW();
        }
        memmove(R, R + OPA, argc * sizeof(Term));
        goto tail_enter;
    }
    CASE(TAIL_CALL_FUN) {
        Term fun = R[OPA];
        argc = OPC;
        if (term_is_boxed_type(fun, TERM_TYPE_CLOSURE)) {
            memmove(R, R + OPB, argc * sizeof(Term));
            if ((callee = setup_closure_call(p, fun, base, &argc)) == NULL) {
                THROW();
            }
            R = p->stack + base;
            goto tail_enter;
        }
        // Export funs and errors: a plain call followed by a return.
        goto tail_call_fun_slow;
    }
    CASE(APPLY) { goto apply_slow; }
    CASE(APPLY_FUN) { goto apply_slow; }
    CASE(RETURN) {
        result = R[OPA];
        goto do_return;
    }

    // ==== Exceptions ====
    CASE(TRY) {
        proc_push_handler(p, OPA, pc + 2 + WIDE(0));
        NEXT(2);
    }
    CASE(TRY_END) {
        p->handler_count--;
        NEXT(1);
    }
    CASE(RERAISE) {
        Term *r = R + OPA;
        p->exc_kind = r[0];
        p->exc_reason = r[1];
        p->exc_stack = r[2];
        goto rethrow;
    }
    CASE(RAISE_ERROR) {
        error_raise_value(p, (ErrorKind)OPA, R[OPB]);
        THROW();
    }
    CASE(FUNC_CLAUSE) {
        interp_function_clause(p, fn, R);
        THROW();
    }

    // ==== Fused forms ====
    // ==== Receive ====
    CASE(RECV_PEEK) {
        Mailbox *mb = &p->mailbox;
        if (*mb->cursor == NULL && !mailbox_fetch(p)) {
            pc += 2 + WIDE(0);
            DISPATCH();
        }
        R[OPA] = (*mb->cursor)->term;
        NEXT(2);
    }
    CASE(RECV_NEXT) {
        p->mailbox.cursor = &(*p->mailbox.cursor)->next;
        pc += 2 + WIDE(0);
        if (--reds <= 0 || wants_gc(p)) {
            goto checkpoint; // resumes at the RECV_PEEK with the cursor kept
        }
        DISPATCH();
    }
    CASE(RECV_ACCEPT) {
        mailbox_accept(p);
        if (atomic_load_explicit(&p->timer_state, memory_order_relaxed) != TIMER_NONE) {
            interp_receive_done(p);
        }
        NEXT(1);
    }
    CASE(RECV_WAIT) {
        Term timeout = R[OPA];
        const uint32_t *peek = pc + 2 + WIDE(0);
        switch (interp_receive_wait(p, timeout)) {
        case WAIT_TIMED_OUT:
            NEXT(2);
        case WAIT_RETRY:
            pc = peek;
            DISPATCH();
        case WAIT_BAD_TIMEOUT:
            THROW();
        case WAIT_YIELD:
            reds = 0;
            pc = peek;
            goto checkpoint;
        case WAIT_SUSPEND:
            break;
        }
        // Save everything before going WAITING: from then on a sender may queue p.
        p->fn = fn;
        p->base = base;
        p->pc = peek;
        p->stack_top = base + fn->frame_size;
        p->reductions = reds;
        p->total_reductions += (uint64_t)(PROC_REDUCTIONS - reds);
        proc_publish(p);
        if (interp_suspend(p)) {
            return INTERP_WAIT;
        }
        p->total_reductions -= (uint64_t)(PROC_REDUCTIONS - reds);
        pc = peek; // something arrived meanwhile
        DISPATCH();
    }

    CASE(ADD_INT) {
        Term a = R[OPB];
        int64_t sum;
        if ((a & 1) && !__builtin_add_overflow((int64_t)a, (int64_t)2 * WIDE(0), &sum)) {
            R[OPA] = (Term)sum;
            NEXT(2);
        }
        SET_OR_THROW(R[OPA], interp_arith(p, OP_ADD, a, term_from_small(WIDE(0))));
        NEXT(2);
    }
#define JUMP_UNLESS(cond_small, op, b_expr, len)                              \
    do {                                                                     \
        Term a = R[OPA];                                                     \
        Term b = (b_expr);                                                   \
        bool holds = (a & b & 1) ? (cond_small) : interp_compare(op, a, b) == term_true(); \
        pc += holds ? (len) : (len) + WIDE((len) - 2);                       \
        DISPATCH();                                                          \
    } while (0)
    CASE(JUMP_UNLESS_EQ) { JUMP_UNLESS(a == b, OP_EQ, R[OPB], 2); }
    CASE(JUMP_UNLESS_NE) { JUMP_UNLESS(a != b, OP_NE, R[OPB], 2); }
    CASE(JUMP_UNLESS_LT) { JUMP_UNLESS((int64_t)a < (int64_t)b, OP_LT, R[OPB], 2); }
    CASE(JUMP_UNLESS_LE) { JUMP_UNLESS((int64_t)a <= (int64_t)b, OP_LE, R[OPB], 2); }
    CASE(JUMP_UNLESS_GT) { JUMP_UNLESS((int64_t)a > (int64_t)b, OP_GT, R[OPB], 2); }
    CASE(JUMP_UNLESS_GE) { JUMP_UNLESS((int64_t)a >= (int64_t)b, OP_GE, R[OPB], 2); }
// With an immediate right operand only the left needs a tag test; tagged small integers
// compare like their values.
#define JUMP_UNLESS_INT(cmp, op)                                               \
    do {                                                                       \
        Term a = R[OPA];                                                       \
        Term b = term_from_small(WIDE(0));                                     \
        bool holds = (a & 1) ? ((int64_t)a cmp (int64_t)b)                     \
                             : interp_compare(op, a, b) == term_true();        \
        pc += holds ? 3 : 3 + WIDE(1);                                         \
        DISPATCH();                                                            \
    } while (0)
    CASE(JUMP_UNLESS_EQ_INT) { JUMP_UNLESS_INT(==, OP_EQ); }
    CASE(JUMP_UNLESS_NE_INT) { JUMP_UNLESS_INT(!=, OP_NE); }
    CASE(JUMP_UNLESS_LT_INT) { JUMP_UNLESS_INT(<, OP_LT); }
    CASE(JUMP_UNLESS_LE_INT) { JUMP_UNLESS_INT(<=, OP_LE); }
    CASE(JUMP_UNLESS_GT_INT) { JUMP_UNLESS_INT(>, OP_GT); }
    CASE(JUMP_UNLESS_GE_INT) { JUMP_UNLESS_INT(>=, OP_GE); }
#undef JUMP_UNLESS_INT
#undef JUMP_UNLESS

    // ==== Bit-syntax matching ====
    CASE(BS_START) {
        if (term_is_bitstring(R[OPB])) {
            R[OPA] = R[OPB];
            R[OPA + 1] = term_from_small(0);
            NEXT(2);
        }
        pc += 2 + WIDE(0);
        DISPATCH();
    }
    CASE(BS_GET) {
        if (WIDE(0) == BS_DESC_BYTE && term_is_small(R[OPB + 1]) && term_is_bitstring(R[OPB])) {
            size_t at = (size_t)term_to_small(R[OPB + 1]); // `<<c, ...>>` on a byte boundary
            size_t bits;
            const uint8_t *bytes = bits_view(R[OPB], &bits);
            if (at % 8 == 0 && at + 8 <= bits) {
                R[OPA] = term_from_small(bytes[at / 8]);
                R[OPB + 1] = term_from_small((int64_t)at + 8);
                NEXT(3);
            }
        }
        if (interp_bs_get(p, R + OPB, (uint32_t)WIDE(0), R[OPC], R + OPA)) {
            NEXT(3);
        }
        pc += 3 + WIDE(1);
        DISPATCH();
    }
    CASE(BS_MATCH_LIT) {
        if (interp_bs_match_lit(R + OPA, mod->literals[WIDE(0)])) {
            NEXT(3);
        }
        pc += 3 + WIDE(1);
        DISPATCH();
    }
    CASE(BS_TEST_END) {
        if (interp_bs_at_end(R + OPA)) {
            NEXT(2);
        }
        pc += 2 + WIDE(0);
        DISPATCH();
    }
    CASE(BS_CONCAT) { SET_OR_THROW(R[OPA], interp_bs_concat(p, R + OPB, OPC)); NEXT(1); }
#ifndef USE_COMPUTED_GOTO
    default:
        __builtin_unreachable();
    }
#endif

push_frame:
    // Enter [callee] with its window at R[result + 1]; [argc] registers are already set.
    if (!grow_frames(p)) {
        THROW();
    }
    p->frames[p->frame_count++] =
        (Frame){.fn = fn, .ret_pc = ret_pc, .base = base};
    base += result + 1;
    fn = callee;
    goto enter;

tail_enter:
    fn = callee;
enter:
    if (base + fn->frame_size > p->stack_hwm) {
        if (base + fn->frame_size > p->stack_cap && !proc_ensure_stack(p, base, fn->frame_size)) {
            THROW();
        }
        p->stack_hwm = base + fn->frame_size;
    }
    R = p->stack + base;
    mod = fn->module;
    pc = fn->code;
    if (--reds <= 0 || wants_gc(p)) {
        goto checkpoint;
    }
    DISPATCH();

do_return:
    if (p->frame_count == 0) {
        p->result = result;
        p->stack_top = 0;
        p->total_reductions += (uint64_t)(PROC_REDUCTIONS - reds);
        return INTERP_DONE;
    }
    R[-1] = result; // the caller's R[d]: the callee window starts at R[d + 1]
    {
        Frame *f = &p->frames[--p->frame_count];
        fn = f->fn;
        pc = f->ret_pc;
        base = f->base;
    }
    R = p->stack + base;
    mod = fn->module;
    DISPATCH();

checkpoint:
    p->stack_top = base + fn->frame_size;
    if (wants_gc(p)) {
        collect(p, base + fn->frame_size);
        R = p->stack + base;
    }
    if (reds <= 0) {
        p->reductions = reds;
        p->fn = fn;
        p->base = base;
        p->pc = pc;
        p->total_reductions += (uint64_t)(PROC_REDUCTIONS - reds);
        return INTERP_YIELD;
    }
    DISPATCH();

tail_call_fun_slow : {
    // Turn the tail call into call + return: move the arguments above the frame.
    uint32_t fun_reg = OPA;
    uint32_t args_reg = OPB;
    uint32_t top = fn->frame_size;
    if (!proc_ensure_stack(p, base, top + 1 + argc)) {
        THROW();
    }
    R = p->stack + base;
    Term fun = R[fun_reg];
    memmove(R + top + 1, R + args_reg, argc * sizeof(Term));
    if (!term_is_boxed_type(fun, TERM_TYPE_EXPORT) ||
        (uint32_t)term_to_small(term_boxed_ptr(fun)[3]) != argc) {
        interp_bad_call(p, fun, R + top + 1, argc);
        THROW();
    }
    Term *obj = term_boxed_ptr(fun);
    BuiltinId bi;
    if (builtin_lookup(&p->vm->builtins, obj[1], obj[2], argc, &bi)) {
        result = builtin_table[bi].fn(p, R + top + 1);
        if (result == TERM_NONE) {
            THROW();
        }
        goto do_return;
    }
    if ((callee = interp_resolve(p, obj[1], obj[2], argc)) == NULL) {
        THROW();
    }
    memmove(R, R + top + 1, argc * sizeof(Term));
    goto tail_enter;
}

apply_slow : {
    // APPLY d r: R[r], R[r+1], R[r+2] = module, function, args; APPLY_FUN d r: fun, args.
    bool is_fun = (pc[0] & 0xff) == OP_APPLY_FUN;
    Term *in = R + OPB;
    Term list = is_fun ? in[1] : in[2];
    Term target[2] = {in[0], in[1]};
    result = OPA;
    ret_pc = pc + 1;
    argc = 0;
    for (Term l = list; term_is_cons(l); l = term_tl(l)) {
        argc++;
    }
    if (!term_is_list(list) || argc > EMB_MAX_ARITY) {
        error_raise(p, ERR_ARGUMENT, "argument error");
        THROW();
    }
    if (!proc_ensure_stack(p, base + result + 1, argc + 1)) {
        THROW();
    }
    R = p->stack + base;
    uint32_t i = 0;
    for (Term l = list; term_is_cons(l); l = term_tl(l)) {
        R[result + 1 + i++] = term_hd(l);
    }
    if (is_fun) {
        // Reuse CALL_FUN's logic through a synthetic path: the fun goes in the result register.
        Term fun = target[0];
        if (term_is_boxed_type(fun, TERM_TYPE_CLOSURE)) {
            if ((callee = setup_closure_call(p, fun, base + result + 1, &argc)) == NULL) {
                THROW();
            }
            R = p->stack + base;
            goto push_frame;
        }
        if (!term_is_boxed_type(fun, TERM_TYPE_EXPORT) ||
            (uint32_t)term_to_small(term_boxed_ptr(fun)[3]) != argc) {
            interp_bad_call(p, fun, R + result + 1, argc);
            THROW();
        }
        target[0] = term_boxed_ptr(fun)[1];
        target[1] = term_boxed_ptr(fun)[2];
    }
    if (!term_is_atom(target[0]) || !term_is_atom(target[1])) {
        error_raise(p, ERR_ARGUMENT, "argument error");
        THROW();
    }
    BuiltinId bi;
    if (builtin_lookup(&p->vm->builtins, target[0], target[1], argc, &bi)) {
        SET_OR_THROW(R[result], builtin_table[bi].fn(p, R + result + 1));
        NEXT(1);
    }
    if ((callee = interp_resolve(p, target[0], target[1], argc)) == NULL) {
        THROW();
    }
    goto push_frame;
}

raise:
    interp_capture_stacktrace(p, fn, pc);
rethrow:
    if (unwind(p, &fn, &base, &pc)) {
        R = p->stack + base;
        mod = fn->module;
        DISPATCH();
    }
    p->fn = fn;
    p->base = base;
    p->pc = pc;
    p->stack_top = 0;
    p->total_reductions += (uint64_t)(PROC_REDUCTIONS - reds);
    return INTERP_EXIT;
}
