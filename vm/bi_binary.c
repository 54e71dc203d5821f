// Segments of bitstring construction `<<x, y::16-little, f::float, s::binary-size(2)>>`: the
// code generator turns each segment that is not a literal string into a call of
// :ember_bin.put/4, then joins the pieces with one BS_CONCAT (compiler/binary.c).
#include "bitstring.h"
#include "builtins.h"
#include "error.h"
#include "process.h"

// :ember_bin.put(value, descriptor, size, index): segment number [index] (for messages) of a
// construction, [value] encoded as the BS_* [descriptor] of bytecode.h with [size] units
// (nil: the whole value for binaries and bitstrings; ignored for utf types).
Term bi_ember_bin_put_4(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || !term_is_small(args[3]) || term_to_small(args[1]) < 0 ||
        term_to_small(args[1]) > UINT32_MAX || term_to_small(args[3]) < 1) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    return bits_build_segment(p, args[0], (uint32_t)term_to_small(args[1]), args[2],
                              (uint32_t)term_to_small(args[3]));
}
