// Instruction encoder: packs opcodes and operands into 32-bit words exactly as opcodes.def
// describes (narrow operands in bytes 1..3 of word 0, one word per wide operand), checking each
// operand against its signature letter. Jumps name labels and are patched by emit_finish; the
// line table gets an entry for every instruction that may raise or call.
#include "codegen.h"

#include <string.h>

static FnOut *cur_fn(FnGen *fg)
{
    return &fg->mg->fns[fg->fn_index];
}

static void push_word(FnGen *fg, uint32_t w)
{
    FnOut *fo = cur_fn(fg);
    cg_grow((void **)&fo->code, &fo->code_cap, fo->code_len + 1, sizeof(uint32_t));
    fo->code[fo->code_len++] = w;
}

// Instructions that never raise and never call need no line-table entry.
static bool is_quiet(Opcode op)
{
    switch (op) {
    case OP_MOVE: case OP_LOAD_INT: case OP_LOAD_LIT: case OP_LOAD_ATOM: case OP_LOAD_NIL:
    case OP_JUMP: case OP_JUMP_IF_FALSY: case OP_JUMP_IF_TRUTHY: case OP_JUMP_UNLESS_TRUE:
    case OP_TEST_TYPE: case OP_TEST_TUPLE: case OP_TEST_EQ: case OP_TEST_LIT: case OP_TEST_ATOM:
    case OP_TEST_INT: case OP_TEST_NIL: case OP_TEST_CONS: case OP_TEST_MAP: case OP_GET_ELEM:
    case OP_GET_HD: case OP_GET_TL: case OP_MAP_GET: case OP_BIN_PREFIX: case OP_CONS:
    case OP_MAKE_TUPLE: case OP_MAKE_CLOSURE: case OP_MAKE_EXT_FUN: case OP_TRY:
    case OP_TRY_END: case OP_RETURN:
        return true;
    default:
        return false;
    }
}

static void record_line(FnGen *fg, uint32_t offset)
{
    FnOut *fo = cur_fn(fg);
    cg_grow((void **)&fo->lines, &fo->line_cap, fo->line_len + 2, sizeof(uint32_t));
    fo->lines[fo->line_len++] = offset;
    fo->lines[fo->line_len++] = fg->line;
}

static bool check_operand(FnGen *fg, char letter, int64_t v)
{
    ModTables *t = &fg->mg->tab;
    switch (letter) {
    case 'd': case 'r':
        if (v >= 0 && v < REG_LIMIT) {
            if ((uint32_t)v + 1 > fg->max_reg) {
                fg->max_reg = (uint32_t)v + 1;
            }
            return true;
        }
        return false;
    case 'n': case 't':
        return v >= 0 && v <= 255;
    case 'k':
        return v >= 0 && v < t->lit_len;
    case 'a':
        return v >= 0 && v < t->atom_len;
    case 'e':
        return v >= 0 && v < t->import_len;
    case 'f':
        return v >= 0 && v < fg->mg->fn_len;
    case 'j':
        return v >= 0 && v < fg->label_len;
    case 'b':
        return v >= 0;
    case 'i':
        return v >= INT32_MIN && v <= INT32_MAX;
    default:
        return false;
    }
}

uint32_t emit_op(FnGen *fg, Opcode op, const int64_t *ops)
{
    const char *sig = opcode_info[op].signature;
    uint32_t start = cur_fn(fg)->code_len;
    uint32_t word0 = (uint32_t)op;
    uint32_t narrow = 0;
    for (uint32_t i = 0; sig[i]; i++) {
        if (!check_operand(fg, sig[i], ops[i])) {
            cg_error(fg->mg->cg, fg->line, "function too complex to compile (%s operand %u)",
                     opcode_info[op].name, i);
            return start;
        }
        if (opcode_letter_is_narrow(sig[i])) {
            word0 |= ((uint32_t)ops[i] & 0xffu) << (8 * (narrow + 1));
            narrow++;
        }
    }
    push_word(fg, word0);
    uint32_t next_pc = start + opcode_length(op);
    for (uint32_t i = 0; sig[i]; i++) {
        if (opcode_letter_is_narrow(sig[i])) {
            continue;
        }
        if (sig[i] == 'j') {
            cg_grow((void **)&fg->fixups, &fg->fixup_cap, fg->fixup_len + 1, sizeof(Fixup));
            fg->fixups[fg->fixup_len++] =
                (Fixup){cur_fn(fg)->code_len, next_pc, (uint32_t)ops[i]};
        }
        push_word(fg, (uint32_t)(int32_t)ops[i]);
    }
    if (!is_quiet(op) && fg->line > 0) {
        record_line(fg, start);
    }
    return start;
}

void emit0(FnGen *fg, Opcode op)
{
    int64_t ops[1] = {0};
    emit_op(fg, op, ops);
}

void emit1(FnGen *fg, Opcode op, int64_t a)
{
    int64_t ops[1] = {a};
    emit_op(fg, op, ops);
}

void emit2(FnGen *fg, Opcode op, int64_t a, int64_t b)
{
    int64_t ops[2] = {a, b};
    emit_op(fg, op, ops);
}

void emit3(FnGen *fg, Opcode op, int64_t a, int64_t b, int64_t c)
{
    int64_t ops[3] = {a, b, c};
    emit_op(fg, op, ops);
}

void emit4(FnGen *fg, Opcode op, int64_t a, int64_t b, int64_t c, int64_t d)
{
    int64_t ops[4] = {a, b, c, d};
    emit_op(fg, op, ops);
}

uint32_t label_new(FnGen *fg)
{
    cg_grow((void **)&fg->labels, &fg->label_cap, fg->label_len + 1, sizeof(int32_t));
    fg->labels[fg->label_len] = -1;
    return fg->label_len++;
}

void label_bind(FnGen *fg, uint32_t label)
{
    if (label < fg->label_len) {
        fg->labels[label] = (int32_t)cur_fn(fg)->code_len;
    }
}

bool emit_finish(FnGen *fg)
{
    FnOut *fo = cur_fn(fg);
    for (uint32_t i = 0; i < fg->fixup_len; i++) {
        Fixup *fx = &fg->fixups[i];
        int32_t pos = fg->labels[fx->label];
        if (pos < 0 || (uint32_t)pos >= fo->code_len) {
            cg_error(fg->mg->cg, fg->line, "internal error: unbound jump label");
            return false;
        }
        fo->code[fx->word] = (uint32_t)(pos - (int32_t)fx->next_pc);
    }
    return true;
}

void emit_load_atom(FnGen *fg, uint32_t dst, const char *text)
{
    emit2(fg, OP_LOAD_ATOM, dst, tab_atom(&fg->mg->tab, text));
}

void emit_load_int(FnGen *fg, uint32_t dst, int64_t v)
{
    if (v >= INT32_MIN && v <= INT32_MAX) {
        emit2(fg, OP_LOAD_INT, dst, v);
        return;
    }
    uint8_t bytes[9];
    bytes[0] = EMB_LIT_INT;
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++) {
        bytes[1 + i] = (uint8_t)(u >> (8 * i));
    }
    emit2(fg, OP_LOAD_LIT, dst, tab_literal(&fg->mg->tab, bytes, sizeof bytes));
}
