// Kernel arithmetic and comparison built-ins: the operators as callable functions (for
// captures like &+/2; compiled code uses opcodes), div/rem, abs, max/min, and the
// float-to-integer conversions round/trunc/floor/ceil.
#include "builtins.h"

#include <math.h>
#include <string.h>

#include "bi_common.h"
#include "error.h"
#include "bigint.h"

// ==== Operators ====

Term bi_kernel_op_add_2(Process *p, Term *args) { return bi_num_add(p, args[0], args[1]); }
Term bi_kernel_op_sub_2(Process *p, Term *args) { return bi_num_sub(p, args[0], args[1]); }
Term bi_kernel_op_mul_2(Process *p, Term *args) { return bi_num_mul(p, args[0], args[1]); }
Term bi_kernel_op_fdiv_2(Process *p, Term *args) { return bi_num_fdiv(p, args[0], args[1]); }

Term bi_kernel_op_neg_1(Process *p, Term *args)
{
    if (term_is_integer(args[0])) {
        return bigint_neg(p, args[0]);
    }
    if (term_is_float(args[0])) {
        return term_make_float(p, -term_to_float(args[0]));
    }
    return bi_badarith(p);
}

Term bi_kernel_op_plus_1(Process *p, Term *args)
{
    if (!term_is_number(args[0])) {
        return bi_badarith(p);
    }
    return args[0];
}

Term bi_kernel_op_eq_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_equal(args[0], args[1]));
}

Term bi_kernel_op_ne_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(!term_equal(args[0], args[1]));
}

Term bi_kernel_op_exact_eq_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_exact_equal(args[0], args[1]));
}

Term bi_kernel_op_exact_ne_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(!term_exact_equal(args[0], args[1]));
}

Term bi_kernel_op_lt_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_compare(args[0], args[1]) < 0);
}

Term bi_kernel_op_gt_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_compare(args[0], args[1]) > 0);
}

Term bi_kernel_op_le_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_compare(args[0], args[1]) <= 0);
}

Term bi_kernel_op_ge_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_compare(args[0], args[1]) >= 0);
}

Term bi_kernel_op_concat_2(Process *p, Term *args)
{
    const uint8_t *a;
    const uint8_t *b;
    size_t na;
    size_t nb;
    for (int i = 0; i < 2; i++) {
        if (!term_is_binary(args[i])) {
            StrBuf s;
            strbuf_init(&s);
            InspectOpts opts = inspect_default_opts();
            inspect_term(p->vm, args[i], &opts, &s);
            Term r = error_raise(p, ERR_ARGUMENT,
                                 "construction of binary failed: segment %d of type 'binary': "
                                 "expected a binary but got: %.*s",
                                 i + 1, (int)s.len, s.data);
            strbuf_free(&s);
            return r;
        }
    }
    bi_text(args[0], &a, &na);
    bi_text(args[1], &b, &nb);
    uint8_t *out;
    Term r = term_make_binary_uninit(p, na + nb, &out);
    memcpy(out, a, na);
    memcpy(out + na, b, nb);
    return r;
}

// ==== Integer division ====

Term bi_kernel_div_2(Process *p, Term *args)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1]) || args[1] == term_from_small(0)) {
        return error_raise_arith(p, "div", args, 2);
    }
    return bigint_div(p, args[0], args[1]);
}

Term bi_kernel_rem_2(Process *p, Term *args)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1]) || args[1] == term_from_small(0)) {
        return error_raise_arith(p, "rem", args, 2);
    }
    return bigint_rem(p, args[0], args[1]);
}

// ==== abs, max, min ====

Term bi_kernel_abs_1(Process *p, Term *args)
{
    Term t = args[0];
    if (term_is_float(t)) {
        return term_make_float(p, fabs(term_to_float(t)));
    }
    if (!term_is_integer(t)) {
        return bi_badarg(p, 1, "not a number");
    }
    return bigint_compare(t, term_from_small(0)) < 0 ? bigint_neg(p, t) : t;
}

Term bi_kernel_max_2(Process *p, Term *args)
{
    (void)p;
    return term_compare(args[0], args[1]) >= 0 ? args[0] : args[1];
}

Term bi_kernel_min_2(Process *p, Term *args)
{
    (void)p;
    return term_compare(args[0], args[1]) <= 0 ? args[0] : args[1];
}

// ==== Float to integer ====

typedef double (*RoundFn)(double);

// Applies [fn] to float [t] and converts to an integer; integers pass through unchanged.
static Term to_integer(Process *p, Term t, RoundFn fn)
{
    if (term_is_integer(t)) {
        return t;
    }
    if (!term_is_float(t)) {
        return bi_badarg(p, 1, "not a number");
    }
    return bigint_from_double(p, fn(term_to_float(t)));
}

Term bi_kernel_round_1(Process *p, Term *args) { return to_integer(p, args[0], round); }
Term bi_kernel_trunc_1(Process *p, Term *args) { return to_integer(p, args[0], trunc); }
Term bi_kernel_floor_1(Process *p, Term *args) { return to_integer(p, args[0], floor); }
Term bi_kernel_ceil_1(Process *p, Term *args) { return to_integer(p, args[0], ceil); }

Term bi_kernel_op_pow_2(Process *p, Term *args)
{
    Term base = args[0];
    Term exp = args[1];
    if (term_is_integer(base) && term_is_integer(exp) &&
        bigint_compare(exp, term_from_small(0)) >= 0) {
        int64_t e;
        if (!bi_int64(exp, &e)) {
            return error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
        }
        return bigint_pow(p, base, (uint64_t)e);
    }
    double x;
    double y;
    if (!bi_to_double(base, &x) || !bi_to_double(exp, &y)) {
        return bi_badarith(p);
    }
    return bi_float_result(p, pow(x, y));
}
