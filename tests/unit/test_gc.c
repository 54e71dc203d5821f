// GC invariants: reachable terms survive structurally (checked by inspect before and after),
// literals outside the heap are not copied, sharing is preserved, fragments are merged into
// one block, off-heap binaries are released exactly when unreachable, and memory stays
// bounded over many collections.
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "gc.h"
#include "heap.h"
#include "inspect.h"
#include "refc_binary.h"

static Vm *vm;
static Process *proc;

static void setup(void)
{
    vm = fixture_vm();
    proc = fixture_process(vm);
}

static void teardown(void)
{
    fixture_free(vm, proc);
}

TestSuite(gc, .init = setup, .fini = teardown, .timeout = 60);

static char *show(Term t)
{
    StrBuf b;
    strbuf_init(&b);
    InspectOpts o = inspect_default_opts();
    o.limit = -1;
    inspect_term(vm, t, &o, &b);
    return b.data;
}

static void make_garbage(size_t count)
{
    for (size_t i = 0; i < count; i++) {
        term_make_tuple(proc, 3, NULL);
    }
}

Test(gc, reachable_terms_survive)
{
    static const char *const sources[] = {
        "[1, 2.5, :atom, \"str\", {1, {2, [3 | 4]}}, %{a: 1, \"b\" => [2]}]",
        "<<1, 2, 3>>",
        "123456789012345678901234567890123456789",
        "%{1 => 1.0, 1.0 => 1, [1, 2] => {3}}",
        "{[], {}, %{}, \"\"}",
        "1..10//3",
    };
    size_t n = sizeof sources / sizeof sources[0];
    char *before[8];
    for (size_t i = 0; i < n; i++) {
        make_garbage(10);
        proc->stack[i] = fixture_parse(proc, sources[i]);
        cr_assert_neq(proc->stack[i], TERM_NONE, "parse %s", sources[i]);
        before[i] = show(proc->stack[i]);
    }
    proc->stack_top = (uint32_t)n;
    for (int round = 0; round < 3; round++) {
        make_garbage(100);
        gc_collect(proc, 0);
        for (size_t i = 0; i < n; i++) {
            char *after = show(proc->stack[i]);
            cr_expect_str_eq(after, before[i]);
            free(after);
        }
    }
    for (size_t i = 0; i < n; i++) {
        free(before[i]);
    }
}

Test(gc, every_root_kind_is_traced)
{
    proc->exc_kind = term_from_atom(ATOM_error);
    proc->exc_reason = fixture_parse(proc, "{:badarg, [1, 2]}");
    proc->exc_stack = fixture_parse(proc, "[{Foo, :bar, 1}]");
    proc->dictionary = fixture_parse(proc, "%{key: \"value\"}");
    proc->extra_roots[0] = fixture_parse(proc, "[3.5]");
    proc->extra_root_count = 1;
    proc->result = fixture_parse(proc, "{:done}");
    make_garbage(500);
    gc_collect(proc, 0);
    char *s;
    cr_expect_str_eq(s = show(proc->exc_reason), "{:badarg, [1, 2]}");
    free(s);
    cr_expect_str_eq(s = show(proc->exc_stack), "[{Foo, :bar, 1}]");
    free(s);
    cr_expect_str_eq(s = show(proc->dictionary), "%{key: \"value\"}");
    free(s);
    cr_expect_str_eq(s = show(proc->extra_roots[0]), "[3.5]");
    free(s);
    cr_expect_str_eq(s = show(proc->result), "{:done}");
    free(s);
    cr_expect(heap_contains(&proc->heap, term_boxed_ptr(proc->result)));
}

Test(gc, literals_are_not_copied)
{
    static Term literal[3]; // a {1, 2} tuple outside any heap, like a module literal
    literal[0] = term_make_header(TERM_TYPE_TUPLE, 2);
    literal[1] = term_from_small(1);
    literal[2] = term_from_small(2);
    Term lit = term_from_boxed(literal);
    proc->stack[0] = lit;
    proc->stack[1] = term_make_cons(proc, lit, TERM_NIL);
    proc->stack_top = 2;
    gc_collect(proc, 0);
    cr_expect_eq(proc->stack[0], lit);
    cr_expect_eq(term_hd(proc->stack[1]), lit);
    cr_expect_eq(literal[0], term_make_header(TERM_TYPE_TUPLE, 2));
}

Test(gc, shared_subterms_stay_shared)
{
    Term inner = fixture_parse(proc, "{:shared, [1, 2, 3]}");
    Term list = term_make_cons(proc, inner, TERM_NIL);
    Term pair[2] = {inner, list};
    proc->stack[0] = term_make_tuple(proc, 2, pair);
    proc->stack[1] = list;
    proc->stack_top = 2;
    gc_collect(proc, 0);
    Term t = proc->stack[0];
    cr_expect_eq(term_tuple_elems(t)[0], term_hd(term_tuple_elems(t)[1]));
    cr_expect_eq(term_tuple_elems(t)[1], proc->stack[1]);
    size_t used = heap_used_words(&proc->heap);
    cr_expect_eq(used, 3u + 2u + 3u + 6u, "no duplicated copies (%zu words)", used);
}

Test(gc, fragments_merge_into_one_block)
{
    Term list = TERM_NIL;
    for (int i = 0; i < 5000; i++) {
        list = term_make_cons(proc, term_from_small(i), list);
    }
    cr_expect_not_null(proc->heap.fragments);
    cr_expect(heap_wants_gc(&proc->heap));
    proc->stack[0] = list;
    proc->stack_top = 1;
    gc_collect(proc, 100);
    cr_expect_null(proc->heap.fragments);
    cr_expect(!heap_wants_gc(&proc->heap));
    cr_expect_geq((size_t)(proc->heap.end - proc->heap.top), 100u);
    int64_t expect = 4999;
    for (Term l = proc->stack[0]; term_is_cons(l); l = term_tl(l)) {
        cr_assert(heap_contains(&proc->heap, term_cons_ptr(l)));
        cr_assert_eq(term_to_small(term_hd(l)), expect--);
    }
    cr_expect_eq(expect, -1);
}

Test(gc, long_lists_do_not_recurse)
{
    Term list = TERM_NIL;
    for (int i = 0; i < 1000000; i++) {
        list = term_make_cons(proc, term_make_float(proc, (double)i), list);
    }
    proc->stack[0] = list;
    proc->stack_top = 1;
    gc_collect(proc, 0);
    double sum = 0;
    for (Term l = proc->stack[0]; term_is_cons(l); l = term_tl(l)) {
        sum += term_to_float(term_hd(l));
    }
    cr_expect_eq(sum, 999999.0 * 1000000.0 / 2);
}

Test(gc, refc_binaries_released_when_dead)
{
    uint8_t bytes[200];
    memset(bytes, 7, sizeof bytes);
    Term live = term_make_binary(proc, bytes, sizeof bytes);
    Term dead = term_make_binary(proc, bytes, sizeof bytes);
    cr_assert(term_is_boxed_type(live, TERM_TYPE_REFBIN));
    RefcBinary *live_bin = (RefcBinary *)(uintptr_t)term_boxed_ptr(live)[2];
    RefcBinary *dead_bin = (RefcBinary *)(uintptr_t)term_boxed_ptr(dead)[2];
    refc_binary_retain(live_bin); // the test's own references keep them observable
    refc_binary_retain(dead_bin);
    proc->stack[0] = live;
    proc->stack_top = 1;
    for (int i = 0; i < 3; i++) {
        make_garbage(50);
        gc_collect(proc, 0);
    }
    cr_expect_eq(atomic_load(&live_bin->refcount), 2u);
    cr_expect_eq(atomic_load(&dead_bin->refcount), 1u);
    size_t size;
    const uint8_t *data = term_binary_bytes(proc->stack[0], &size);
    cr_expect_eq(size, sizeof bytes);
    cr_expect_eq(data[199], 7);
    proc->stack_top = 0;
    gc_collect(proc, 0);
    cr_expect_eq(atomic_load(&live_bin->refcount), 1u);
    cr_expect_null(proc->heap.offheap);
    refc_binary_release(live_bin);
    refc_binary_release(dead_bin);
}

Test(gc, memory_stays_bounded)
{
    proc->stack[0] = fixture_parse(proc, "[1, 2, 3]");
    proc->stack_top = 1;
    size_t max_block = 0;
    for (int i = 0; i < 2000000; i++) {
        Term elems[2] = {term_from_small(i), proc->stack[0]};
        term_make_tuple(proc, 2, elems);
        if (heap_wants_gc(&proc->heap)) {
            gc_collect(proc, 0);
            size_t size = heap_block_words(&proc->heap);
            max_block = size > max_block ? size : max_block;
        }
    }
    cr_expect_lt(max_block, 4096u, "block grew to %zu words", max_block);
    cr_expect_gt(proc->heap.gc_count, 100u);
}

Test(gc, grows_then_shrinks)
{
    Term list = TERM_NIL;
    proc->stack_top = 1;
    for (int i = 0; i < 200000; i++) {
        list = term_make_cons(proc, term_from_small(i), list);
        proc->stack[0] = list;
        if (heap_wants_gc(&proc->heap)) {
            gc_collect(proc, 0);
            list = proc->stack[0];
        }
    }
    cr_expect_geq(heap_block_words(&proc->heap), 400000u);
    gc_collect(proc, 0);
    int64_t expect = 199999;
    for (Term l = proc->stack[0]; term_is_cons(l); l = term_tl(l)) {
        cr_assert_eq(term_to_small(term_hd(l)), expect--);
    }
    cr_expect_eq(expect, -1);
    proc->stack[0] = TERM_NIL;
    gc_collect(proc, 0);
    cr_expect_lt(heap_block_words(&proc->heap), 4096u);
}

Test(gc, garbage_binaries_trigger_collection)
{
    static uint8_t bytes[100000];
    size_t max_offheap = 0;
    for (int i = 0; i < 2000; i++) { // 200 MB of binaries, each dead at once
        proc->stack[0] = term_make_binary(proc, bytes, sizeof bytes);
        proc->stack_top = 1;
        if (heap_wants_gc(&proc->heap)) {
            gc_collect(proc, 0);
        }
        max_offheap = proc->heap.offheap_bytes > max_offheap ? proc->heap.offheap_bytes
                                                             : max_offheap;
    }
    cr_expect_leq(max_offheap, 2u * HEAP_OFFHEAP_MIN_BYTES, "off-heap grew to %zu", max_offheap);
    cr_expect_gt(proc->heap.gc_count, 50u);
    gc_collect(proc, 0);
    cr_expect_eq(proc->heap.offheap_bytes, sizeof bytes); // only the live one survives
}
