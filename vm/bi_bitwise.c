// Bitwise and the :erlang bitwise BIFs (band, bor, bxor, bnot, bsl, bsr) on small integers and
// bignums alike (vm/bigint.c). A non-integer argument raises ArithmeticError as Erlang's badarith
// does; a shift too large to represent raises SystemLimitError.
#include "builtins.h"

#include "bi_common.h"
#include "bigint.h"

// Widest result a left shift may produce, in bits; larger shifts raise SystemLimitError.
#define BITWISE_MAX_SHIFT ((int64_t)1 << 26)

typedef Term (*BigOp2)(Process *p, Term a, Term b);

static Term logic2(Process *p, const Term *args, BigOp2 op)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1])) {
        return bi_badarith(p);
    }
    return op(p, args[0], args[1]);
}

// [a] shifted left by [shift] bits ([negate] shifts right instead).
static Term shift(Process *p, Term a, Term by, bool negate)
{
    if (!term_is_integer(a) || !term_is_integer(by)) {
        return bi_badarith(p);
    }
    int64_t n;
    if (!bi_int64(by, &n) || n == INT64_MIN) {
        // Far beyond any representable integer: everything shifts out one way.
        bool left = (bigint_compare(by, term_from_small(0)) > 0) != negate;
        if (!left || bigint_compare(a, term_from_small(0)) == 0) {
            return term_from_small(bigint_compare(a, term_from_small(0)) < 0 ? -1 : 0);
        }
        return error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
    }
    if (negate) {
        n = -n;
    }
    if (n > BITWISE_MAX_SHIFT && bigint_compare(a, term_from_small(0)) != 0) {
        return error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
    }
    return bigint_bsl(p, a, n);
}

static Term bnot(Process *p, Term a)
{
    if (!term_is_integer(a)) {
        return bi_badarith(p);
    }
    return bigint_bnot(p, a);
}

Term bi_erlang_band_2(Process *p, Term *args) { return logic2(p, args, bigint_band); }
Term bi_erlang_bor_2(Process *p, Term *args) { return logic2(p, args, bigint_bor); }
Term bi_erlang_bxor_2(Process *p, Term *args) { return logic2(p, args, bigint_bxor); }
Term bi_erlang_bnot_1(Process *p, Term *args) { return bnot(p, args[0]); }
Term bi_erlang_bsl_2(Process *p, Term *args) { return shift(p, args[0], args[1], false); }
Term bi_erlang_bsr_2(Process *p, Term *args) { return shift(p, args[0], args[1], true); }

Term bi_bitwise_band_2(Process *p, Term *args) { return logic2(p, args, bigint_band); }
Term bi_bitwise_bor_2(Process *p, Term *args) { return logic2(p, args, bigint_bor); }
Term bi_bitwise_bxor_2(Process *p, Term *args) { return logic2(p, args, bigint_bxor); }
Term bi_bitwise_bnot_1(Process *p, Term *args) { return bnot(p, args[0]); }
Term bi_bitwise_bsl_2(Process *p, Term *args) { return shift(p, args[0], args[1], false); }
Term bi_bitwise_bsr_2(Process *p, Term *args) { return shift(p, args[0], args[1], true); }
Term bi_bitwise_op_band_2(Process *p, Term *args) { return logic2(p, args, bigint_band); }
Term bi_bitwise_op_bor_2(Process *p, Term *args) { return logic2(p, args, bigint_bor); }
Term bi_bitwise_op_bxor_2(Process *p, Term *args) { return logic2(p, args, bigint_bxor); }
Term bi_bitwise_op_bnot_1(Process *p, Term *args) { return bnot(p, args[0]); }
Term bi_bitwise_op_bsl_2(Process *p, Term *args) { return shift(p, args[0], args[1], false); }
Term bi_bitwise_op_bsr_2(Process *p, Term *args) { return shift(p, args[0], args[1], true); }
