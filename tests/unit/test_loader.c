// The loader and verifier: valid modules load and run; truncated, corrupted and hand-crafted
// modules are refused (or, if still well formed, run safely) and never crash.
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "emb_builder.h"
#include "loader.h"
#include "bytecode.h"
#include "opcodes.h"
#include "process.h"
#include "scheduler.h"
#include "vm.h"

static Vm *vm;

static void setup(void)
{
    vm = vm_new();
}

static void teardown(void)
{
    vm_free(vm);
}

TestSuite(loader, .init = setup, .fini = teardown, .timeout = 30);

// f/0: R0 := literal 0 (42); return R0.
static const uint32_t return_42[] = {OP_LOAD_LIT | 0 << 8, 0, OP_RETURN | 0 << 8};

static Module *load(const uint8_t *bytes, size_t len, char *err)
{
    return loader_load(vm, bytes, len, err, 256);
}

// Runs f/0 of [mod] to completion.
static InterpResult run(Module *mod, Term *result)
{
    vm_register_module(vm, mod);
    Process *p = proc_new(vm);
    proc_set_initial_call(p, &mod->functions[0], NULL, 0);
    InterpResult r = sched_run_to_completion(p);
    *result = p->result;
    proc_free(p);
    return r;
}

Test(loader, valid_module_loads_and_runs)
{
    uint8_t *bytes;
    size_t len = emb_build_module(0, 1, return_42, 3, &bytes);
    char err[256] = "";
    Module *mod = load(bytes, len, err);
    cr_assert_not_null(mod, "refused: %s", err);
    Term result;
    cr_assert_eq(run(mod, &result), INTERP_DONE);
    cr_assert_eq(result, term_from_small(42));
    free(bytes);
}

Test(loader, truncation_at_every_offset_is_refused)
{
    uint8_t *bytes;
    size_t len = emb_build_module(0, 1, return_42, 3, &bytes);
    for (size_t cut = 0; cut < len; cut++) {
        char err[256] = "";
        Module *mod = load(bytes, cut, err);
        cr_assert_null(mod, "truncated at %zu but loaded", cut);
        cr_assert_neq(err[0], '\0', "no reason given at %zu", cut);
    }
    free(bytes);
}

Test(loader, flipped_byte_without_checksum_fix_is_refused)
{
    uint8_t *bytes;
    size_t len = emb_build_module(0, 1, return_42, 3, &bytes);
    for (size_t i = 16; i < len; i++) {
        bytes[i] ^= 0x5a;
        char err[256];
        cr_assert_null(load(bytes, len, err), "flip at %zu loaded", i);
        bytes[i] ^= 0x5a;
    }
    free(bytes);
}

Test(loader, every_byte_flip_with_valid_checksum_is_refused_or_runs)
{
    uint8_t *bytes;
    size_t len = emb_build_module(0, 1, return_42, 3, &bytes);
    static const uint8_t masks[] = {0x01, 0x80, 0xff, 0x10};
    for (size_t i = 0; i < len; i++) {
        for (size_t m = 0; m < sizeof masks; m++) {
            uint8_t *copy = malloc(len);
            memcpy(copy, bytes, len);
            copy[i] ^= masks[m];
            emb_fix_checksum(copy, len);
            char err[256];
            Module *mod = load(copy, len, err);
            if (mod != NULL && mod->function_count > 0 && mod->functions[0].arity == 0) {
                Term result;
                run(mod, &result); // must not crash; the result may be anything
            } else {
                loader_free_module(mod);
            }
            free(copy);
        }
    }
    free(bytes);
}

typedef struct VerifyCase {
    char name[48];
    uint32_t frame_size;
    uint32_t code_len;
    uint32_t code[8];
} VerifyCase;

static struct VerifyCase *verify_cases(size_t *count)
{
    static VerifyCase cases[8];
    size_t n = 0;
    cases[n++] = (VerifyCase){"register outside the frame", 1, 2, {OP_MOVE | 0 << 8 | 5 << 16, OP_RETURN}};
    cases[n++] = (VerifyCase){"falls off the end", 1, 1, {OP_LOAD_NIL}};
    cases[n++] = (VerifyCase){"unknown opcode", 1, 2, {0xfe, OP_RETURN}};
    cases[n++] = (VerifyCase){"jump into an instruction", 1, 4,
                              {OP_JUMP, 1, OP_LOAD_LIT, 0}};
    cases[n++] = (VerifyCase){"backward jump", 1, 3, {OP_LOAD_NIL, OP_JUMP, (uint32_t)-3}};
    cases[n++] = (VerifyCase){"literal out of range", 1, 3, {OP_LOAD_LIT, 7, OP_RETURN}};
    cases[n++] = (VerifyCase){"truncated instruction", 1, 2, {OP_RETURN, OP_LOAD_LIT}};
    cases[n++] = (VerifyCase){"call arity mismatch", 3, 3, {OP_CALL | 0 << 8 | 2 << 16, 0, OP_RETURN}};
    *count = n;
    return cases;
}

Test(loader, verifier_refuses_bad_code)
{
    size_t count;
    VerifyCase *cases = verify_cases(&count);
    for (size_t i = 0; i < count; i++) {
        uint8_t *bytes;
        size_t len = emb_build_module(0, cases[i].frame_size, cases[i].code, cases[i].code_len,
                                      &bytes);
        char err[256] = "";
        Module *mod = load(bytes, len, err);
        cr_expect_null(mod, "%s: loaded", cases[i].name);
        loader_free_module(mod);
        free(bytes);
    }
}

Test(loader, section_size_lie_is_refused)
{
    uint8_t *bytes;
    size_t len = emb_build_module(0, 1, return_42, 3, &bytes);
    // The first section's size field sits right after the header and the section id.
    for (uint32_t delta = 1; delta < 64; delta *= 2) {
        uint8_t *copy = malloc(len);
        memcpy(copy, bytes, len);
        copy[EMB_HEADER_SIZE + 4] = (uint8_t)(copy[EMB_HEADER_SIZE + 4] + delta);
        emb_fix_checksum(copy, len);
        char err[256];
        cr_expect_null(load(copy, len, err), "size +%u loaded", delta);
        free(copy);
    }
    free(bytes);
}
