// The bit-syntax mechanism (vm/bitstring.c): bit copies at every offset against a bit-by-bit
// reference, bit-order comparison, and construct-then-match round trips of integers of every
// size from 1 to 200 bits in each signedness and byte order, floats and utf code points.
#include <criterion/criterion.h>
#include <string.h>

#include "bigint.h"
#include "bitstring.h"
#include "bytecode.h"
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

TestSuite(bitstring, .init = setup, .fini = teardown, .timeout = 30);

static int bit_at(const uint8_t *b, size_t i)
{
    return (b[i / 8] >> (7 - i % 8)) & 1;
}

Test(bitstring, copy_matches_bit_by_bit_reference)
{
    uint8_t src[24];
    uint32_t seed = 7;
    for (size_t i = 0; i < sizeof src; i++) {
        seed = seed * 1103515245u + 12345u;
        src[i] = (uint8_t)(seed >> 16);
    }
    for (size_t src_off = 0; src_off < 16; src_off++) {
        for (size_t dst_off = 0; dst_off < 16; dst_off++) {
            for (size_t n = 0; n <= 150; n += 7) {
                uint8_t dst[24];
                uint8_t want[24];
                memset(dst, 0xA5, sizeof dst);
                memcpy(want, dst, sizeof dst);
                for (size_t i = 0; i < n; i++) {
                    size_t d = dst_off + i;
                    want[d / 8] = (uint8_t)((want[d / 8] & ~(0x80 >> d % 8)) |
                                            (bit_at(src, src_off + i) << (7 - d % 8)));
                }
                bits_copy(dst, dst_off, src, src_off, n);
                cr_assert_arr_eq(dst, want, sizeof dst, "src_off %zu dst_off %zu n %zu", src_off,
                                 dst_off, n);
            }
        }
    }
}

Test(bitstring, compare_is_bit_order_with_prefix_first)
{
    const uint8_t a[] = {0x20}; // 001 as 3 bits
    const uint8_t b[] = {0x10}; // 0001 as 4 bits
    cr_expect_gt(bits_compare(a, 3, b, 4), 0);
    cr_expect_lt(bits_compare(a, 2, a, 3), 0);
    cr_expect_eq(bits_compare(a, 3, a, 3), 0);
    const uint8_t c[] = {'a', 'b', 0x80};
    const uint8_t d[] = {'a', 'b'};
    cr_expect_gt(bits_compare(c, 17, d, 16), 0);
    cr_expect_lt(bits_compare(d, 16, c, 17), 0);
}

static uint32_t int_desc(uint32_t flags)
{
    return BS_TYPE_INTEGER | flags | 1u << BS_UNIT_SHIFT;
}

// Builds <<v::size(n)-flags>> after a 3-bit prefix (so fields cross byte boundaries) and
// matches it back.
static Term round_trip(Term v, int64_t n, uint32_t flags)
{
    Term pre = bits_build_segment(proc, term_from_small(5), int_desc(0), term_from_small(3), 1);
    Term seg = bits_build_segment(proc, v, int_desc(flags), term_from_small(n), 2);
    cr_assert_neq(seg, TERM_NONE);
    cr_assert_eq(bits_size_of(seg), (size_t)n);
    Term parts[2] = {pre, seg};
    Term whole = bits_concat(proc, parts, 2);
    size_t offset = 3;
    Term out;
    cr_assert(bits_match_segment(proc, whole, &offset, int_desc(flags), n, &out));
    cr_assert_eq(offset, (size_t)n + 3);
    return out;
}

Test(bitstring, integers_round_trip_every_size_and_order)
{
    static const uint32_t orders[] = {0, BS_FLAG_LITTLE, BS_FLAG_NATIVE};
    for (int64_t n = 1; n <= 200; n++) {
        // 2^(n-1) - 1 (the largest signed value), built with bigint so n > 63 works
        Term top = bigint_sub(proc, bigint_pow(proc, term_from_small(2), (uint64_t)(n - 1)),
                              term_from_small(1));
        Term low = bigint_neg(proc, bigint_add(proc, top, term_from_small(1)));
        for (size_t o = 0; o < 3; o++) {
            Term u = round_trip(top, n, orders[o]);
            cr_expect(term_exact_equal(u, top), "unsigned n=%lld order=%zu", (long long)n, o);
            Term s = round_trip(low, n, orders[o] | BS_FLAG_SIGNED);
            cr_expect(term_exact_equal(s, low), "signed n=%lld order=%zu", (long long)n, o);
            Term m = round_trip(term_from_small(-1), n, orders[o]); // all ones, unsigned
            Term ones = bigint_sub(proc, bigint_pow(proc, term_from_small(2), (uint64_t)n),
                                   term_from_small(1));
            cr_expect(term_exact_equal(m, ones), "-1 as unsigned n=%lld", (long long)n);
        }
    }
}

Test(bitstring, floats_and_utf_round_trip)
{
    static const int64_t sizes[] = {16, 32, 64};
    for (size_t i = 0; i < 3; i++) {
        uint32_t desc = BS_TYPE_FLOAT | BS_FLAG_LITTLE | 1u << BS_UNIT_SHIFT;
        Term bin = bits_build_segment(proc, term_make_float(proc, -1.5), desc,
                                      term_from_small(sizes[i]), 1);
        size_t offset = 0;
        Term out;
        cr_assert(bits_match_segment(proc, bin, &offset, desc, sizes[i], &out));
        cr_expect(term_is_float(out) && term_to_float(out) == -1.5);
    }
    static const uint32_t utf[] = {BS_TYPE_UTF8, BS_TYPE_UTF16, BS_TYPE_UTF32};
    static const int64_t points[] = {0, 0x7F, 0x80, 0x7FF, 0xFFFF, 0x10000, 0x10FFFF};
    for (size_t t = 0; t < 3; t++) {
        for (size_t k = 0; k < sizeof points / sizeof points[0]; k++) {
            Term bin = bits_build_segment(proc, term_from_small(points[k]), utf[t],
                                          term_nil_atom(), 1);
            size_t offset = 0;
            Term out;
            cr_assert(bits_match_segment(proc, bin, &offset, utf[t], 0, &out));
            cr_expect_eq(term_to_small(out), points[k]);
            cr_expect_eq(offset, bits_size_of(bin));
        }
    }
}

Test(bitstring, short_input_never_matches)
{
    Term bin = term_make_binary(proc, "ab", 2);
    size_t offset = 0;
    Term out;
    cr_expect(!bits_match_segment(proc, bin, &offset, int_desc(0), 17, &out));
    cr_expect(!bits_match_segment(proc, bin, &offset, int_desc(0), -1, &out));
    offset = 17; // past the end: refused, never read
    cr_expect(!bits_match_segment(proc, bin, &offset, int_desc(0), 0, &out));
    offset = 12;
    cr_expect(!bits_match_segment(proc, bin, &offset, BS_TYPE_UTF8, 0, &out));
}
