// Every opcode of opcodes.def goes through the compiler's emitter, the disassembler and the
// loader's verifier: operands survive the round trip, and a truncated instruction is refused.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "codegen.h"
#include "disasm.h"
#include "loader.h"
#include "vm.h"

typedef struct Fixture {
    Cg cg;
    Diag diag;
    ModGen mg;
    FnGen fg;
    uint32_t label;
} Fixture;

// A module with atoms, a literal, an arity-1 import, f0/1 and a lambda f1/1 with one free
// variable, generating code into f0.
static void fixture_init(Fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    fx->cg.arena = arena_new();
    fx->cg.file = "t.exs";
    fx->cg.diag = &fx->diag;
    ModGen *mg = &fx->mg;
    mg->cg = &fx->cg;
    mg->name = "Elixir.T";
    mg->display = "T";
    tab_atom(&mg->tab, "Elixir.T");
    tab_atom(&mg->tab, "ok");
    uint8_t lit[9] = {EMB_LIT_INT, 7, 0, 0, 0, 0, 0, 0, 0};
    tab_literal(&mg->tab, lit, sizeof lit);
    tab_import(&mg->tab, "Elixir.IO", "puts", 1);
    cg_new_function(mg, "f", 1, EMB_FN_EXPORTED);
    uint32_t lambda = cg_new_function(mg, "-f/1-fun-0-", 1, EMB_FN_LAMBDA);
    mg->fns[lambda].free_count = 1;
    mg->fns[lambda].frame_size = 2;
    uint32_t ret[1] = {OP_RETURN};
    mg->fns[lambda].code = malloc(sizeof ret);
    memcpy(mg->fns[lambda].code, ret, sizeof ret);
    mg->fns[lambda].code_len = 1;
    cg_fn_begin(&fx->fg, mg, 0, "f", 1);
    fx->fg.top = 8;
    fx->fg.max_reg = 8;
    fx->label = label_new(&fx->fg);
}

static void fixture_free(Fixture *fx)
{
    free(fx->fg.vars);
    free(fx->fg.labels);
    free(fx->fg.fixups);
    for (uint32_t i = 0; i < fx->mg.fn_len; i++) {
        free(fx->mg.fns[i].code);
        free(fx->mg.fns[i].lines);
    }
    free(fx->mg.fns);
    tab_free(&fx->mg.tab);
    arena_free(fx->cg.arena);
}

// Valid operands for [op]: registers 1 (d) and 2 (r), counts/arity matching the callee.
static void operands_for(Fixture *fx, Opcode op, int64_t *ops)
{
    const char *sig = opcode_info[op].signature;
    for (uint32_t i = 0; sig[i]; i++) {
        switch (sig[i]) {
        case 'd': ops[i] = 1; break;
        case 'r': ops[i] = 2; break;
        case 'n': ops[i] = 1; break;
        case 't': ops[i] = 0; break;
        case 'k': ops[i] = 0; break;
        case 'a': ops[i] = 1; break;
        case 'j': ops[i] = fx->label; break;
        case 'f': ops[i] = op == OP_MAKE_CLOSURE ? 1 : 0; break;
        case 'e': ops[i] = 0; break;
        case 'b': ops[i] = 0; break;
        case 'i': ops[i] = op == OP_LOAD_INT ? -5 : 1; break;
        default: ops[i] = 0; break;
        }
    }
    if (op == OP_CALL_BI && BUILTIN_COUNT > 0) {
        ops[1] = builtin_table[0].arity;
    }
}

Test(opcodes, every_opcode_round_trips_through_disasm)
{
    for (int op = 0; op < OP_COUNT; op++) {
        Fixture fx;
        fixture_init(&fx);
        int64_t ops[8] = {0};
        operands_for(&fx, (Opcode)op, ops);
        emit_op(&fx.fg, (Opcode)op, ops);
        cr_assert(!fx.cg.failed, "%s: %s", opcode_info[op].name, fx.diag.message);
        FnOut *f = &fx.mg.fns[0];
        cr_assert_eq(f->code_len, opcode_length((Opcode)op), "%s length", opcode_info[op].name);
        char *text = NULL;
        size_t size = 0;
        FILE *mem = open_memstream(&text, &size);
        uint32_t len = disasm_instruction(f->code, f->code_len, mem);
        fclose(mem);
        cr_assert_eq(len, f->code_len);
        cr_assert_eq(strncmp(text, opcode_info[op].name, strlen(opcode_info[op].name)), 0,
                     "%s printed as %s", opcode_info[op].name, text);
        const char *sig = opcode_info[op].signature;
        for (uint32_t i = 0; sig[i]; i++) {
            int32_t decoded = opcode_operand(f->code, i);
            int32_t expected = sig[i] == 'j' ? 0 : (int32_t)ops[i];
            if (sig[i] != 'j') {
                cr_assert_eq(decoded, expected, "%s operand %u", opcode_info[op].name, i);
            }
        }
        if (len > 1) {
            FILE *null_out = fopen("/dev/null", "w");
            cr_assert_eq(disasm_instruction(f->code, len - 1, null_out), 0,
                         "%s: truncated instruction accepted", opcode_info[op].name);
            fclose(null_out);
        }
        free(text);
        fixture_free(&fx);
    }
}

Test(opcodes, emitter_rejects_bad_operands)
{
    Fixture fx;
    fixture_init(&fx);
    int64_t ops[3] = {300, 0, 0};
    emit_op(&fx.fg, OP_MOVE, ops);
    cr_assert(fx.cg.failed);
    fixture_free(&fx);
    fixture_init(&fx);
    int64_t lit[2] = {1, 99};
    emit_op(&fx.fg, OP_LOAD_LIT, lit);
    cr_assert(fx.cg.failed);
    fixture_free(&fx);
}

// Emits every opcode (with a final TAIL_CALL_EXT every jump lands on) into one function, writes
// the module and loads it: the verifier must accept it; cutting the last word off (truncating
// that instruction) must be refused.
Test(opcodes, emitted_module_verifies_and_truncation_is_refused)
{
    Fixture fx;
    fixture_init(&fx);
    for (int op = 0; op < OP_COUNT; op++) {
        if (opcode_info[op].flags & OPF_LOOP) {
            continue; // emitted below, jumping back to a RECV_PEEK as they must
        }
        int64_t ops[8] = {0};
        operands_for(&fx, (Opcode)op, ops);
        emit_op(&fx.fg, (Opcode)op, ops);
    }
    uint32_t peek = label_new(&fx.fg);
    label_bind(&fx.fg, peek);
    emit2(&fx.fg, OP_RECV_PEEK, 0, fx.label);
    emit2(&fx.fg, OP_RECV_WAIT, 0, peek);
    emit1(&fx.fg, OP_RECV_NEXT, peek);
    label_bind(&fx.fg, fx.label);
    emit3(&fx.fg, OP_TAIL_CALL_EXT, 1, 1, 0);
    cg_fn_end(&fx.fg);
    fx.fg.vars = NULL;
    fx.fg.labels = NULL;
    fx.fg.fixups = NULL;
    cr_assert(!fx.cg.failed, "%s", fx.diag.message);
    size_t size = 0;
    uint8_t *bytes = bcwrite_module(&fx.mg, &size);
    Vm *vm = vm_new();
    char err[256] = "";
    Module *mod = loader_load(vm, bytes, size, err, sizeof err);
    cr_assert_not_null(mod, "verifier refused: %s", err);
    loader_free_module(mod);

    fx.mg.fns[0].code_len -= 1; // TAIL_CALL_EXT loses its import word
    uint8_t *cut = bcwrite_module(&fx.mg, &size);
    mod = loader_load(vm, cut, size, err, sizeof err);
    cr_assert_null(mod, "a truncated instruction was accepted");
    loader_free_module(mod);
    vm_free(vm);
    free(bytes);
    free(cut);
    fixture_free(&fx);
}

// A receive loop's backward jump is admitted only onto a RECV_PEEK; any other backward jump,
// and a forward RECV_NEXT, are refused.
static Module *load_loop(Opcode back_target, bool forward)
{
    Fixture fx;
    fixture_init(&fx);
    uint32_t target = label_new(&fx.fg);
    uint32_t end = label_new(&fx.fg);
    if (!forward) {
        label_bind(&fx.fg, target);
    }
    if (back_target == OP_RECV_PEEK) {
        emit2(&fx.fg, OP_RECV_PEEK, 0, end);
    } else {
        emit1(&fx.fg, OP_LOAD_NIL, 0);
    }
    emit1(&fx.fg, OP_RECV_NEXT, forward ? end : target);
    if (forward) {
        label_bind(&fx.fg, target);
    }
    label_bind(&fx.fg, end);
    emit1(&fx.fg, OP_RETURN, 0);
    cg_fn_end(&fx.fg);
    fx.fg.vars = NULL;
    fx.fg.labels = NULL;
    fx.fg.fixups = NULL;
    size_t size = 0;
    uint8_t *bytes = bcwrite_module(&fx.mg, &size);
    Vm *vm = vm_new();
    char err[256] = "";
    Module *mod = loader_load(vm, bytes, size, err, sizeof err);
    if (mod != NULL) {
        loader_free_module(mod);
    }
    free(bytes);
    vm_free(vm);
    fixture_free(&fx);
    return mod;
}

Test(opcodes, receive_loop_must_jump_back_to_a_peek)
{
    cr_assert_not_null(load_loop(OP_RECV_PEEK, false));
    cr_assert_null(load_loop(OP_LOAD_NIL, false), "backward jump onto a non-PEEK accepted");
    cr_assert_null(load_loop(OP_RECV_PEEK, true), "forward RECV_NEXT accepted");
}
