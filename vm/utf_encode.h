// Encoding one Unicode code point as UTF-8, UTF-16 or UTF-32 bytes, the way the bit syntax
// writes utf8/utf16/utf32 segments. Bytes only, no VM types: shared by the VM (vm/bitstring.c)
// and the compiler (literal strings in `<<"abc"::utf16>>`, compiler/binary.c), like bytecode.h.
#ifndef EMBER_VM_UTF_ENCODE_H
#define EMBER_VM_UTF_ENCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Writes code point [c] (0..0x10FFFF, not a surrogate: the caller checked) to [out] (room
// for 4 bytes) in UTF-[unit_bits] (8, 16 or 32), [little]-endian for 16 and 32; returns the
// byte count.
static inline size_t utf_encode(unsigned unit_bits, bool little, uint32_t c, uint8_t *out)
{
    if (unit_bits == 8) {
        if (c < 0x80) {
            out[0] = (uint8_t)c;
            return 1;
        }
        size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        static const uint8_t lead[5] = {0, 0, 0xC0, 0xE0, 0xF0};
        for (size_t i = n - 1; i > 0; i--) {
            out[i] = (uint8_t)(0x80 | (c & 0x3F));
            c >>= 6;
        }
        out[0] = (uint8_t)(lead[n] | c);
        return n;
    }
    uint32_t words[2] = {c, 0};
    size_t count = 1;
    size_t unit = unit_bits / 8;
    if (unit_bits == 16 && c >= 0x10000) { // a surrogate pair
        words[0] = 0xD800 + ((c - 0x10000) >> 10);
        words[1] = 0xDC00 + ((c - 0x10000) & 0x3FF);
        count = 2;
    }
    for (size_t w = 0; w < count; w++) {
        for (size_t i = 0; i < unit; i++) {
            out[w * unit + (little ? i : unit - 1 - i)] = (uint8_t)(words[w] >> (8 * i));
        }
    }
    return count * unit;
}

#endif
