// Shared-state cells (vm/shared/): a RefcBinary's finalize hook runs once, when the last
// reference goes; a dead :crypto state is finalised by the GC; a copy of an atomics handle's
// bytes is no handle (the built-in raises instead of touching memory).
#include <criterion/criterion.h>
#include <string.h>

#include "builtins.h"
#include "ffi_cell.h"
#include "fixtures.h"
#include "gc.h"
#include "refc_binary.h"
#include "shared/crypto.h"

static Vm *vm;
static Process *proc;

static void setup(void)
{
    vm = fixture_vm();
    proc = fixture_process(vm);
}

static void teardown(void) { fixture_free(vm, proc); }

TestSuite(shared, .init = setup, .fini = teardown, .timeout = 20);

static int finalized; // the test's own observation point

static void count_finalize(RefcBinary *bin)
{
    (void)bin;
    finalized++;
}

Test(shared, finalize_runs_once_at_the_last_release)
{
    finalized = 0;
    RefcBinary *bin = refc_binary_new(8);
    cr_expect_null(bin->finalize, "plain binaries have none");
    bin->finalize = count_finalize;
    refc_binary_retain(bin);
    refc_binary_release(bin);
    cr_expect_eq(finalized, 0);
    refc_binary_release(bin);
    cr_expect_eq(finalized, 1);
}

Test(shared, dead_hash_state_is_finalized_by_the_gc)
{
    Term args[1] = {fixture_atom(vm, "sha256")};
    Term state = bi_crypto_hash_init_1(proc, args);
    RefcBinary *bin;
    cr_assert_not_null(ffi_cell_from_handle(state, FFI_CELL_HASH, &bin));
    cr_assert_not_null(bin->finalize);
    refc_binary_retain(bin); // keeps the block observable
    proc->stack_top = 0;
    gc_collect(proc, 0);
    cr_expect_eq(atomic_load(&bin->refcount), 1u, "the process's reference was dropped");
    bin->finalize(bin); // what the last release does; frees the OpenSSL context
    bin->finalize = NULL;
    refc_binary_release(bin);
    crypto_cache_free(vm); // the digest hash_init fetched (fixture_free knows nothing of it)
}

Test(shared, copied_atomics_handle_is_no_handle)
{
    Term new_args[2] = {term_from_small(2), TERM_NIL};
    Term ref = bi_atomics_new_2(proc, new_args);
    cr_assert_not_null(ffi_cell_from_handle(ref, FFI_CELL_ATOMICS, NULL));
    cr_expect_null(ffi_cell_from_handle(ref, FFI_CELL_HASH, NULL), "kinds are distinct");
    size_t size;
    const uint8_t *bytes = term_binary_bytes(ref, &size);
    uint8_t copy[128] = {0};
    memcpy(copy, bytes, size);
    Term forged = term_make_binary(proc, copy, 100); // a REFBIN with the same first bytes
    cr_expect_null(ffi_cell_from_handle(forged, FFI_CELL_ATOMICS, NULL));
    Term get_args[2] = {forged, term_from_small(1)};
    cr_expect_eq(bi_atomics_get_2(proc, get_args), TERM_NONE, "raises ArgumentError");
}
