// Term tagging and constructors: immediates and boxed objects round-trip, headers are never
// mistaken for terms, binaries pick heap or off-heap storage by size, and arithmetic across
// the small-integer/bignum boundary is consistent (a - b + b == a).
#include <criterion/criterion.h>
#include <criterion/theories.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
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

TestSuite(term, .init = setup, .fini = teardown, .timeout = 20);

Test(term, small_integers_round_trip)
{
    int64_t values[] = {0, 1, -1, 42, SMALL_MAX, SMALL_MIN};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        Term t = term_from_small(values[i]);
        cr_expect(term_is_small(t));
        cr_expect(term_is_integer(t));
        cr_expect(!term_is_boxed(t) && !term_is_cons(t) && !term_is_atom(t));
        cr_expect_eq(term_to_small(t), values[i]);
    }
    cr_expect(!small_fits(SMALL_MAX + 1));
    cr_expect(!small_fits(SMALL_MIN - 1));
}

Test(term, immediates_are_distinct)
{
    Term atom = term_from_atom(ATOM_ok);
    Term pid = term_make_pid(110, 3);
    cr_expect(term_is_atom(atom) && !term_is_pid(atom) && !term_is_nil(atom));
    cr_expect(term_is_pid(pid) && !term_is_atom(pid));
    cr_expect_eq(term_pid_index(pid), 110u);
    cr_expect_eq(term_pid_serial(pid), 3u);
    cr_expect(term_is_nil(TERM_NIL) && term_is_list(TERM_NIL) && !term_is_cons(TERM_NIL));
    cr_expect(!term_is_boxed(TERM_NONE));
    cr_expect(term_is_boolean(term_true()) && term_is_boolean(term_false()));
    cr_expect(!term_is_truthy(term_nil_atom()) && term_is_truthy(term_from_small(0)));
    cr_expect(term_is_header(term_make_header(TERM_TYPE_TUPLE, 3)));
    cr_expect(!term_is_header(atom) && !term_is_header(term_from_small(3)));
}

Test(term, boxed_constructors)
{
    Term f = term_make_float(proc, -2.5);
    cr_expect(term_is_float(f) && term_is_number(f) && !term_is_integer(f));
    cr_expect_eq(term_to_float(f), -2.5);
    Term elems[3] = {term_from_small(1), f, TERM_NIL};
    Term t = term_make_tuple(proc, 3, elems);
    cr_expect(term_is_tuple(t));
    cr_expect_eq(term_tuple_arity(t), 3u);
    cr_expect_eq(term_tuple_elems(t)[1], f);
    Term empty = term_make_tuple(proc, 2, NULL);
    cr_expect_eq(term_tuple_elems(empty)[0], TERM_NIL);
    Term list = term_make_list(proc, 3, elems);
    cr_expect(term_is_cons(list));
    cr_expect_eq(term_hd(term_tl(list)), f);
    cr_expect(term_is_nil(term_tl(term_tl(term_tl(list)))));
    cr_expect(term_is_nil(term_make_list(proc, 0, NULL)));
    Term r1 = term_make_ref(proc);
    Term r2 = term_make_ref(proc);
    cr_expect(term_is_ref(r1) && !term_exact_equal(r1, r2));
    cr_expect(term_is_bignum(term_make_int(proc, INT64_MAX)));
    cr_expect(term_is_small(term_make_int(proc, SMALL_MAX)));
}

Test(term, binaries_on_and_off_heap)
{
    char text[100];
    memset(text, 'x', sizeof text);
    Term small = term_make_binary(proc, "hello", 5);
    Term big = term_make_binary(proc, text, sizeof text);
    Term empty = term_make_binary(proc, "", 0);
    cr_expect(term_is_boxed_type(small, TERM_TYPE_HEAPBIN));
    cr_expect(term_is_boxed_type(big, TERM_TYPE_REFBIN));
    cr_expect(term_is_binary(small) && term_is_binary(big) && term_is_binary(empty));
    size_t size;
    cr_expect_eq(memcmp(term_binary_bytes(small, &size), "hello", 5), 0);
    cr_expect_eq(size, 5u);
    cr_expect_eq(memcmp(term_binary_bytes(big, &size), text, sizeof text), 0);
    cr_expect_eq(size, sizeof text);
    term_binary_bytes(empty, &size);
    cr_expect_eq(size, 0u);
    cr_expect_not_null(proc->heap.offheap);
    uint8_t *out;
    Term u = term_make_binary_uninit(proc, HEAPBIN_MAX_SIZE + 1, &out);
    memset(out, 'y', HEAPBIN_MAX_SIZE + 1);
    cr_expect_eq(term_binary_bytes(u, &size)[HEAPBIN_MAX_SIZE], 'y');
}

Test(term, heap_allocation_falls_back_to_fragments)
{
    cr_expect(!heap_wants_gc(&proc->heap));
    Term *first = heap_alloc(proc, HEAP_INITIAL_WORDS);
    cr_expect(heap_contains(&proc->heap, first));
    Term *big = heap_alloc(proc, 10000);
    cr_expect(heap_wants_gc(&proc->heap));
    cr_expect(heap_contains(&proc->heap, big + 9999));
    cr_expect_eq(heap_used_words(&proc->heap), HEAP_INITIAL_WORDS + 10000u);
    int local;
    cr_expect(!heap_contains(&proc->heap, (const Term *)&local));
}

TheoryDataPoints(term, sub_then_add_is_identity) = {
    DataPoints(int64_t, 0, 1, -1, 7, SMALL_MAX, SMALL_MIN, SMALL_MAX - 1, SMALL_MIN + 1, INT64_MAX,
               INT64_MIN, INT64_MAX / 3, -(INT64_MAX / 5)),
    DataPoints(int64_t, 0, 1, -1, SMALL_MAX, SMALL_MIN, INT64_MAX, INT64_MIN, 1000000007),
};

Theory((int64_t x, int64_t y), term, sub_then_add_is_identity)
{
    Term a = term_make_int(proc, x);
    Term b = term_make_int(proc, y);
    Term back = bigint_add(proc, bigint_sub(proc, a, b), b);
    cr_assert_eq(bigint_compare(back, a), 0);
    cr_assert(term_exact_equal(back, a));
    cr_assert_eq(term_is_small(back), small_fits(x), "normal form for %lld", (long long)x);
    Term prod = bigint_mul(proc, a, b);
    if (y != 0) {
        cr_assert(term_exact_equal(bigint_div(proc, prod, b), a));
    }
}

static char *show(Term t)
{
    StrBuf b;
    strbuf_init(&b);
    InspectOpts o = inspect_default_opts();
    o.limit = -1;
    inspect_term(vm, t, &o, &b);
    return b.data;
}

Test(term, copy_to_another_process)
{
    Process *other = fixture_process(vm);
    const char *src = "{:msg, [1, 2.5, \"bin\", %{a: [3 | 4]}], 123456789012345678901234567890}";
    Term t = fixture_parse(proc, src);
    char big[300];
    memset(big, 'z', sizeof big);
    Term pair[2] = {t, term_make_binary(proc, big, sizeof big)};
    t = term_make_tuple(proc, 2, pair);
    size_t words = term_copy_size(t);
    Term copy = term_copy_to(other, t);
    cr_expect_eq(heap_used_words(&other->heap), words);
    cr_expect(term_exact_equal(copy, t));
    cr_expect(heap_contains(&other->heap, term_boxed_ptr(copy)));
    cr_expect_not_null(other->heap.offheap);
    RefcBinary *bin = (RefcBinary *)(uintptr_t)term_boxed_ptr(pair[1])[2];
    cr_expect_eq(atomic_load(&bin->refcount), 2u);
    char *before = show(copy);
    fixture_free(NULL, proc); // the original heap goes away; the copy must not care
    proc = fixture_process(vm);
    other->stack[0] = copy;
    other->stack_top = 1;
    gc_collect(other, 0);
    char *after = show(other->stack[0]);
    cr_expect_str_eq(after, before);
    cr_expect_eq(atomic_load(&bin->refcount), 1u);
    free(before);
    free(after);
    cr_expect_eq(term_copy_to(other, term_from_small(5)), term_from_small(5));
    fixture_free(NULL, other);
}

Test(term, message_blocks_are_adopted)
{
    Term list = TERM_NIL;
    for (int i = 0; i < 100000; i++) { // deep: the copy must not recurse
        list = term_make_cons(proc, term_from_small(i), list);
    }
    Term shared = fixture_parse(proc, "{:s}");
    Term elems[3] = {list, shared, shared};
    Term msg = term_make_tuple(proc, 3, elems);
    size_t words = term_copy_size(msg);
    cr_expect_eq(words, 4u + 200000u + 2u * 2u);
    HeapFragment *block = heap_fragment_new(words);
    Term *offheap = NULL;
    Term copy = term_copy(msg, block->data, &offheap);
    block->top = block->data + words;
    Process *receiver = fixture_process(vm);
    heap_adopt(&receiver->heap, block, offheap);
    cr_expect(heap_wants_gc(&receiver->heap));
    cr_expect(heap_contains(&receiver->heap, term_boxed_ptr(copy)));
    receiver->stack[0] = copy;
    receiver->stack_top = 1;
    gc_collect(receiver, 0);
    cr_expect(term_exact_equal(receiver->stack[0], msg));
    fixture_free(NULL, receiver);
}
