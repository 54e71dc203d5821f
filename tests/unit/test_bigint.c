// Bignum arithmetic against results computed by real Elixir 1.14 (tests/unit/test_bigint.c
// tables were generated with `elixir` over small/bignum boundary values): every operation,
// sign combination and normalisation back to small integers.
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bigint.h"
#include "fixtures.h"
#include "heap.h"

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

TestSuite(bigint, .init = setup, .fini = teardown, .timeout = 20);

static Term num(const char *text)
{
    Term t;
    cr_assert(bigint_from_string(proc, text, strlen(text), 10, &t), "parse %s", text);
    return t;
}

static void expect_text(Term t, const char *expected, const char *what)
{
    StrBuf b;
    strbuf_init(&b);
    bigint_to_string(t, 10, &b);
    cr_expect_str_eq(b.data, expected, "%s", what);
    strbuf_free(&b);
    int64_t v;
    bool fits = term_is_small(t);
    if (!fits) { // normal form: a bignum never holds a value that fits a small integer
        cr_expect(!bigint_to_int64(t, &v) || !small_fits(v), "%s not normalised", what);
    }
}

typedef struct BinCase {
    const char *op;
    const char *a;
    const char *b;
    const char *result;
} BinCase;

#include "bigint_cases.def" // static const BinCase bin_cases[] = {...};

static Term apply_op(const char *op, Term a, Term b)
{
    if (strcmp(op, "add") == 0) return bigint_add(proc, a, b);
    if (strcmp(op, "sub") == 0) return bigint_sub(proc, a, b);
    if (strcmp(op, "mul") == 0) return bigint_mul(proc, a, b);
    if (strcmp(op, "div") == 0) return bigint_div(proc, a, b);
    if (strcmp(op, "rem") == 0) return bigint_rem(proc, a, b);
    if (strcmp(op, "floor_div") == 0) return bigint_floor_div(proc, a, b);
    if (strcmp(op, "mod") == 0) return bigint_mod(proc, a, b);
    if (strcmp(op, "band") == 0) return bigint_band(proc, a, b);
    if (strcmp(op, "bor") == 0) return bigint_bor(proc, a, b);
    return bigint_bxor(proc, a, b);
}

Test(bigint, binary_operations_match_elixir)
{
    char what[256];
    for (size_t i = 0; i < sizeof bin_cases / sizeof bin_cases[0]; i++) {
        const BinCase *c = &bin_cases[i];
        snprintf(what, sizeof what, "%s(%s, %s)", c->op, c->a, c->b);
        expect_text(apply_op(c->op, num(c->a), num(c->b)), c->result, what);
    }
}

Test(bigint, boundaries_normalise)
{
    Term max = term_from_small(SMALL_MAX);
    Term over = bigint_add(proc, max, term_from_small(1));
    cr_expect(term_is_bignum(over));
    Term back = bigint_sub(proc, over, term_from_small(1));
    cr_expect(term_is_small(back));
    cr_expect_eq(term_to_small(back), SMALL_MAX);
    Term under = bigint_sub(proc, term_from_small(SMALL_MIN), term_from_small(1));
    cr_expect(term_is_bignum(under));
    cr_expect(term_is_small(bigint_add(proc, under, term_from_small(1))));
    Term min64 = term_make_int(proc, INT64_MIN);
    expect_text(min64, "-9223372036854775808", "INT64_MIN");
    int64_t v;
    cr_expect(bigint_to_int64(min64, &v));
    cr_expect_eq(v, INT64_MIN);
    expect_text(bigint_neg(proc, min64), "9223372036854775808", "-INT64_MIN");
    cr_expect(!bigint_to_int64(bigint_neg(proc, min64), &v));
}

Test(bigint, huge_products_and_powers)
{
    Term two = term_from_small(2);
    Term p1000 = bigint_pow(proc, two, 1000);
    Term p2000 = bigint_mul(proc, p1000, p1000);
    cr_expect_eq(bigint_compare(p2000, bigint_pow(proc, two, 2000)), 0);
    cr_expect_eq(bigint_compare(bigint_div(proc, p2000, p1000), p1000), 0);
    cr_expect(term_is_small(bigint_rem(proc, p2000, p1000)));
    expect_text(bigint_pow(proc, term_from_small(-3), 41), "-36472996377170786403", "(-3)**41");
    expect_text(bigint_pow(proc, term_from_small(10), 30),
                "1000000000000000000000000000000", "10**30");
    expect_text(bigint_pow(proc, term_from_small(7), 0), "1", "7**0");
}

Test(bigint, shifts_and_not)
{
    Term one = term_from_small(1);
    expect_text(bigint_bsl(proc, one, 100), "1267650600228229401496703205376", "1 <<< 100");
    expect_text(bigint_bsl(proc, term_from_small(-5), 70), "-5902958103587056517120", "-5 <<< 70");
    Term big = bigint_bsl(proc, one, 100);
    expect_text(bigint_bsl(proc, big, -98), "4", "(1<<<100) >>> 98");
    expect_text(bigint_bsl(proc, bigint_neg(proc, big), -99), "-2", "-(1<<<100) >>> 99");
    expect_text(bigint_bsl(proc, term_from_small(-1), -5), "-1", "-1 >>> 5");
    expect_text(bigint_bsl(proc, term_from_small(-9), -1), "-5", "-9 >>> 1");
    expect_text(bigint_bsl(proc, bigint_sub(proc, bigint_neg(proc, big), one), -100), "-2",
                "(-(1<<<100)-1) >>> 100");
    expect_text(bigint_bnot(proc, big), "-1267650600228229401496703205377", "bnot");
    expect_text(bigint_bnot(proc, term_from_small(0)), "-1", "bnot 0");
}

Test(bigint, strings_in_bases)
{
    Term t;
    cr_assert(bigint_from_string(proc, "-ff", 3, 16, &t));
    expect_text(t, "-255", "-ff base 16");
    cr_assert(bigint_from_string(proc, "zz", 2, 36, &t));
    expect_text(t, "1295", "zz base 36");
    cr_expect(!bigint_from_string(proc, "12a", 3, 10, &t));
    cr_expect(!bigint_from_string(proc, "-", 1, 10, &t));
    cr_expect(!bigint_from_string(proc, "", 0, 10, &t));
    cr_assert(bigint_from_string(proc, "000123", 6, 10, &t));
    expect_text(t, "123", "leading zeros");
    StrBuf b;
    strbuf_init(&b);
    bigint_to_string(num("-340282366920938463463374607431768211455"), 16, &b);
    cr_expect_str_eq(b.data, "-FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
    strbuf_free(&b);
    strbuf_init(&b);
    bigint_to_string(term_from_small(5), 2, &b);
    cr_expect_str_eq(b.data, "101");
    strbuf_free(&b);
}

Test(bigint, doubles)
{
    cr_expect_eq(bigint_to_double(num("9007199254740993")), 9007199254740992.0);
    cr_expect_eq(bigint_to_double(num("18446744073709551617")), 18446744073709551616.0);
    cr_expect_eq(bigint_to_double(num("-123456789012345678901234567890")),
                 -123456789012345678901234567890.0);
    cr_expect(isinf(bigint_to_double(bigint_pow(proc, term_from_small(2), 1024))));
    expect_text(bigint_from_double(proc, 1.0e20), "100000000000000000000", "trunc(1e20)");
    expect_text(bigint_from_double(proc, -1.5e19), "-15000000000000000000", "trunc(-1.5e19)");
    expect_text(bigint_from_double(proc, -2.9), "-2", "trunc(-2.9)");
    cr_expect_gt(bigint_compare_float(num("9007199254740993"), 9007199254740992.0), 0);
    cr_expect_eq(bigint_compare_float(num("100000000000000000000"), 1.0e20), 0);
    cr_expect_lt(bigint_compare_float(term_from_small(1), 1.5), 0);
    cr_expect_gt(bigint_compare_float(term_from_small(-1), -1.5), 0);
    cr_expect_lt(bigint_compare_float(num("-100000000000000000001"), -1.0e20), 0);
    cr_expect_lt(bigint_compare_float(num("123"), INFINITY), 0);
}
