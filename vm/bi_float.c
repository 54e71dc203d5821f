// Float module built-ins: rounding to a decimal precision (on the exact decimal expansion of
// the double, as Elixir does, so 5.5675 rounds to 5.567), parsing and printing.
// Float functions accept floats only; integers raise FunctionClauseError like Elixir.
#include "builtins.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bi_common.h"

// Valid decimal precisions (Elixir's @precision_range).
#define FLOAT_MAX_PRECISION 15
// Fraction digits that print any double exactly (the smallest subnormal has 1074).
#define FLOAT_EXACT_DIGITS 1100
// Room for those digits plus the up to 309 integer digits, sign and point.
#define FLOAT_EXACT_BUF (FLOAT_EXACT_DIGITS + 330)

typedef enum RoundMode { ROUND_HALF_UP, ROUND_FLOOR, ROUND_CEIL } RoundMode;

// Adds one unit in the last place to the decimal digits in [s] (from [start] to [end]),
// skipping the point. Returns true when a carry ran off the front.
static bool increment_digits(char *s, long start, long end)
{
    for (long i = end; i >= start; i--) {
        if (s[i] == '.') {
            continue;
        }
        if (s[i] != '9') {
            s[i]++;
            return false;
        }
        s[i] = '0';
    }
    return true;
}

// Rounds finite [x] to [prec] decimals in [mode] on its exact decimal expansion.
static double round_decimal(double x, int prec, RoundMode mode)
{
    char *buf = malloc(FLOAT_EXACT_BUF + 2);
    if (buf == NULL) {
        return x;
    }
    bool neg = signbit(x);
    buf[0] = '0'; // room for a carry
    int n = snprintf(buf + 1, FLOAT_EXACT_BUF, "%.*f", FLOAT_EXACT_DIGITS, fabs(x));
    char *point = strchr(buf + 1, '.');
    long cut = (point - buf) + prec; // index of the last kept digit
    bool any_rest = false;
    for (long i = cut + 1; i <= n; i++) {
        any_rest = any_rest || (buf[i] != '0' && buf[i] != '\0');
    }
    bool up = mode == ROUND_HALF_UP ? buf[cut + 1] >= '5'
              : mode == ROUND_FLOOR ? (neg && any_rest)
                                    : (!neg && any_rest);
    if (up) {
        increment_digits(buf, 0, cut);
    }
    buf[cut + 1] = '\0';
    double r = strtod(buf, NULL);
    free(buf);
    if (r == 0.0) {
        return 0.0; // Elixir's algorithm drops the sign of a zero result
    }
    return neg ? -r : r;
}

// Checks (float, precision) arguments; returns the precision or -1 after raising.
static int check_precision(Process *p, Term *args, const char *mfa)
{
    if (!term_is_float(args[0]) || !term_is_small(args[1])) {
        bi_function_clause(p, mfa);
        return -1;
    }
    int64_t prec = term_to_small(args[1]);
    if (prec < 0 || prec > FLOAT_MAX_PRECISION) {
        error_raise(p, ERR_ARGUMENT, "precision %lld is out of valid range of 0..%d",
                    (long long)prec, FLOAT_MAX_PRECISION);
        return -1;
    }
    return (int)prec;
}

Term bi_float_round_1(Process *p, Term *args)
{
    if (!term_is_float(args[0])) {
        return bi_function_clause(p, "Float.round/2");
    }
    double x = term_to_float(args[0]);
    if (x == 0.0) {
        return args[0];
    }
    double r = round(x);
    return term_make_float(p, r == 0.0 ? 0.0 : r);
}

// Float.round/floor/ceil with a precision: precision 0 of floor/ceil keeps the sign of zero.
static Term round_prec(Process *p, Term *args, RoundMode mode, const char *mfa)
{
    int prec = check_precision(p, args, mfa);
    if (prec < 0) {
        return TERM_NONE;
    }
    double x = term_to_float(args[0]);
    if (prec == 0 && mode != ROUND_HALF_UP) {
        return term_make_float(p, mode == ROUND_FLOOR ? floor(x) : ceil(x));
    }
    if (prec == 0) {
        return bi_float_round_1(p, args);
    }
    return term_make_float(p, round_decimal(x, prec, mode));
}

Term bi_float_round_2(Process *p, Term *args)
{
    return round_prec(p, args, ROUND_HALF_UP, "Float.round/2");
}

Term bi_float_floor_1(Process *p, Term *args)
{
    Term a[2] = {args[0], term_from_small(0)};
    return round_prec(p, a, ROUND_FLOOR, "Float.floor/2");
}

Term bi_float_floor_2(Process *p, Term *args)
{
    return round_prec(p, args, ROUND_FLOOR, "Float.floor/2");
}

Term bi_float_ceil_1(Process *p, Term *args)
{
    Term a[2] = {args[0], term_from_small(0)};
    return round_prec(p, a, ROUND_CEIL, "Float.ceil/2");
}

Term bi_float_ceil_2(Process *p, Term *args)
{
    return round_prec(p, args, ROUND_CEIL, "Float.ceil/2");
}

Term bi_float_to_string_1(Process *p, Term *args)
{
    if (!term_is_float(args[0])) {
        return bi_function_clause(p, "Float.to_string/1");
    }
    char buf[64];
    size_t n = inspect_format_float(term_to_float(args[0]), buf);
    return term_make_binary(p, buf, n);
}

// Counts the decimal digits at [s] + [i], up to [size].
static size_t count_digits(const uint8_t *s, size_t i, size_t size)
{
    size_t start = i;
    while (i < size && s[i] >= '0' && s[i] <= '9') {
        i++;
    }
    return i - start;
}

bool bi_parse_float_prefix(const uint8_t *s, size_t size, bool strict, double *out,
                           size_t *used)
{
    size_t i = (size > 0 && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    size_t n = count_digits(s, i, size);
    if (n == 0) {
        return false;
    }
    i += n;
    size_t frac = (i < size && s[i] == '.') ? count_digits(s, i + 1, size) : 0;
    if (frac > 0) {
        i += 1 + frac;
    } else if (strict) {
        return false;
    }
    if (i < size && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1 + ((i + 1 < size && (s[i + 1] == '+' || s[i + 1] == '-')) ? 1 : 0);
        size_t exp = count_digits(s, j, size);
        if (exp > 0) {
            i = j + exp;
        }
    }
    char *text = malloc(i + 1);
    if (text == NULL) {
        return false;
    }
    memcpy(text, s, i);
    text[i] = '\0';
    double d = strtod(text, NULL);
    free(text);
    if (!isfinite(d)) {
        return false;
    }
    *out = d;
    *used = i;
    return true;
}

Term bi_float_parse_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_function_clause(p, "Float.parse/1");
    }
    double d;
    size_t used;
    if (!bi_parse_float_prefix(s, size, false, &d, &used)) {
        return term_from_atom(ATOM_error);
    }
    Term rest = term_make_binary(p, s + used, size - used);
    return bi_tuple2(p, term_make_float(p, d), rest);
}

Term bi_float_pow_2(Process *p, Term *args)
{
    double x;
    double y;
    if (!term_is_float(args[0]) || !bi_to_double(args[1], &y)) {
        return bi_function_clause(p, "Float.pow/2");
    }
    x = term_to_float(args[0]);
    return bi_float_result(p, pow(x, y));
}
