// The bit syntax at run time: reading and writing bit fields of any length at any bit offset
// (most significant bit first, as Erlang numbers the bits of a bitstring), and the segment
// codecs of `<<...>>` (integer, float, binary/bitstring, utf8/16/32) shared by pattern matching
// (the BS_* instructions) and construction (:ember_bin.put/4). Segment descriptors are the
// BS_* constants of bytecode.h, written by compiler/binary.c.
#ifndef EMBER_VM_BITSTRING_H
#define EMBER_VM_BITSTRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bytecode.h"
#include "refc_binary.h"
#include "term.h"

// The number of bits of bitstring [t].
static inline size_t bits_size_of(Term t)
{
    size_t size;
    term_binary_bytes(t, &size);
    return size * 8 + term_bitstring_tail_bits(t);
}

// The bytes of bitstring [t] (checked by the caller) and its size in bits: term_binary_bytes,
// inline for the matching fast path.
static inline const uint8_t *bits_view(Term t, size_t *bits)
{
    const Term *obj = term_boxed_ptr(t);
    size_t offset = 0;
    *bits = (size_t)obj[1] * 8;
    if (term_header_type(obj[0]) == TERM_TYPE_SUBBIN) {
        *bits += (size_t)obj[3];
        offset = (size_t)obj[2];
        obj = term_boxed_ptr(obj[4]);
    }
    const uint8_t *base = term_header_type(obj[0]) == TERM_TYPE_HEAPBIN
                              ? (const uint8_t *)(obj + 2)
                              : ((const RefcBinary *)(uintptr_t)obj[2])->data;
    return base + offset;
}

// The descriptor of `<<c, ...>>`: an unsigned big-endian 8-bit integer (the fast path of BS_GET).
#define BS_DESC_BYTE (BS_TYPE_INTEGER | 1u << BS_UNIT_SHIFT | 8u << BS_SIZE_SHIFT)

// Copies [n] bits from bit [src_off] of [src] to bit [dst_off] of [dst]. Bits of [dst]
// outside the destination range keep their values. The ranges must not overlap.
void bits_copy(uint8_t *dst, size_t dst_off, const uint8_t *src, size_t src_off, size_t n);

// Erlang's order of two bit sequences: bit by bit, a prefix before the longer sequence.
int bits_compare(const uint8_t *a, size_t a_bits, const uint8_t *b, size_t b_bits);

// Concatenates the bitstrings [parts] ([count] of them, each checked with
// term_is_bitstring by the caller) into one new bitstring.
Term bits_concat(Process *p, const Term *parts, uint32_t count);

// Matches one segment described by [desc] (BS_* flags, unit) of [size] units (ignored for
// BS_FLAG_ALL and utf types) at bit *[offset] of bitstring [bin]. On success stores the value
// in *[out], advances *[offset] and returns true; returns false when the segment does not
// match (too few bits, a float that is not finite, an invalid code point, ...).
bool bits_match_segment(Process *p, Term bin, size_t *offset, uint32_t desc, int64_t size,
                        Term *out);

// Matches the bytes of binary [lit] at bit *[offset] of bitstring [bin]; advances *[offset]
// past them and returns true when they are there.
bool bits_match_bytes(Term bin, size_t *offset, Term lit);

// Builds segment [index] (1-based, for messages) of a construction: [value] encoded as
// [desc] with [size] units ([size] is the atom nil for a binary or bitstring taking the whole
// value, and for utf types). Returns the bitstring, or TERM_NONE after raising Elixir's ArgumentError.
Term bits_build_segment(Process *p, Term value, uint32_t desc, Term size, uint32_t index);

#endif
