// The atom table: well-known atoms at their atoms.def indexes, interning is idempotent and
// thread-safe across chunk boundaries, names read back without a lock, the size limit, and
// atom_compare orders by text.
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "atom.h"
#include "vm.h"

static AtomTable *table;

static void setup(void)
{
    table = atom_table_new();
}

static void teardown(void)
{
    atom_table_free(table);
}

TestSuite(atom, .init = setup, .fini = teardown, .timeout = 30);

Test(atom, well_known_atoms_have_fixed_indexes)
{
    size_t len;
    cr_expect_str_eq(atom_name(table, ATOM_false, &len), "false");
    cr_expect_eq(len, 5u);
    cr_expect_str_eq(atom_name(table, ATOM_nil, NULL), "nil");
    cr_expect_str_eq(atom_name(table, ATOM_struct, NULL), "__struct__");
    cr_expect_str_eq(atom_name(table, ATOM_Elixir_Range, NULL), "Elixir.Range");
    uint32_t index;
    cr_expect(atom_lookup(table, "ok", 2, &index));
    cr_expect_eq(index, (uint32_t)ATOM_ok);
    cr_expect_eq(atom_count(table), (uint32_t)ATOM_WELL_KNOWN_COUNT);
}

Test(atom, intern_is_idempotent_and_bounded)
{
    uint32_t a;
    uint32_t b;
    cr_expect(!atom_lookup(table, "brand_new", 9, &a));
    cr_assert(atom_intern(table, "brand_new", 9, &a));
    cr_assert(atom_intern(table, "brand_new", 9, &b));
    cr_expect_eq(a, b);
    cr_assert(atom_intern(table, "brand", 5, &b)); // a prefix is a different atom
    cr_expect_neq(a, b);
    cr_assert(atom_intern(table, "", 0, &b));
    cr_expect_str_eq(atom_name(table, b, NULL), "");
    cr_assert(atom_intern(table, "with\0nul", 8, &b));
    size_t len;
    atom_name(table, b, &len);
    cr_expect_eq(len, 8u);
    char big[ATOM_MAX_SIZE + 1];
    memset(big, 'a', sizeof big);
    cr_expect(atom_intern(table, big, ATOM_MAX_SIZE, &b));
    cr_expect(!atom_intern(table, big, ATOM_MAX_SIZE + 1, &b));
}

Test(atom, shared_between_tables)
{
    uint32_t a;
    uint32_t b;
    cr_assert(atom_intern(table, "everywhere", 10, &a));
    AtomTable *second = atom_table_new();
    cr_expect(atom_lookup(second, "everywhere", 10, &b));
    cr_expect_eq(a, b);
    atom_table_free(second);
    cr_expect_str_eq(atom_name(table, a, NULL), "everywhere");
}

Test(atom, compare_orders_by_text)
{
    uint32_t a;
    uint32_t b;
    uint32_t c;
    atom_intern(table, "zebra", 5, &a);
    atom_intern(table, "apple", 5, &b);
    atom_intern(table, "app", 3, &c);
    cr_expect_gt(atom_compare(a, b), 0);
    cr_expect_lt(atom_compare(b, a), 0);
    cr_expect_lt(atom_compare(c, b), 0);
    cr_expect_eq(atom_compare(a, a), 0);
    cr_expect_lt(atom_compare(ATOM_Elixir_Range, ATOM_false), 0); // "E" < "f"
}

enum { THREADS = 4, PER_THREAD = 5000 };

static uint32_t results[THREADS][PER_THREAD];

static void *intern_many(void *arg)
{
    long id = (long)arg;
    char name[32];
    for (int i = 0; i < PER_THREAD; i++) {
        int n = snprintf(name, sizeof name, "shared_%d", i); // every thread the same names
        atom_intern(table, name, (size_t)n, &results[id][i]);
        atom_name(table, results[id][i], NULL);
    }
    return NULL;
}

Test(atom, concurrent_interning_agrees)
{
    pthread_t threads[THREADS];
    for (long t = 0; t < THREADS; t++) {
        pthread_create(&threads[t], NULL, intern_many, (void *)t);
    }
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
    }
    char name[32];
    for (int i = 0; i < PER_THREAD; i++) {
        for (int t = 1; t < THREADS; t++) {
            cr_assert_eq(results[t][i], results[0][i]);
        }
        snprintf(name, sizeof name, "shared_%d", i);
        cr_assert_str_eq(atom_name(table, results[0][i], NULL), name);
    }
    cr_expect_eq(atom_count(table), (uint32_t)ATOM_WELL_KNOWN_COUNT + PER_THREAD);
}
