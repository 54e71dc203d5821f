// The verifier. Operand checks are derived from the signature letters in opcodes.def; the only
// per-opcode knowledge is register_span, which names the register ranges that instructions
// with counts (calls, tuple/map construction) read or write.
#include "verify.h"

#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "bytecode.h"
#include "error.h"
#include "opcodes.h"

typedef struct Check {
    const Module *mod;
    const Function *fn;
    uint32_t fn_index;
    char *err;
    size_t err_size;
} Check;

static bool fail(Check *c, uint32_t pc, const char *what)
{
    snprintf(c->err, c->err_size, "function %u at word %u: %s", c->fn_index, pc, what);
    return false;
}

// The register range [*base, *base + *len) that instruction [op] with decoded operands [ops]
// touches beyond its single-register operands. False when it has none.
static bool register_span(Opcode op, const int32_t *ops, int64_t *base, int64_t *len)
{
    switch (op) {
    case OP_CALL:
    case OP_CALL_EXT:
    case OP_CALL_BI:
    case OP_CALL_FUN:
        *base = ops[0];
        *len = (int64_t)(op == OP_CALL_FUN ? ops[2] : ops[1]) + 1;
        return true;
    case OP_TAIL_CALL:
    case OP_TAIL_CALL_EXT:
        *base = ops[0];
        *len = ops[1];
        return true;
    case OP_TAIL_CALL_FUN:
        *base = ops[1];
        *len = ops[2];
        return true;
    case OP_MAKE_TUPLE:
    case OP_MAKE_CLOSURE:
        *base = ops[1];
        *len = op == OP_MAKE_TUPLE ? ops[2] : ops[3];
        return true;
    case OP_MAKE_MAP:
        *base = ops[1];
        *len = 2 * (int64_t)ops[2];
        return true;
    case OP_MAP_UPDATE:
        *base = ops[2];
        *len = 2 * (int64_t)ops[3];
        return true;
    case OP_BIN_CONCAT:
    case OP_BS_CONCAT:
        *base = ops[1];
        *len = ops[2];
        return true;
    case OP_APPLY:
    case OP_TRY:
    case OP_RERAISE:
        *base = ops[op == OP_APPLY ? 1 : 0];
        *len = 3;
        return true;
    case OP_APPLY_FUN:
        *base = ops[1];
        *len = 2;
        return true;
    case OP_BS_START:
    case OP_BS_MATCH_LIT:
    case OP_BS_TEST_END:
        *base = ops[0]; // the match register pair
        *len = 2;
        return true;
    case OP_BS_GET:
        *base = ops[1];
        *len = 2;
        return true;
    default:
        return false;
    }
}

// Checks one operand by its signature letter.
static bool check_operand(Check *c, uint32_t pc, char letter, int32_t v)
{
    const Module *m = c->mod;
    switch (letter) {
    case 'd':
    case 'r':
        return (uint32_t)v < c->fn->frame_size || fail(c, pc, "register out of frame");
    case 'k':
        return (uint32_t)v < m->literal_count || fail(c, pc, "literal index out of range");
    case 'a':
        return (uint32_t)v < m->atom_count || fail(c, pc, "atom index out of range");
    case 'f':
        return (uint32_t)v < m->function_count || fail(c, pc, "function index out of range");
    case 'e':
        return (uint32_t)v < m->import_count || fail(c, pc, "import index out of range");
    case 'b':
        return (uint32_t)v < BUILTIN_COUNT || fail(c, pc, "built-in index out of range");
    default:
        return true;
    }
}

// Arity agreement of direct calls, closure creation, and the t operands.
static bool check_semantics(Check *c, uint32_t pc, Opcode op, const int32_t *ops)
{
    const Module *m = c->mod;
    switch (op) {
    case OP_CALL:
    case OP_TAIL_CALL:
        return m->functions[ops[2]].arity == (uint32_t)ops[1] || fail(c, pc, "call arity mismatch");
    case OP_CALL_EXT:
    case OP_TAIL_CALL_EXT:
        return m->imports[ops[2]].arity == (uint32_t)ops[1] || fail(c, pc, "import arity mismatch");
    case OP_CALL_BI:
        return builtin_table[ops[2]].arity == (uint32_t)ops[1] || fail(c, pc, "built-in arity mismatch");
    case OP_MAKE_CLOSURE: {
        const Function *target = &m->functions[ops[2]];
        return ((target->flags & EMB_FN_LAMBDA) && target->free_count == (uint32_t)ops[3]) ||
               fail(c, pc, "closure does not match its lambda");
    }
    case OP_TEST_TYPE:
        return ops[1] < TT_COUNT || fail(c, pc, "unknown type test");
    case OP_RAISE_ERROR:
        return ops[0] < ERR_COUNT || fail(c, pc, "unknown error kind");
    case OP_GET_ELEM:
    case OP_TEST_TUPLE:
    case OP_MAKE_TUPLE:
    case OP_MAKE_MAP:
        return ops[op == OP_TEST_TUPLE ? 1 : 2] >= 0 || fail(c, pc, "negative count");
    default:
        return true;
    }
}

// Marks a jump target that must be a RECV_PEEK (code lengths stay far below 2^31).
#define LOOP_TARGET (UINT32_C(1) << 31)

static bool check_instruction(Check *c, const uint32_t *code, uint32_t pc, uint8_t *starts,
                              uint32_t *targets, uint32_t *target_count)
{
    Opcode op = (Opcode)(code[pc] & 0xff);
    const OpcodeInfo *info = &opcode_info[op];
    int32_t ops[8];
    uint32_t nops = 0;
    for (const char *s = info->signature; *s; s++, nops++) {
        ops[nops] = opcode_operand(code + pc, nops);
        if (!check_operand(c, pc, *s, ops[nops])) {
            return false;
        }
        if (*s == 'j') {
            int64_t target = (int64_t)pc + opcode_length(op) + ops[nops];
            // Only forward jumps: the language loops by recursion alone, so every loop goes
            // through a call and pays reductions; a backward jump could spin forever unpreempted.
            // The receive loop is the exception: it must jump back to a RECV_PEEK, and each
            // turn consumes a message or waits (RECV_NEXT also charges a reduction).
            bool loop = (info->flags & OPF_LOOP) != 0;
            if (loop ? ops[nops] >= 0 : ops[nops] < 0) {
                return fail(c, pc, loop ? "receive loop must jump back" : "backward jump");
            }
            if (target < 0 || target >= c->fn->code_len) {
                return fail(c, pc, "jump outside the function");
            }
            if (loop) {
                // Checked after the scan: the target must start a RECV_PEEK.
                targets[(*target_count)++] = (uint32_t)target | LOOP_TARGET;
            } else {
                targets[(*target_count)++] = (uint32_t)target;
            }
        }
    }
    int64_t base;
    int64_t len;
    if (register_span(op, ops, &base, &len) && (len < 0 || base + len > c->fn->frame_size)) {
        return fail(c, pc, "register range outside the frame");
    }
    starts[pc] = 1;
    return check_semantics(c, pc, op, ops);
}

static bool verify_function(Check *c)
{
    const Function *fn = c->fn;
    const uint32_t *code = fn->code;
    uint8_t *starts = calloc(fn->code_len, 1);
    uint32_t *targets = malloc(fn->code_len * sizeof(uint32_t));
    uint32_t target_count = 0;
    bool ok = starts != NULL && targets != NULL;
    if (ok && fn->code_len >= LOOP_TARGET) {
        ok = fail(c, 0, "function too long");
    }
    uint32_t pc = 0;
    Opcode last = OP_RETURN;
    while (ok && pc < fn->code_len) {
        last = (Opcode)(code[pc] & 0xff);
        if (last >= OP_COUNT) {
            ok = fail(c, pc, "unknown opcode");
        } else if (pc + opcode_length(last) > fn->code_len) {
            ok = fail(c, pc, "truncated instruction");
        } else {
            ok = check_instruction(c, code, pc, starts, targets, &target_count);
            pc += opcode_length(last);
        }
    }
    if (ok && !(opcode_info[last].flags & OPF_END)) {
        ok = fail(c, pc, "control falls off the end of the function");
    }
    for (uint32_t i = 0; ok && i < target_count; i++) {
        uint32_t target = targets[i] & ~LOOP_TARGET;
        if (!starts[target]) {
            ok = fail(c, target, "jump into the middle of an instruction");
        } else if ((targets[i] & LOOP_TARGET) && (code[target] & 0xff) != OP_RECV_PEEK) {
            ok = fail(c, target, "receive loop does not jump to RECV_PEEK");
        }
    }
    free(starts);
    free(targets);
    return ok;
}

bool verify_module(const Module *mod, char *err, size_t err_size)
{
    for (uint32_t i = 0; i < mod->function_count; i++) {
        Check c = {.mod = mod, .fn = &mod->functions[i], .fn_index = i, .err = err,
                   .err_size = err_size};
        if (!verify_function(&c)) {
            return false;
        }
    }
    return true;
}
