// The external term format (vm/etf/): encoder bytes for terms whose OTP 25 encoding is known,
// external size, the decoder refusing forged lengths before it allocates anything, :safe,
// terms Ember cannot represent (other nodes' pids, sub-byte bitstrings, unknown funs), deep
// nesting without C recursion, and the bounded inflate.
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>

#include "etf.h"
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

TestSuite(etf, .init = setup, .fini = teardown, .timeout = 30);

static EtfDecodeStatus decode(const uint8_t *bytes, size_t size, bool is_safe, Term *out)
{
    size_t used;
    size_t work;
    return etf_decode(proc, bytes, size, is_safe, out, &used, &work);
}

// The source is an array, not a pointer: Criterion runs each case in a fresh process.
typedef struct EncodeCase {
    char src[32];
    uint8_t bytes[32];
    size_t size;
} EncodeCase;

// Expected bytes printed by OTP 25's term_to_binary (erl -noshell -eval).
static EncodeCase encode_cases[] = {
    {"256", {131, 98, 0, 0, 1, 0}, 6},
    {"-2147483649", {131, 110, 4, 1, 1, 0, 0, 128}, 8},
    {":abc", {131, 100, 0, 3, 97, 98, 99}, 7},
    {":λ", {131, 119, 2, 206, 187}, 5},
    {"-0.0", {131, 70, 128, 0, 0, 0, 0, 0, 0, 0}, 10},
    {"[1, 2 | 3]", {131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 97, 3}, 12},
    {"%{1.0 => :a, 2 => :b}",
     {131, 116, 0, 0, 0, 2, 97, 2, 100, 0, 1, 98, 70, 63, 240, 0, 0, 0, 0, 0, 0, 100, 0, 1, 97},
     25},
};

ParameterizedTestParameters(etf, encode_matches_otp)
{
    return cr_make_param_array(EncodeCase, encode_cases, sizeof encode_cases / sizeof *encode_cases);
}

ParameterizedTest(EncodeCase *c, etf, encode_matches_otp)
{
    Term t = fixture_parse(proc, c->src);
    cr_assert_neq(t, TERM_NONE);
    uint8_t *enc;
    size_t size;
    etf_encode(vm->atoms, t, ETF_MINOR_DEFAULT, &enc, &size);
    cr_expect_eq(size, c->size, "%s: %zu bytes", c->src, size);
    cr_expect_arr_eq(enc, c->bytes, c->size < size ? c->size : size, "%s", c->src);
    size_t counted;
    etf_encoded_size(vm->atoms, t, ETF_MINOR_DEFAULT, &counted);
    cr_expect_eq(counted, size);
    Term back;
    cr_expect_eq(decode(enc, size, false, &back), ETF_DECODE_OK);
    cr_expect(term_exact_equal(back, t), "%s round trip", c->src);
    free(enc);
}

Test(etf, forged_lengths_fail_before_allocating)
{
    static const uint8_t forged[][12] = {
        {131, 108, 255, 255, 255, 255, 106},             // list of 4G elements
        {131, 105, 255, 255, 255, 255, 97, 1},           // tuple of 4G elements
        {131, 116, 127, 255, 255, 255, 97, 1, 97, 2},    // map of 2G pairs
        {131, 109, 255, 255, 255, 255, 1, 2, 3},         // binary of 4G bytes
        {131, 111, 255, 255, 255, 255, 0, 1},            // bignum of 4G digits
        {131, 104, 3, 97, 1, 104, 2, 109, 0, 0, 0, 9},   // a truncated inner binary
    };
    size_t before = heap_used_words(&proc->heap);
    for (size_t i = 0; i < sizeof forged / sizeof *forged; i++) {
        Term t;
        cr_expect_eq(decode(forged[i], sizeof forged[i], false, &t), ETF_DECODE_INVALID, "#%zu", i);
    }
    cr_expect_eq(heap_used_words(&proc->heap), before, "nothing allocated for invalid input");
}

Test(etf, safe_refuses_only_new_atoms)
{
    static const uint8_t known[] = {131, 100, 0, 2, 'o', 'k'};
    static const uint8_t fresh[] = {131, 100, 0, 9, 'n', 'e', 'v', 'e', 'r', '_', 's', 'e', 'e'};
    Term t;
    cr_expect_eq(decode(known, sizeof known, true, &t), ETF_DECODE_OK);
    cr_expect_eq(decode(fresh, sizeof fresh, true, &t), ETF_DECODE_UNSAFE);
    uint32_t index;
    cr_expect_not(atom_lookup(vm->atoms, "never_see", 9, &index), "no atom was created");
    cr_expect_eq(decode(fresh, sizeof fresh, false, &t), ETF_DECODE_OK);
    cr_expect(atom_lookup(vm->atoms, "never_see", 9, &index));
}

Test(etf, unrepresentable_terms_are_refused)
{
    static const uint8_t other_node_pid[] = {131, 88, 100, 0, 5, 'a', '@', 'b', 'c', 'd',
                                             0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    static const uint8_t creation_pid[] = {131, 88, 100, 0, 13, 'n', 'o', 'n', 'o', 'd', 'e',
                                           '@', 'n', 'o', 'h', 'o', 's', 't', 0, 0, 0, 1,
                                           0, 0, 0, 0, 0, 0, 0, 7};
    static const uint8_t port[] = {131, 89, 100, 0, 1, 'n', 0, 0, 0, 1, 0, 0, 0, 0};
    static const uint8_t unknown_fun[] = {131, 112, 0, 0, 0, 60, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8,
                                          9, 10, 11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 0,
                                          100, 0, 1, 'm', 97, 0, 97, 0, 88, 100, 0, 1, 'n', 0,
                                          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    static const uint8_t internal_atom_index[] = {131, 73, 0, 1}; // BEAM-internal tag 'I'
    Term t;
    cr_expect_eq(decode(internal_atom_index, sizeof internal_atom_index, false, &t),
                 ETF_DECODE_INVALID);
    cr_expect_eq(decode(other_node_pid, sizeof other_node_pid, false, &t), ETF_DECODE_INVALID);
    cr_expect_eq(decode(creation_pid, sizeof creation_pid, false, &t), ETF_DECODE_INVALID);
    cr_expect_eq(decode(port, sizeof port, false, &t), ETF_DECODE_INVALID);
    cr_expect_eq(decode(unknown_fun, sizeof unknown_fun, false, &t), ETF_DECODE_INVALID);
}

Test(etf, bit_binary_decodes_to_a_bitstring)
{
    static const uint8_t three_bits[] = {131, 77, 0, 0, 0, 1, 3, 0xff}; // low bits ignored
    static const uint8_t zero_bits[] = {131, 77, 0, 0, 0, 1, 0, 0xff};  // 1..8 bits only
    Term t;
    cr_assert_eq(decode(three_bits, sizeof three_bits, false, &t), ETF_DECODE_OK);
    cr_expect(term_is_bitstring(t) && !term_is_binary(t));
    cr_expect_eq(term_bitstring_tail_bits(t), 3u);
    size_t size;
    const uint8_t *bytes = term_binary_bytes(t, &size);
    cr_expect_eq(size, 0u);
    cr_expect_eq(bytes[0], 0xe0);
    cr_expect_eq(decode(zero_bits, sizeof zero_bits, false, &t), ETF_DECODE_INVALID);
}

Test(etf, deep_nesting_needs_no_c_stack)
{
    // 1,000,000 nested one-element tuples: {{{...[]...}}}
    size_t depth = 1000000;
    size_t size = 1 + 2 * depth + 1;
    uint8_t *bytes = malloc(size);
    bytes[0] = ETF_VERSION;
    for (size_t i = 0; i < depth; i++) {
        bytes[1 + 2 * i] = ETF_SMALL_TUPLE;
        bytes[2 + 2 * i] = 1;
    }
    bytes[size - 1] = ETF_NIL;
    Term t;
    cr_assert_eq(decode(bytes, size, false, &t), ETF_DECODE_OK);
    uint8_t *again;
    size_t again_size;
    etf_encode(vm->atoms, t, ETF_MINOR_DEFAULT, &again, &again_size);
    cr_expect_eq(again_size, size);
    cr_expect_arr_eq(again, bytes, size);
    free(again);
    free(bytes);
}

Test(etf, inflate_is_bounded_by_the_declared_size)
{
    Term t = fixture_parse(proc, "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "
                                 "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]");
    uint8_t *enc;
    size_t size;
    etf_encode(vm->atoms, t, ETF_MINOR_DEFAULT, &enc, &size);
    uint8_t *packed;
    size_t packed_size;
    cr_assert(etf_compress(enc, size, 9, &packed, &packed_size));
    cr_expect_lt(packed_size, size);
    uint8_t *plain;
    size_t z_used;
    cr_expect(etf_inflate(packed + 6, packed_size - 6, size - 1, &plain, &z_used));
    cr_expect_arr_eq(plain, enc + 1, size - 1);
    cr_expect_eq(z_used, packed_size - 6);
    free(plain);
    cr_expect_not(etf_inflate(packed + 6, packed_size - 6, size - 2, &plain, &z_used), "small");
    cr_expect_not(etf_inflate(packed + 6, packed_size - 6, size, &plain, &z_used), "large");
    cr_expect_not(etf_inflate(packed + 6, packed_size - 7, size - 1, &plain, &z_used), "cut");
    Term back;
    cr_expect_eq(decode(packed, packed_size, false, &back), ETF_DECODE_OK);
    cr_expect(term_exact_equal(back, t));
    free(packed);
    free(enc);
}

Test(etf, trailing_bytes_are_not_used)
{
    static const uint8_t bytes[] = {131, 104, 2, 97, 1, 106, 99, 99, 99};
    Term t;
    size_t used;
    size_t work;
    cr_assert_eq(etf_decode(proc, bytes, sizeof bytes, false, &t, &used, &work), ETF_DECODE_OK);
    cr_expect_eq(used, 6u);
}
