// :math built-ins on doubles. Integers are converted first; a result that is not a finite
// number (log(0), sqrt(-1), overflow) raises ArithmeticError as Erlang's badarith does.
#include "builtins.h"

#include <math.h>

#include "bi_common.h"

typedef double (*MathFn1)(double);

static Term math1(Process *p, Term x, MathFn1 fn)
{
    double d;
    if (!bi_to_double(x, &d)) {
        return bi_badarith(p);
    }
    return bi_float_result(p, fn(d));
}

typedef double (*MathFn2)(double, double);

static Term math2(Process *p, Term x, Term y, MathFn2 fn)
{
    double a;
    double b;
    if (!bi_to_double(x, &a) || !bi_to_double(y, &b)) {
        return bi_badarith(p);
    }
    return bi_float_result(p, fn(a, b));
}

Term bi_math_sqrt_1(Process *p, Term *args) { return math1(p, args[0], sqrt); }
Term bi_math_pow_2(Process *p, Term *args) { return math2(p, args[0], args[1], pow); }
Term bi_math_log_1(Process *p, Term *args) { return math1(p, args[0], log); }
Term bi_math_log2_1(Process *p, Term *args) { return math1(p, args[0], log2); }
Term bi_math_log10_1(Process *p, Term *args) { return math1(p, args[0], log10); }
Term bi_math_exp_1(Process *p, Term *args) { return math1(p, args[0], exp); }
Term bi_math_sin_1(Process *p, Term *args) { return math1(p, args[0], sin); }
Term bi_math_cos_1(Process *p, Term *args) { return math1(p, args[0], cos); }
Term bi_math_tan_1(Process *p, Term *args) { return math1(p, args[0], tan); }
Term bi_math_asin_1(Process *p, Term *args) { return math1(p, args[0], asin); }
Term bi_math_acos_1(Process *p, Term *args) { return math1(p, args[0], acos); }
Term bi_math_atan_1(Process *p, Term *args) { return math1(p, args[0], atan); }
Term bi_math_atan2_2(Process *p, Term *args) { return math2(p, args[0], args[1], atan2); }
Term bi_math_floor_1(Process *p, Term *args) { return math1(p, args[0], floor); }
Term bi_math_ceil_1(Process *p, Term *args) { return math1(p, args[0], ceil); }
Term bi_math_fmod_2(Process *p, Term *args) { return math2(p, args[0], args[1], fmod); }

Term bi_math_pi_0(Process *p, Term *args)
{
    (void)args;
    return term_make_float(p, M_PI);
}
