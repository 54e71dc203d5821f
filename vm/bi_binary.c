// Segments of binary construction `<<x, y::16, c::utf8>>`: the code generator turns each
// non-binary segment into one of these, then concatenates the pieces with BIN_CONCAT.
#include "builtins.h"
#include "error.h"
#include "process.h"

// :ember_bin.int(value, bits): the low [bits] bits of integer [value], big-endian, as a
// binary of bits/8 bytes (bits a multiple of 8 up to 64), like <<value::size(bits)>>.
Term bi_ember_bin_int_2(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 8 || term_to_small(args[1]) > 64 ||
        term_to_small(args[1]) % 8 != 0) {
        return error_raise(p, ERR_ARGUMENT, "unsupported binary segment size");
    }
    if (!term_is_integer(args[0])) {
        return error_raise(p, ERR_ARGUMENT, "construction of binary failed: expected an integer");
    }
    size_t n = (size_t)(term_to_small(args[1]) / 8);
    uint64_t v = term_is_small(args[0]) ? (uint64_t)term_to_small(args[0]) : 0;
    uint8_t *out;
    Term bin = term_make_binary_uninit(p, n, &out);
    for (size_t i = 0; i < n; i++) {
        out[n - 1 - i] = (uint8_t)(v >> (8 * i));
    }
    return bin;
}

// :ember_bin.utf8(code_point): the UTF-8 encoding, like <<c::utf8>>.
Term bi_ember_bin_utf8_1(Process *p, Term *args)
{
    int64_t c = term_is_small(args[0]) ? term_to_small(args[0]) : -1;
    if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return error_raise(p, ERR_ARGUMENT, "construction of binary failed: invalid code point");
    }
    uint8_t u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (uint8_t)c;
        n = 1;
    } else if (c < 0x800) {
        u[0] = (uint8_t)(0xC0 | (c >> 6));
        u[1] = (uint8_t)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        u[0] = (uint8_t)(0xE0 | (c >> 12));
        u[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (uint8_t)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        u[0] = (uint8_t)(0xF0 | (c >> 18));
        u[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        u[3] = (uint8_t)(0x80 | (c & 0x3F));
        n = 4;
    }
    return term_make_binary(p, u, n);
}
