// The .emb module format: what the compiler writes (compiler/bcwrite.c) and the loader reads
// (vm/loader.c). All integers are little-endian. Shared by compiler/ and vm/; it describes bytes
// only, no VM types. docs/bytecode.md explains the layout with diagrams.
#ifndef EMBER_VM_BYTECODE_H
#define EMBER_VM_BYTECODE_H

#include <stdint.h>

// File header (16 bytes): magic, format version, FNV-1a 32-bit checksum of the body, body size.
#define EMB_MAGIC "EMB\x1a"
#define EMB_FORMAT_VERSION 2u
#define EMB_HEADER_SIZE 16u

// The body is a sequence of sections, each `u32 id, u32 size, size bytes`, every id exactly
// once and in increasing order.
typedef enum EmbSection {
    EMB_SEC_ATOMS = 1,     // u32 count; count x (u32 len, len bytes). Atom 0 is the module name.
    EMB_SEC_LITERALS = 2,  // u32 count; count x literal (EmbLiteralTag encoding below)
    EMB_SEC_IMPORTS = 3,   // u32 count; count x (u32 module atom, u32 function atom, u32 arity)
    EMB_SEC_FUNCTIONS = 4, // u32 count; count x EmbFunction (7 x u32)
    EMB_SEC_CODE = 5,      // u32 word count; the instruction words
    EMB_SEC_LINES = 6,     // u32 count; count x (u32 code offset, u32 line), offsets increasing
    EMB_SEC_SOURCE = 7,    // u32 len, len bytes: the source file name, for stack traces
    EMB_SEC_COUNT_PLUS_ONE
} EmbSection;

// A function entry: 7 u32 words in this order.
typedef struct EmbFunction {
    uint32_t name_atom;  // index into the module's atom table
    uint32_t arity;      // parameters, in R[0] .. R[arity-1] on entry
    uint32_t free_count; // lambdas: captured values, in R[arity] .. R[arity+free_count-1]
    uint32_t frame_size; // registers used (<= 256); >= arity + free_count
    uint32_t flags;      // EMB_FN_*
    uint32_t code_offset; // first word in the code section
    uint32_t code_len;    // words
} EmbFunction;

enum {
    EMB_FN_EXPORTED = 1u << 0, // def (public); defp and lambdas are not exported
    EMB_FN_LAMBDA = 1u << 1,   // body of an fn; made into a closure by MAKE_CLOSURE
};

// Literal encoding: one tag byte, then the payload.
typedef enum EmbLiteralTag {
    EMB_LIT_INT = 1,    // i64
    EMB_LIT_BIGINT = 2, // u8 negative(0/1), u32 len, len ASCII decimal digits (no sign)
    EMB_LIT_FLOAT = 3,  // the 8 bytes of an IEEE double
    EMB_LIT_ATOM = 4,   // u32 atom index
    EMB_LIT_BINARY = 5, // u32 len, len bytes
    EMB_LIT_NIL = 6,    // []
    EMB_LIT_LIST = 7,   // u32 n, n literals, then the tail literal (EMB_LIT_NIL for a proper list)
    EMB_LIT_TUPLE = 8,  // u32 n, n literals
    EMB_LIT_MAP = 9,    // u32 n, n x (key literal, value literal)
} EmbLiteralTag;

// A term blob carries one term between the compiler and the VM (Code.string_to_quoted,
// Code.eval_quoted): u32 atom count, count x (u32 len, len bytes of atom text), then one
// literal in the encoding above whose EMB_LIT_ATOM indexes refer to that atom table.

// Bit-syntax segment descriptors: the i operand of BS_GET and the second argument of
// :ember_bin.put/4. Bits 0-2 the type, 3-7 flags, 8-16 the unit (1..256, bits per size
// unit), 17-30 an immediate size (BS_GET without BS_FLAG_SIZE_REG).
typedef enum EmbBitsType {
    BS_TYPE_INTEGER = 0,
    BS_TYPE_FLOAT = 1,
    BS_TYPE_BINARY = 2, // whole bytes: the match fails (construction raises) otherwise
    BS_TYPE_BITSTRING = 3,
    BS_TYPE_UTF8 = 4,
    BS_TYPE_UTF16 = 5,
    BS_TYPE_UTF32 = 6,
} EmbBitsType;
#define BS_TYPE_MASK 0x7u
#define BS_FLAG_SIGNED 0x08u
#define BS_FLAG_LITTLE 0x10u
#define BS_FLAG_NATIVE 0x20u   // the machine's byte order (little on x86-64 and aarch64)
#define BS_FLAG_ALL 0x40u      // binary/bitstring without a size: everything that is left
#define BS_FLAG_SIZE_REG 0x80u // BS_GET: the size is in register r2, not in bits 16-30
#define BS_UNIT_SHIFT 8u
#define BS_UNIT_MASK 0x1FFu
#define BS_SIZE_SHIFT 17u
#define BS_SIZE_MAX 0x3FFFu // larger sizes go through a register

// Literals nest at most this deep; the loader refuses deeper ones (no C-stack exhaustion).
#define EMB_LITERAL_MAX_DEPTH 512

// Upper bounds the loader enforces before allocating anything.
#define EMB_MAX_REGISTERS 256
#define EMB_MAX_ARITY 255

// FNV-1a over [size] bytes of [data]: the checksum in the header.
static inline uint32_t emb_checksum(const uint8_t *data, uint32_t size)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < size; i++) {
        h ^= data[i];
        h *= 16777619u;
    }
    return h;
}

#endif
