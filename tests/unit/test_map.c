// Maps: keys kept sorted in map-key order (integers before floats, so 1 and 1.0 are two keys),
// later duplicates win in map_from_pairs, updates never mutate their input, __struct__ names
// are found, and big maps (trees) behave exactly like flat ones whatever way they were built.
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "gc.h"
#include "inspect.h"
#include "map.h"

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

TestSuite(map, .init = setup, .fini = teardown, .timeout = 20);

static Term parse(const char *src)
{
    Term t = fixture_parse(proc, src);
    cr_assert_neq(t, TERM_NONE, "parse %s", src);
    return t;
}

static void expect_shown(Term t, const char *expected)
{
    StrBuf b;
    strbuf_init(&b);
    InspectOpts o = inspect_default_opts();
    inspect_term(vm, t, &o, &b);
    cr_expect_str_eq(b.data, expected);
    strbuf_free(&b);
}

Test(map, keys_sorted_in_map_key_order)
{
    Term m = parse("%{\"b\" => 1, :a => 2, 1.0 => 3, 2 => 4, 1 => 5, {1} => 6, [1] => 7}");
    cr_expect_eq(map_size(m), 7u);
    expect_shown(m, "%{1 => 5, 2 => 4, 1.0 => 3, :a => 2, {1} => 6, [1] => 7, \"b\" => 1}");
    Term v;
    cr_expect(map_get(m, parse("1"), &v));
    cr_expect_eq(term_to_small(v), 5);
    cr_expect(map_get(m, parse("1.0"), &v));
    cr_expect_eq(term_to_small(v), 3);
    cr_expect(!map_get(m, parse("2.0"), &v));
    cr_expect(map_get(m, parse("[1]"), &v));
    cr_expect_eq(term_to_small(v), 7);
}

Test(map, later_pairs_win)
{
    Term pairs[6] = {term_from_atom(ATOM_ok), term_from_small(1), term_from_atom(ATOM_error),
                     term_from_small(2), term_from_atom(ATOM_ok), term_from_small(3)};
    Term m = map_from_pairs(proc, pairs, 3);
    cr_expect_eq(map_size(m), 2u);
    Term v;
    cr_expect(map_get(m, term_from_atom(ATOM_ok), &v));
    cr_expect_eq(term_to_small(v), 3);
    cr_expect_eq(map_size(map_from_pairs(proc, NULL, 0)), 0u);
}

Test(map, put_and_remove_copy)
{
    Term m = map_new(proc);
    cr_expect_eq(map_size(m), 0u);
    Term m1 = map_put(proc, m, parse(":b"), parse("1"));
    Term m2 = map_put(proc, m1, parse(":a"), parse("2"));
    Term m3 = map_put(proc, m2, parse(":c"), parse("3"));
    Term m4 = map_put(proc, m3, parse(":a"), parse("9"));
    expect_shown(m3, "%{a: 2, b: 1, c: 3}");
    expect_shown(m4, "%{a: 9, b: 1, c: 3}");
    expect_shown(m, "%{}");
    cr_expect_eq(map_put(proc, m4, parse(":b"), term_from_small(1)), m4);
    Term r = map_remove(proc, m4, parse(":b"));
    expect_shown(r, "%{a: 9, c: 3}");
    expect_shown(m4, "%{a: 9, b: 1, c: 3}");
    cr_expect_eq(map_remove(proc, r, parse(":zz")), r);
    expect_shown(map_remove(proc, map_remove(proc, r, parse(":a")), parse(":c")), "%{}");
}

Test(map, many_keys)
{
    Term m = map_new(proc);
    for (int i = 999; i >= 0; i--) {
        m = map_put(proc, m, term_from_small(i * 7 % 1000), term_from_small(i));
    }
    cr_expect_eq(map_size(m), 1000u);
    cr_expect(map_is_tree(m));
    MapIter it;
    map_iter_init(&it, m);
    Term k;
    for (uint32_t i = 0; i < 1000; i++) {
        cr_assert(map_iter_next(&it, &k, NULL));
        cr_assert_eq(term_to_small(k), (int64_t)i);
    }
    cr_expect_not(map_iter_next(&it, &k, NULL));
    Term v;
    cr_expect(map_get(m, term_from_small(7), &v));
    cr_expect_eq(term_to_small(v), 1);
}

Test(map, struct_names)
{
    cr_expect_eq(map_struct_name(parse("%{a: 1}")), TERM_NONE);
    cr_expect_eq(map_struct_name(parse("%{__struct__: \"x\"}")), TERM_NONE);
    Term r = parse("1..3");
    cr_expect_eq(map_struct_name(r), term_from_atom(ATOM_Elixir_Range));
    expect_shown(r, "1..3");
}

// ==== Big maps (the tree form) ====

// A deterministic pseudo-random sequence (xorshift), so failures reproduce.
static uint32_t next_random(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return (uint32_t)*state;
}

// Shuffles [a] of [n] ints with [state].
static void shuffle(int *a, int n, uint64_t *state)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(next_random(state) % (uint32_t)(i + 1));
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

// The map {k => k * 3} for the [n] keys in [keys], built by map_from_pairs.
static Term from_keys(const int *keys, int n)
{
    Term *pairs = malloc(2 * (size_t)(n + 1) * sizeof(Term));
    for (int i = 0; i < n; i++) {
        pairs[2 * i] = term_from_small(keys[i]);
        pairs[2 * i + 1] = term_from_small(keys[i] * 3);
    }
    Term m = map_from_pairs(proc, pairs, (uint32_t)n);
    free(pairs);
    return m;
}

// Checks that [m] holds exactly the keys with [present] set (of 0..[n)), each k => k * 3, and
// that iteration is ascending.
static void expect_contents(Term m, const bool *present, int n)
{
    uint32_t count = 0;
    for (int k = 0; k < n; k++) {
        Term v;
        bool found = map_get(m, term_from_small(k), &v);
        cr_assert_eq(found, present[k], "key %d", k);
        if (found) {
            cr_assert_eq(term_to_small(v), (int64_t)k * 3);
            count++;
        }
    }
    cr_assert_eq(map_size(m), count);
    cr_assert_eq(map_is_tree(m), count > MAP_FLAT_MAX);
    MapIter it;
    map_iter_init(&it, m);
    Term k;
    int64_t last = -1;
    uint32_t seen = 0;
    while (map_iter_next(&it, &k, NULL)) {
        cr_assert_gt(term_to_small(k), last);
        last = term_to_small(k);
        seen++;
    }
    cr_assert_eq(seen, count);
}

Test(map, big_put_random_order_equals_from_pairs)
{
    int keys[1000];
    for (int i = 0; i < 1000; i++) {
        keys[i] = i;
    }
    uint64_t state = 42;
    shuffle(keys, 1000, &state);
    Term m = map_new(proc);
    for (int i = 0; i < 1000; i++) {
        m = map_put(proc, m, term_from_small(keys[i]), term_from_small(keys[i] * 3));
    }
    Term built = from_keys(keys, 1000);
    cr_expect(term_exact_equal(m, built));
    cr_expect(term_equal(m, built));
    cr_expect_eq(term_compare(m, built), 0);
    cr_expect_eq(map_put(proc, m, term_from_small(5), term_from_small(15)), m);
    Term other = map_put(proc, m, term_from_small(5), term_from_small(16));
    cr_expect_not(term_equal(m, other));
    cr_expect_lt(term_compare(m, other), 0);
    cr_expect_eq(map_remove(proc, m, term_from_small(5000)), m);
}

Test(map, big_delete_half)
{
    int keys[1000];
    bool present[1000];
    for (int i = 0; i < 1000; i++) {
        keys[i] = i;
        present[i] = true;
    }
    Term m = from_keys(keys, 1000);
    uint64_t state = 7;
    shuffle(keys, 1000, &state);
    for (int i = 0; i < 500; i++) {
        m = map_remove(proc, m, term_from_small(keys[i]));
        present[keys[i]] = false;
    }
    expect_contents(m, present, 1000);
    int rest[500];
    int n = 0;
    for (int k = 0; k < 1000; k++) {
        if (present[k]) {
            rest[n++] = k;
        }
    }
    cr_expect(term_exact_equal(m, from_keys(rest, n)));
    for (int i = 500; i < 1000; i++) { // down through the flat threshold to empty
        m = map_remove(proc, m, term_from_small(keys[i]));
        present[keys[i]] = false;
        if (i % 97 == 0 || 1000 - i - 1 <= MAP_FLAT_MAX + 1) {
            expect_contents(m, present, 1000);
        }
    }
    cr_expect_eq(map_size(m), 0u);
    expect_shown(m, "%{}");
}

Test(map, big_random_operations)
{
    enum { RANGE = 300, STEPS = 4000 };
    bool present[RANGE] = {false};
    Term m = map_new(proc);
    uint64_t state = 12345;
    for (int step = 0; step < STEPS; step++) {
        int k = (int)(next_random(&state) % RANGE);
        if (next_random(&state) % 3 == 0) {
            m = map_remove(proc, m, term_from_small(k));
            present[k] = false;
        } else {
            m = map_put(proc, m, term_from_small(k), term_from_small(k * 3));
            present[k] = true;
        }
        if (step % 200 == 0) {
            expect_contents(m, present, RANGE);
        }
    }
    expect_contents(m, present, RANGE);
}

Test(map, threshold_and_mixed_keys)
{
    // 1 and 1.0 stay distinct keys in the tree form too, and order like the flat form.
    Term m = parse("%{1 => :int, 1.0 => :float, :a => 1, \"s\" => 2, {1} => 3}");
    for (int i = 100; i < 100 + MAP_FLAT_MAX; i++) {
        m = map_put(proc, m, term_from_small(i), term_from_small(i));
    }
    cr_expect(map_is_tree(m));
    Term v;
    cr_expect(map_get(m, parse("1.0"), &v));
    cr_expect_eq(v, parse(":float"));
    cr_expect(map_get(m, term_from_small(1), &v));
    cr_expect_eq(v, parse(":int"));
    MapIter it;
    map_iter_init(&it, m);
    Term k;
    Term prev = TERM_NONE;
    while (map_iter_next(&it, &k, NULL)) {
        cr_assert(prev == TERM_NONE || term_compare_exact(prev, k) < 0);
        prev = k;
    }
    for (int i = 100; i < 100 + MAP_FLAT_MAX; i++) {
        m = map_remove(proc, m, term_from_small(i));
    }
    cr_expect_not(map_is_tree(m));
    expect_shown(m, "%{1 => :int, 1.0 => :float, :a => 1, {1} => 3, \"s\" => 2}");
}

Test(map, big_map_inspect_and_survives_gc)
{
    int keys[40];
    for (int i = 0; i < 40; i++) {
        keys[i] = 39 - i;
    }
    proc->stack[0] = from_keys(keys, 40);
    proc->stack[1] = parse("%{a: 1}");
    proc->stack_top = 2;
    StrBuf b;
    strbuf_init(&b);
    InspectOpts o = inspect_default_opts();
    inspect_term(vm, proc->stack[0], &o, &b);
    char *before = strdup(b.data);
    strbuf_free(&b);
    cr_expect(strncmp(before, "%{0 => 0, 1 => 3, 2 => 6,", 25) == 0, "%s", before);
    gc_collect(proc, 0);
    gc_collect(proc, 1000);
    expect_shown(proc->stack[0], before);
    cr_expect(map_is_tree(proc->stack[0]));
    bool present[40];
    for (int i = 0; i < 40; i++) {
        present[i] = true;
    }
    expect_contents(proc->stack[0], present, 40);
    free(before);
}
