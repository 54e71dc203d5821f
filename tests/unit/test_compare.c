// Erlang term order and equality: a mixed list sorted by term_compare must come out in the
// order real Elixir's Enum.sort gives (table generated with elixir), and ==/=== must treat
// 1 and 1.0 as Erlang does, including inside containers and as map keys.
#include <criterion/criterion.h>
#include <string.h>

#include "fixtures.h"

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

TestSuite(compare, .init = setup, .fini = teardown, .timeout = 20);

static const char *const items[] = {
    "[1, 2]",
    "[1 | 2]",
    "[]",
    "{}",
    "{1, 2}",
    "{2}",
    "%{}",
    "%{a: 1}",
    "%{b: 0}",
    "%{1 => 1}",
    "%{1.0 => 1}",
    "%{a: 1, b: 2}",
    "\"abc\"",
    "\"ab\"",
    "\"b\"",
    "<<>>",
    ":a",
    ":b",
    ":aa",
    ":Z",
    "nil",
    "true",
    "false",
    "1",
    "-1",
    "2.5",
    "-2.5",
    "123456789012345678901234567890",
    "-123456789012345678901234567890",
    "0.0",
    "9007199254740993",
    "9007199254740992.0",
    "'abc'",
    "[:a]",
    "[[]]",
    "{1, 2, 3}",
    "{:a, 1}",
    "{:a, 1.5}",
    "1.0e30",
    "1.0e-30",
    "%{a: 2}",
    "%{a: 1.0}",
};
static const int sorted_order[] = {28, 26, 24, 29, 39, 23, 25, 31, 30, 27, 38, 19, 16, 18, 17, 22, 20, 21, 3, 5, 4, 36, 37, 35, 6, 9, 10, 7, 41, 40, 8, 11, 2, 1, 0, 32, 33, 34, 15, 13, 12, 14};

static Term parse(const char *src)
{
    Term t = fixture_parse(proc, src);
    cr_assert_neq(t, TERM_NONE, "parse %s", src);
    return t;
}

Test(compare, sort_matches_elixir)
{
    enum { N = sizeof items / sizeof items[0] };
    _Static_assert(N == sizeof sorted_order / sizeof sorted_order[0], "tables agree");
    Term terms[N];
    int order[N];
    for (int i = 0; i < N; i++) {
        terms[i] = parse(items[i]);
        order[i] = i;
    }
    for (int i = 1; i < N; i++) { // stable insertion sort, like Enum.sort's merge sort
        int cur = order[i];
        int j = i;
        while (j > 0 && term_compare(terms[order[j - 1]], terms[cur]) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = cur;
    }
    for (int i = 0; i < N; i++) {
        cr_expect_eq(order[i], sorted_order[i], "position %d: got %s, want %s", i,
                     items[order[i]], items[sorted_order[i]]);
    }
}

Test(compare, equality_of_numbers)
{
    Term one = parse("1");
    Term one_f = parse("1.0");
    cr_expect(term_equal(one, one_f));
    cr_expect(!term_exact_equal(one, one_f));
    cr_expect_eq(term_compare(one, one_f), 0);
    cr_expect_lt(term_compare_exact(one, one_f), 0);
    cr_expect(term_equal(parse("[1, {2}]"), parse("[1.0, {2.0}]")));
    cr_expect(!term_exact_equal(parse("[1, {2}]"), parse("[1.0, {2.0}]")));
    cr_expect(term_equal(parse("%{a: 1}"), parse("%{a: 1.0}")));
    cr_expect(!term_equal(parse("%{1 => :a}"), parse("%{1.0 => :a}")));
    cr_expect(term_exact_equal(parse("0.0"), parse("-0.0")));
    cr_expect(!term_equal(parse("9007199254740993"), parse("9007199254740992.0")));
    cr_expect_gt(term_compare(parse("9007199254740993"), parse("9007199254740992.0")), 0);
    cr_expect(term_exact_equal(parse("123456789012345678901234567890"),
                               parse("123456789012345678901234567890")));
}

Test(compare, structural_equality)
{
    cr_expect(term_exact_equal(parse("{:a, \"bin\", [1 | 2], %{k: <<1, 2>>}}"),
                               parse("{:a, \"bin\", [1 | 2], %{k: <<1, 2>>}}")));
    cr_expect(!term_equal(parse("{:a, \"bin\"}"), parse("{:a, \"bim\"}")));
    cr_expect(!term_equal(parse("[1, 2]"), parse("[1, 2, 3]")));
    cr_expect_lt(term_compare(parse("\"ab\""), parse("\"abc\"")), 0);
    cr_expect_lt(term_compare(term_make_pid(1, 0), term_make_pid(2, 0)), 0);
    cr_expect_lt(term_compare(term_make_pid(1, 0), parse("{}")), 0);
    Term first = term_make_ref(proc);
    Term second = term_make_ref(proc);
    cr_expect_lt(term_compare(first, second), 0);
    cr_expect_lt(term_compare(term_make_ref(proc), term_make_pid(1, 0)), 0);
}

Test(compare, binaries_equal_across_storage)
{
    char text[100];
    memset(text, 'q', sizeof text);
    Term heap_bin = term_make_binary(proc, text, 60);
    Term ref_bin = term_make_binary(proc, text, sizeof text);
    Term sub[5] = {term_make_header(TERM_TYPE_SUBBIN, 4), 60, 10, 0, ref_bin};
    Term slice = term_from_boxed(sub);
    cr_expect(term_exact_equal(heap_bin, slice));
    cr_expect(term_exact_equal(slice, heap_bin));
    // Bitstrings compare bit by bit; a prefix sorts first (<<1::3>> is 001, <<1::4>> is 0001).
    Term bits3 = term_from_boxed((Term[5]){term_make_header(TERM_TYPE_SUBBIN, 4), 0, 0, 3,
                                           term_make_binary(proc, "\x20", 1)});
    Term bits4 = term_from_boxed((Term[5]){term_make_header(TERM_TYPE_SUBBIN, 4), 0, 0, 4,
                                           term_make_binary(proc, "\x10", 1)});
    cr_expect_gt(term_compare(bits3, bits4), 0);
    cr_expect(!term_equal(bits3, term_make_binary(proc, "\x20", 1)));
    cr_expect_lt(term_compare(bits3, term_make_binary(proc, "\x20", 1)), 0);
    cr_expect(!term_equal(heap_bin, ref_bin));
    cr_expect_lt(term_compare(heap_bin, ref_bin), 0);
    Term l1 = TERM_NIL;
    Term l2 = TERM_NIL;
    for (int i = 0; i < 100000; i++) {
        l1 = term_make_cons(proc, term_from_small(i), l1);
        l2 = term_make_cons(proc, term_make_float(proc, i), l2);
    }
    cr_expect(term_equal(l1, l2));
    cr_expect(!term_exact_equal(l1, l2));
}
