// Flat maps: keys kept sorted in map-key order (integers before floats, so 1 and 1.0 are two
// keys), later duplicates win in map_from_pairs, updates never mutate their input, and
// __struct__ names are found.
#include <criterion/criterion.h>
#include <stdlib.h>

#include "fixtures.h"
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
    const Term *keys = map_keys(m);
    for (uint32_t i = 0; i < 1000; i++) {
        cr_assert_eq(term_to_small(keys[i]), (int64_t)i);
    }
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
