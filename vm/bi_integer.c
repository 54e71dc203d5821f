// Integer module built-ins: conversion to and from text in any base, digits, pow, floored
// division and modulo, gcd, parity. All accept bignums through bigint.h.
#include "builtins.h"

#include <stdlib.h>

#include "bi_common.h"
#include "bigint.h"

// The digit value of character [c], or 99 when it is not a digit or letter.
static unsigned digit_value(uint8_t c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

bool bi_parse_int_prefix(Process *p, const uint8_t *s, size_t size, unsigned base, Term *out,
                         size_t *used)
{
    size_t i = 0;
    if (i < size && (s[i] == '+' || s[i] == '-')) {
        i++;
    }
    size_t digits_start = i;
    while (i < size && digit_value(s[i]) < base) {
        i++;
    }
    if (i == digits_start) {
        return false;
    }
    size_t start = s[0] == '+' ? 1 : 0; // bigint_from_string takes an optional '-' only
    if (!bigint_from_string(p, (const char *)s + start, i - start, base, out)) {
        return false;
    }
    *used = i;
    return true;
}

// The base in [t] (2..36), or 0 after raising ArgumentError "invalid base".
static unsigned check_base(Process *p, Term t)
{
    if (!term_is_small(t) || term_to_small(t) < 2 || term_to_small(t) > 36) {
        StrBuf b;
        strbuf_init(&b);
        InspectOpts opts = inspect_default_opts();
        inspect_term(p->vm, t, &opts, &b);
        error_raise(p, ERR_ARGUMENT, "invalid base %.*s", (int)b.len, b.data);
        strbuf_free(&b);
        return 0;
    }
    return (unsigned)term_to_small(t);
}

// Integer [t] as text in [base].
static Term int_to_text(Process *p, Term t, unsigned base)
{
    StrBuf b;
    strbuf_init(&b);
    bigint_to_string(t, base, &b);
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

Term bi_integer_to_string_1(Process *p, Term *args)
{
    if (!term_is_integer(args[0])) {
        return bi_badarg(p, 1, "not an integer");
    }
    return int_to_text(p, args[0], 10);
}

Term bi_integer_to_string_2(Process *p, Term *args)
{
    if (!term_is_integer(args[0])) {
        return bi_badarg(p, 1, "not an integer");
    }
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 2 || term_to_small(args[1]) > 36) {
        return bi_badarg(p, 2, "not an integer in the range 2 through 36");
    }
    return int_to_text(p, args[0], (unsigned)term_to_small(args[1]));
}

Term bi_integer_to_charlist_1(Process *p, Term *args)
{
    Term s = bi_integer_to_string_1(p, args);
    if (s == TERM_NONE) {
        return TERM_NONE;
    }
    size_t size;
    const uint8_t *bytes = term_binary_bytes(s, &size);
    return bi_charlist_from_utf8(p, bytes, size);
}

// Integer.parse: {value, rest} or :error.
static Term parse_in_base(Process *p, Term text, unsigned base, const char *mfa)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(text, &s, &size)) {
        return bi_function_clause(p, mfa);
    }
    Term v;
    size_t used;
    if (!bi_parse_int_prefix(p, s, size, base, &v, &used)) {
        return term_from_atom(ATOM_error);
    }
    s = term_binary_bytes(text, &size);
    return bi_tuple2(p, v, term_make_binary(p, s + used, size - used));
}

Term bi_integer_parse_1(Process *p, Term *args)
{
    return parse_in_base(p, args[0], 10, "Integer.parse/2");
}

Term bi_integer_parse_2(Process *p, Term *args)
{
    unsigned base = check_base(p, args[1]);
    return base == 0 ? TERM_NONE : parse_in_base(p, args[0], base, "Integer.parse/2");
}

// Integer.digits of [n] in [base]: most significant first, each carrying n's sign.
static Term digits_of(Process *p, Term n, Term base)
{
    if (n == term_from_small(0)) {
        return term_make_cons(p, n, TERM_NIL);
    }
    Term acc = TERM_NIL;
    while (n != term_from_small(0)) {
        acc = term_make_cons(p, bigint_rem(p, n, base), acc);
        n = bigint_div(p, n, base);
    }
    return acc;
}

Term bi_integer_digits_1(Process *p, Term *args)
{
    if (!term_is_integer(args[0])) {
        return bi_function_clause(p, "Integer.digits/2");
    }
    return digits_of(p, args[0], term_from_small(10));
}

Term bi_integer_digits_2(Process *p, Term *args)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1]) ||
        bigint_compare(args[1], term_from_small(2)) < 0) {
        return bi_function_clause(p, "Integer.digits/2");
    }
    return digits_of(p, args[0], args[1]);
}

// Integer.undigits: folds [list] in [base], refusing digits outside -base < d < base.
static Term undigits(Process *p, Term list, Term base)
{
    Term acc = term_from_small(0);
    for (; term_is_cons(list); list = term_tl(list)) {
        Term d = term_hd(list);
        if (!term_is_integer(d)) {
            return bi_function_clause(p, "Integer.undigits/3");
        }
        if (bigint_compare(d, base) >= 0) {
            StrBuf b;
            strbuf_init(&b);
            bigint_to_string(d, 10, &b);
            strbuf_append_cstr(&b, " in base ");
            bigint_to_string(base, 10, &b);
            Term r = error_raise(p, ERR_ARGUMENT, "invalid digit %.*s", (int)b.len, b.data);
            strbuf_free(&b);
            return r;
        }
        acc = bigint_add(p, bigint_mul(p, acc, base), d);
    }
    return acc;
}

Term bi_integer_undigits_1(Process *p, Term *args)
{
    return undigits(p, args[0], term_from_small(10));
}

Term bi_integer_undigits_2(Process *p, Term *args)
{
    if (!term_is_integer(args[1]) || bigint_compare(args[1], term_from_small(2)) < 0) {
        return bi_function_clause(p, "Integer.undigits/2");
    }
    return undigits(p, args[0], args[1]);
}

Term bi_integer_pow_2(Process *p, Term *args)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1])) {
        return bi_function_clause(p, "Integer.pow/2");
    }
    int64_t e;
    if (bigint_compare(args[1], term_from_small(0)) < 0) {
        return bi_badarith(p);
    }
    if (!bi_int64(args[1], &e)) {
        return error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
    }
    return bigint_pow(p, args[0], (uint64_t)e);
}

// Checks integer operands with a non-zero divisor, raising like Elixir otherwise.
static bool check_division(Process *p, Term *args, const char *mfa)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1])) {
        bi_function_clause(p, mfa);
        return false;
    }
    if (args[1] == term_from_small(0)) {
        bi_badarith(p);
        return false;
    }
    return true;
}

Term bi_integer_floor_div_2(Process *p, Term *args)
{
    if (!check_division(p, args, "Integer.floor_div/2")) {
        return TERM_NONE;
    }
    return bigint_floor_div(p, args[0], args[1]);
}

Term bi_integer_mod_2(Process *p, Term *args)
{
    if (!check_division(p, args, "Integer.mod/2")) {
        return TERM_NONE;
    }
    return bigint_mod(p, args[0], args[1]);
}

Term bi_integer_gcd_2(Process *p, Term *args)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1])) {
        return bi_function_clause(p, "Integer.gcd/2");
    }
    Term a = args[0];
    Term b = args[1];
    while (b != term_from_small(0)) {
        Term r = bigint_rem(p, a, b);
        a = b;
        b = r;
    }
    return bigint_compare(a, term_from_small(0)) < 0 ? bigint_neg(p, a) : a;
}

Term bi_integer_is_even_1(Process *p, Term *args)
{
    if (!term_is_integer(args[0])) {
        return term_false();
    }
    return term_from_bool(bigint_rem(p, args[0], term_from_small(2)) == term_from_small(0));
}

Term bi_integer_is_odd_1(Process *p, Term *args)
{
    if (!term_is_integer(args[0])) {
        return term_false();
    }
    return term_from_bool(bigint_rem(p, args[0], term_from_small(2)) != term_from_small(0));
}
