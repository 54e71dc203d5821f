// Integer arithmetic beyond small integers, on GMP's mpn layer with limbs on the process heap.
// Every function accepts small ints and bignums alike and returns a normalised result: a small
// integer whenever the value fits, so equal values always have one representation.
#ifndef EMBER_VM_BIGINT_H
#define EMBER_VM_BIGINT_H

#include <stdbool.h>
#include <stdint.h>

#include "inspect.h"
#include "term.h"

// a + b, a - b, a * b for integer terms [a], [b] (callers check term_is_integer).
Term bigint_add(Process *p, Term a, Term b);
Term bigint_sub(Process *p, Term a, Term b);
Term bigint_mul(Process *p, Term a, Term b);
Term bigint_neg(Process *p, Term a);
// Truncating division and remainder (Kernel.div/rem semantics; `div` truncates toward zero
// like Erlang's `div`). [b] is non-zero (callers raise ArithmeticError first).
Term bigint_div(Process *p, Term a, Term b);
Term bigint_rem(Process *p, Term a, Term b);
// Integer.floor_div / Integer.mod: floored division and modulo (sign of the divisor).
Term bigint_floor_div(Process *p, Term a, Term b);
Term bigint_mod(Process *p, Term a, Term b);
// a ** b for b >= 0 (Integer.pow).
Term bigint_pow(Process *p, Term a, uint64_t b);
// Bitwise and, or, xor, bsl (shift left; negative shifts right), bnot.
Term bigint_band(Process *p, Term a, Term b);
Term bigint_bor(Process *p, Term a, Term b);
Term bigint_bxor(Process *p, Term a, Term b);
Term bigint_bsl(Process *p, Term a, int64_t shift);
Term bigint_bnot(Process *p, Term a);
// <0, 0, >0 comparing integers [a] and [b].
int bigint_compare(Term a, Term b);
// <0, 0, >0 comparing integer [a] with double [d] exactly (no rounding of [a]).
int bigint_compare_float(Term a, double d);
// The nearest double to integer [a] (may be +-inf for huge values: callers check).
double bigint_to_double(Term a);
// Integer value of double [d] truncated toward zero ([d] finite).
Term bigint_from_double(Process *p, double d);
// Appends integer [a] in [base] (2..36, upper-case digits as Integer.to_string does).
void bigint_to_string(Term a, unsigned base, StrBuf *out);
// Parses [len] bytes of [s] as an optionally signed integer in [base]; false on bad syntax.
bool bigint_from_string(Process *p, const char *s, size_t len, unsigned base, Term *out);
// True when integer [a] fits in int64; stores it in *[out].
bool bigint_to_int64(Term a, int64_t *out);

// The integer whose [nbits]-bit two's complement ([is_signed]) or unsigned representation is
// the low bits of the big-endian bytes [be] ([len] bytes, len * 8 >= nbits; higher bits 0).
Term bigint_from_bytes(Process *p, const uint8_t *be, size_t len, size_t nbits, bool is_signed);
// Writes the low [len] * 8 bits of integer [a] (two's complement when negative) to [be],
// most significant byte first.
void bigint_to_bytes(Term a, uint8_t *be, size_t len);

#endif
