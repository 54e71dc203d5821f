// Arbitrary-precision integers on GMP's mpn layer. A bignum is a BIGPOS/BIGNEG object whose
// payload is the magnitude's limbs, least significant first, with a non-zero top limb; any
// value that fits a small integer is always a small integer. Results are computed in scratch
// limbs (stack or malloc) and then copied to the process heap in normal form.
#include "bigint.h"

#include <gmp.h>
#include <math.h>
#include <stdlib.h>

#include "heap.h"
#include "process.h"
#include "vm.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(Term), "GMP limbs are 64-bit words");

// Limbs kept on the C stack for scratch results; larger ones use malloc.
#define SCRATCH_LIMBS 32

// A read-only view of an integer term: sign and magnitude limbs.
typedef struct Big {
    const mp_limb_t *d;
    mp_size_t n; // 0 for zero
    bool neg;
    mp_limb_t one; // magnitude storage for a small integer
} Big;

// Scratch limbs for a result.
typedef struct Scratch {
    mp_limb_t *d;
    mp_limb_t local[SCRATCH_LIMBS];
} Scratch;

static void view(Term t, Big *b)
{
    if (term_is_small(t)) {
        int64_t v = term_to_small(t);
        b->neg = v < 0;
        b->one = v < 0 ? (mp_limb_t)0 - (mp_limb_t)v : (mp_limb_t)v;
        b->d = &b->one;
        b->n = v != 0;
        return;
    }
    const Term *obj = term_boxed_ptr(t);
    b->neg = term_header_type(obj[0]) == TERM_TYPE_BIGNEG;
    b->n = (mp_size_t)term_header_size(obj[0]);
    b->d = (const mp_limb_t *)(obj + 1);
}

static mp_limb_t *scratch_get(Scratch *s, mp_size_t n)
{
    s->d = n <= SCRATCH_LIMBS ? s->local : em_malloc((size_t)n * sizeof(mp_limb_t));
    return s->d;
}

static void scratch_free(Scratch *s)
{
    if (s->d != s->local) {
        free(s->d);
    }
}

// The normalised integer term for magnitude [d] of [n] limbs (high zeros allowed), [neg] sign.
static Term make_result(Process *p, const mp_limb_t *d, mp_size_t n, bool neg)
{
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        return term_from_small(0);
    }
    if (n == 1) {
        if (!neg && d[0] <= (mp_limb_t)SMALL_MAX) {
            return term_from_small((int64_t)d[0]);
        }
        if (neg && d[0] <= (mp_limb_t)SMALL_MAX + 1) {
            return term_from_small(-(int64_t)(d[0] - 1) - 1);
        }
    }
    Term *obj = heap_alloc_in(&p->heap, (size_t)n + 1);
    obj[0] = term_make_header(neg ? TERM_TYPE_BIGNEG : TERM_TYPE_BIGPOS, (uint64_t)n);
    memcpy(obj + 1, d, (size_t)n * sizeof(mp_limb_t));
    return term_from_boxed(obj);
}

static Term finish(Process *p, Scratch *s, mp_size_t n, bool neg)
{
    Term r = make_result(p, s->d, n, neg);
    scratch_free(s);
    return r;
}

static int compare_mag(const Big *a, const Big *b)
{
    if (a->n != b->n) {
        return a->n < b->n ? -1 : 1;
    }
    int c = a->n == 0 ? 0 : mpn_cmp(a->d, b->d, a->n);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// a + b where [b_neg] overrides b's sign (so subtraction is addition of the negation).
static Term add_signed(Process *p, const Big *a, const Big *b, bool b_neg)
{
    if (b->n == 0) {
        return make_result(p, a->d, a->n, a->neg);
    }
    if (a->n == 0) {
        return make_result(p, b->d, b->n, b_neg);
    }
    Scratch s;
    if (a->neg == b_neg) {
        const Big *x = a->n >= b->n ? a : b;
        const Big *y = x == a ? b : a;
        mp_limb_t *r = scratch_get(&s, x->n + 1);
        r[x->n] = mpn_add(r, x->d, x->n, y->d, y->n);
        return finish(p, &s, x->n + 1, a->neg);
    }
    int c = compare_mag(a, b);
    if (c == 0) {
        return term_from_small(0);
    }
    const Big *x = c > 0 ? a : b;
    const Big *y = c > 0 ? b : a;
    mp_limb_t *r = scratch_get(&s, x->n);
    mpn_sub(r, x->d, x->n, y->d, y->n);
    return finish(p, &s, x->n, c > 0 ? a->neg : b_neg);
}

Term bigint_add(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        return term_make_int(p, term_to_small(a) + term_to_small(b));
    }
    Big x;
    Big y;
    view(a, &x);
    view(b, &y);
    return add_signed(p, &x, &y, y.neg);
}

Term bigint_sub(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        return term_make_int(p, term_to_small(a) - term_to_small(b));
    }
    Big x;
    Big y;
    view(a, &x);
    view(b, &y);
    return add_signed(p, &x, &y, !y.neg);
}

Term bigint_mul(Process *p, Term a, Term b)
{
    int64_t prod;
    if (term_is_small(a) && term_is_small(b) &&
        !__builtin_mul_overflow(term_to_small(a), term_to_small(b), &prod)) {
        return term_make_int(p, prod);
    }
    Big x;
    Big y;
    view(a, &x);
    view(b, &y);
    if (x.n == 0 || y.n == 0) {
        return term_from_small(0);
    }
    const Big *u = x.n >= y.n ? &x : &y;
    const Big *v = u == &x ? &y : &x;
    Scratch s;
    mp_limb_t *r = scratch_get(&s, u->n + v->n);
    mpn_mul(r, u->d, u->n, v->d, v->n);
    return finish(p, &s, u->n + v->n, x.neg != y.neg);
}

Term bigint_neg(Process *p, Term a)
{
    if (term_is_small(a)) {
        return term_make_int(p, -term_to_small(a));
    }
    Big x;
    view(a, &x);
    return make_result(p, x.d, x.n, !x.neg);
}

// Truncating division of [a] by [b] (b non-zero): quotient and/or remainder.
static void divide(Process *p, Term a, Term b, Term *quot, Term *rem)
{
    Big x;
    Big y;
    view(a, &x);
    view(b, &y);
    if (compare_mag(&x, &y) < 0) {
        *quot = term_from_small(0);
        *rem = a;
        return;
    }
    Scratch qs;
    Scratch rs;
    mp_limb_t *q = scratch_get(&qs, x.n - y.n + 1);
    mp_limb_t *r = scratch_get(&rs, y.n);
    mpn_tdiv_qr(q, r, 0, x.d, x.n, y.d, y.n);
    *quot = finish(p, &qs, x.n - y.n + 1, x.neg != y.neg);
    *rem = finish(p, &rs, y.n, x.neg);
}

Term bigint_div(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        return term_make_int(p, term_to_small(a) / term_to_small(b));
    }
    Term q;
    Term r;
    divide(p, a, b, &q, &r);
    return q;
}

Term bigint_rem(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        return term_from_small(term_to_small(a) % term_to_small(b));
    }
    Term q;
    Term r;
    divide(p, a, b, &q, &r);
    return r;
}

static int sign(Term a)
{
    if (term_is_small(a)) {
        int64_t v = term_to_small(a);
        return v < 0 ? -1 : (v > 0 ? 1 : 0);
    }
    return term_boxed_type(a) == TERM_TYPE_BIGNEG ? -1 : 1;
}

Term bigint_floor_div(Process *p, Term a, Term b)
{
    Term q;
    Term r;
    if (term_is_small(a) && term_is_small(b)) {
        int64_t x = term_to_small(a);
        int64_t y = term_to_small(b);
        int64_t qq = x / y;
        if (x % y != 0 && ((x < 0) != (y < 0))) {
            qq--;
        }
        return term_make_int(p, qq);
    }
    divide(p, a, b, &q, &r);
    if (sign(r) != 0 && sign(r) != sign(b)) {
        q = bigint_sub(p, q, term_from_small(1));
    }
    return q;
}

Term bigint_mod(Process *p, Term a, Term b)
{
    Term r = bigint_rem(p, a, b);
    if (sign(r) != 0 && sign(r) != sign(b)) {
        r = bigint_add(p, r, b);
    }
    return r;
}

Term bigint_pow(Process *p, Term a, uint64_t b)
{
    Term result = term_from_small(1);
    Term base = a;
    while (b > 0) {
        if (b & 1) {
            result = bigint_mul(p, result, base);
        }
        b >>= 1;
        if (b > 0) {
            base = bigint_mul(p, base, base);
        }
    }
    return result;
}

// ==== Bitwise operations (two's complement, sign-extended to a common width) ====

static void to_twos(const Big *x, mp_limb_t *out, mp_size_t n)
{
    for (mp_size_t i = 0; i < n; i++) {
        out[i] = i < x->n ? x->d[i] : 0;
    }
    if (x->neg) {
        mpn_sub_1(out, out, n, 1);
        mpn_com(out, out, n);
    }
}

static Term from_twos(Process *p, Scratch *s, mp_size_t n)
{
    mp_limb_t *d = s->d;
    bool neg = (d[n - 1] >> 63) != 0;
    if (neg) {
        mpn_com(d, d, n);
        mpn_add_1(d, d, n, 1);
    }
    return finish(p, s, n, neg);
}

typedef enum BitOp { BIT_AND, BIT_OR, BIT_XOR } BitOp;

static Term bitwise(Process *p, Term a, Term b, BitOp op)
{
    Big x;
    Big y;
    view(a, &x);
    view(b, &y);
    mp_size_t n = (x.n > y.n ? x.n : y.n) + 1;
    Scratch rs;
    Scratch ts;
    mp_limb_t *r = scratch_get(&rs, n);
    mp_limb_t *t = scratch_get(&ts, n);
    to_twos(&x, r, n);
    to_twos(&y, t, n);
    for (mp_size_t i = 0; i < n; i++) {
        r[i] = op == BIT_AND ? (r[i] & t[i]) : op == BIT_OR ? (r[i] | t[i]) : (r[i] ^ t[i]);
    }
    scratch_free(&ts);
    return from_twos(p, &rs, n);
}

Term bigint_band(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        return term_from_small(term_to_small(a) & term_to_small(b));
    }
    return bitwise(p, a, b, BIT_AND);
}

Term bigint_bor(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        return term_from_small(term_to_small(a) | term_to_small(b));
    }
    return bitwise(p, a, b, BIT_OR);
}

Term bigint_bxor(Process *p, Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        return term_from_small(term_to_small(a) ^ term_to_small(b));
    }
    return bitwise(p, a, b, BIT_XOR);
}

Term bigint_bnot(Process *p, Term a)
{
    return bigint_sub(p, bigint_neg(p, a), term_from_small(1));
}

// Magnitude of [x] shifted left by [shift] bits.
static Term shift_left(Process *p, const Big *x, uint64_t shift)
{
    mp_size_t whole = (mp_size_t)(shift / 64);
    unsigned bits = (unsigned)(shift % 64);
    mp_size_t n = x->n + whole + 1;
    Scratch s;
    mp_limb_t *r = scratch_get(&s, n);
    memset(r, 0, (size_t)whole * sizeof(mp_limb_t));
    if (bits == 0) {
        memcpy(r + whole, x->d, (size_t)x->n * sizeof(mp_limb_t));
        r[n - 1] = 0;
    } else {
        r[n - 1] = mpn_lshift(r + whole, x->d, x->n, bits);
    }
    return finish(p, &s, n, x->neg);
}

// Floor of [x] / 2^[shift] (arithmetic shift right).
static Term shift_right(Process *p, const Big *x, uint64_t shift)
{
    mp_size_t whole = (mp_size_t)(shift / 64);
    unsigned bits = (unsigned)(shift % 64);
    if (whole >= x->n) {
        return term_from_small(x->neg ? -1 : 0);
    }
    mp_size_t n = x->n - whole;
    Scratch s;
    mp_limb_t *r = scratch_get(&s, n + 1);
    // For negatives: -(((m - 1) >> k) + 1) is floor(-m / 2^k).
    memcpy(r, x->d + whole, (size_t)n * sizeof(mp_limb_t));
    if (x->neg) {
        Scratch ms;
        mp_limb_t *m = scratch_get(&ms, x->n);
        mpn_sub_1(m, x->d, x->n, 1);
        memcpy(r, m + whole, (size_t)n * sizeof(mp_limb_t));
        scratch_free(&ms);
    }
    if (bits != 0) {
        mpn_rshift(r, r, n, bits);
    }
    r[n] = 0;
    if (x->neg) {
        mpn_add_1(r, r, n + 1, 1);
    }
    return finish(p, &s, n + 1, x->neg);
}

Term bigint_bsl(Process *p, Term a, int64_t shift)
{
    Big x;
    view(a, &x);
    if (x.n == 0) {
        return term_from_small(0);
    }
    if (shift >= 0) {
        return shift_left(p, &x, (uint64_t)shift);
    }
    return shift_right(p, &x, shift == INT64_MIN ? (uint64_t)INT64_MAX + 1 : (uint64_t)-shift);
}

// ==== Comparison and conversion ====

int bigint_compare(Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t x = term_to_small(a);
        int64_t y = term_to_small(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    Big x;
    Big y;
    view(a, &x);
    view(b, &y);
    if (x.neg != y.neg) {
        return x.neg ? -1 : 1;
    }
    int c = compare_mag(&x, &y);
    return x.neg ? -c : c;
}

// The integer value of finite, integral [t] as a Big over [limbs] (room for 18 limbs: doubles
// have at most 1024 integer bits).
static void view_integral_double(double t, mp_limb_t *limbs, Big *y)
{
    y->neg = t < 0;
    y->d = limbs;
    y->n = 0;
    if (t == 0) {
        return;
    }
    int exp2;
    double frac = frexp(fabs(t), &exp2);
    uint64_t mant = (uint64_t)ldexp(frac, 53);
    int shift = exp2 - 53;
    limbs[0] = mant;
    limbs[1] = 0;
    y->n = 1;
    if (shift > 0) {
        mp_size_t whole = shift / 64;
        unsigned bits = (unsigned)(shift % 64);
        memmove(limbs + whole, limbs, 2 * sizeof(mp_limb_t));
        memset(limbs, 0, (size_t)whole * sizeof(mp_limb_t));
        if (bits != 0) {
            mpn_lshift(limbs + whole, limbs + whole, 2, bits);
        }
        y->n = whole + 2;
    } else {
        limbs[0] = mant >> -shift;
    }
    while (y->n > 0 && limbs[y->n - 1] == 0) {
        y->n--;
    }
}

int bigint_compare_float(Term a, double d)
{
    if (term_is_small(a) && fabs(d) < 4611686018427387904.0) { // 2^62: trunc(d) is small
        int64_t x = term_to_small(a);
        double t = trunc(d);
        int64_t y = (int64_t)t;
        if (x != y) {
            return x < y ? -1 : 1;
        }
        return t < d ? -1 : (t > d ? 1 : 0);
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    // Compare with trunc(d) as an exact integer, then let the fraction break a tie.
    double t = trunc(d);
    mp_limb_t limbs[18] = {0};
    Big y;
    view_integral_double(t, limbs, &y);
    Big x;
    view(a, &x);
    int c;
    if (x.neg != y.neg && (x.n != 0 || y.n != 0)) {
        c = x.neg ? -1 : 1;
    } else {
        c = compare_mag(&x, &y);
        c = x.neg ? -c : c;
    }
    if (c != 0) {
        return c;
    }
    return t < d ? -1 : (t > d ? 1 : 0);
}

double bigint_to_double(Term a)
{
    if (term_is_small(a)) {
        return (double)term_to_small(a);
    }
    Big x;
    view(a, &x);
    // The top 64 significant bits, with a sticky bit for anything below, convert with one
    // correctly rounded (uint64 -> double) step; scaling by a power of two is exact.
    mp_limb_t hi = x.d[x.n - 1];
    unsigned lead = (unsigned)__builtin_clzll(hi);
    mp_limb_t next = x.n >= 2 ? x.d[x.n - 2] : 0;
    uint64_t top = lead == 0 ? hi : (hi << lead) | (next >> (64 - lead));
    bool sticky = lead != 0 && (next << lead) != 0;
    for (mp_size_t i = 0; i + 2 < x.n && !sticky; i++) {
        sticky = x.d[i] != 0;
    }
    if (lead == 0 && x.n >= 2 && next != 0) {
        sticky = true;
    }
    double d = ldexp((double)(top | (sticky ? 1u : 0u)), (int)(64 * (x.n - 1)) - (int)lead);
    return x.neg ? -d : d;
}

Term bigint_from_double(Process *p, double d)
{
    double t = trunc(d);
    if (fabs(t) < 4611686018427387904.0) {
        return term_from_small((int64_t)t);
    }
    int e;
    double frac = frexp(fabs(t), &e);
    uint64_t mant = (uint64_t)ldexp(frac, 53);
    Term m = term_from_small((int64_t)mant);
    Term r = bigint_bsl(p, m, e - 53);
    return t < 0 ? bigint_neg(p, r) : r;
}

void bigint_to_string(Term a, unsigned base, StrBuf *out)
{
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    Big x;
    view(a, &x);
    if (x.n == 0) {
        strbuf_append(out, "0", 1);
        return;
    }
    // mpn_get_str clobbers its input and needs one spare limb.
    Scratch s;
    mp_limb_t *copy = scratch_get(&s, x.n + 1);
    memcpy(copy, x.d, (size_t)x.n * sizeof(mp_limb_t));
    size_t cap = (size_t)x.n * 64 + 2;
    unsigned char *buf = em_malloc(cap);
    size_t len = mpn_get_str(buf, (int)base, copy, x.n);
    size_t skip = 0;
    while (skip + 1 < len && buf[skip] == 0) {
        skip++;
    }
    for (size_t i = skip; i < len; i++) {
        buf[i] = (unsigned char)digits[buf[i]];
    }
    if (x.neg) {
        strbuf_append(out, "-", 1);
    }
    strbuf_append(out, buf + skip, len - skip);
    free(buf);
    scratch_free(&s);
}

static int digit_value(char c)
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

bool bigint_from_string(Process *p, const char *s, size_t len, unsigned base, Term *out)
{
    bool neg = false;
    size_t i = 0;
    if (len > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == len || base < 2 || base > 36) {
        return false;
    }
    while (i + 1 < len && s[i] == '0') {
        i++;
    }
    size_t n = len - i;
    unsigned char *vals = em_malloc(n);
    for (size_t k = 0; k < n; k++) {
        int v = digit_value(s[i + k]);
        if (v >= (int)base) {
            free(vals);
            return false;
        }
        vals[k] = (unsigned char)v;
    }
    Scratch sc;
    mp_size_t limbs = (mp_size_t)(n * 6 / 64 + 2); // 6 > log2(36) bits per digit
    mp_limb_t *r = scratch_get(&sc, limbs);
    mp_size_t used = mpn_set_str(r, vals, n, (int)base);
    free(vals);
    *out = finish(p, &sc, used, neg);
    return true;
}

bool bigint_to_int64(Term a, int64_t *out)
{
    if (term_is_small(a)) {
        *out = term_to_small(a);
        return true;
    }
    Big x;
    view(a, &x);
    if (x.n != 1) {
        return false;
    }
    if (!x.neg && x.d[0] <= (mp_limb_t)INT64_MAX) {
        *out = (int64_t)x.d[0];
        return true;
    }
    if (x.neg && x.d[0] <= (mp_limb_t)INT64_MAX + 1) {
        *out = x.d[0] == (mp_limb_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)x.d[0];
        return true;
    }
    return false;
}

// ==== Bytes (the bit syntax) ====

Term bigint_from_bytes(Process *p, const uint8_t *be, size_t len, size_t nbits, bool is_signed)
{
    Scratch s;
    mp_size_t n = (mp_size_t)(len / sizeof(mp_limb_t) + 1);
    mp_limb_t *d = scratch_get(&s, n);
    for (mp_size_t i = 0; i < n; i++) {
        d[i] = 0;
    }
    for (size_t i = 0; i < len; i++) { // be[len - 1] is the least significant byte
        d[i / sizeof(mp_limb_t)] |= (mp_limb_t)be[len - 1 - i] << (8 * (i % sizeof(mp_limb_t)));
    }
    bool neg = is_signed && nbits > 0 && ((d[(nbits - 1) / 64] >> ((nbits - 1) % 64)) & 1);
    if (neg) { // magnitude = 2^nbits - value: complement within nbits bits, plus one
        for (mp_size_t i = 0; i < n; i++) {
            size_t first_bit = (size_t)i * 64;
            mp_limb_t keep = first_bit >= nbits            ? 0
                             : nbits - first_bit >= 64 ? ~(mp_limb_t)0
                                                        : ((mp_limb_t)1 << (nbits - first_bit)) - 1;
            d[i] = ~d[i] & keep;
        }
        mpn_add_1(d, d, n, 1);
    }
    return finish(p, &s, n, neg);
}

void bigint_to_bytes(Term a, uint8_t *be, size_t len)
{
    Big x;
    view(a, &x);
    Scratch s;
    mp_limb_t *d = scratch_get(&s, x.n > 0 ? x.n : 1);
    for (mp_size_t i = 0; i < x.n; i++) {
        d[i] = x.d[i];
    }
    if (x.neg) { // two's complement: ~(magnitude - 1)
        mpn_sub_1(d, d, x.n, 1);
    }
    for (size_t i = 0; i < len; i++) {
        size_t limb = i / sizeof(mp_limb_t);
        uint8_t byte = (mp_size_t)limb < x.n ? (uint8_t)(d[limb] >> (8 * (i % sizeof(mp_limb_t)))) : 0;
        be[len - 1 - i] = x.neg ? (uint8_t)~byte : byte;
    }
    scratch_free(&s);
}
