// The instruction set, derived from opcodes.def: opcode enum, per-opcode name, signature and
// flags, and the decoding helpers shared by interp.c, disasm.c, verify.c and the compiler's
// emitter. The only vm header (with bytecode.h) that compiler/ may include.
#ifndef EMBER_VM_OPCODES_H
#define EMBER_VM_OPCODES_H

#include <stdbool.h>
#include <stdint.h>

enum {
    OPF_BRANCH = 1u << 0, // has a 'j' operand
    OPF_CALL = 1u << 1,   // a call: costs one reduction
    OPF_END = 1u << 2,    // control never continues to the next instruction
    OPF_LOOP = 1u << 3,   // its jump goes backward, to a RECV_PEEK (the receive loop)
};

typedef enum Opcode {
#define OPCODE(name, sig, flags, doc) OP_##name,
#include "opcodes.def"
#undef OPCODE
    OP_COUNT
} Opcode;

_Static_assert(OP_COUNT <= 256, "opcodes must fit in 8 bits");

// Instruction layout (docs/bytecode.md):
//   word 0: bits 0-7 opcode, bits 8-15 / 16-23 / 24-31 the 1st / 2nd / 3rd narrow operand
//   then one 32-bit word per wide operand, in signature order.
#define OP_NARROW_MAX 3

// Type tests for TEST_TYPE's 't' operand.
typedef enum TypeTest {
    TT_INTEGER,
    TT_FLOAT,
    TT_NUMBER,
    TT_ATOM,
    TT_BOOLEAN,
    TT_BINARY,
    TT_BITSTRING,
    TT_LIST,      // [] or a cons
    TT_TUPLE,
    TT_MAP,
    TT_FUNCTION,
    TT_PID,
    TT_REFERENCE,
    TT_NIL_ATOM,  // the atom nil
    TT_COUNT
} TypeTest;

typedef struct OpcodeInfo {
    const char *name;      // "MOVE"
    const char *signature; // "dr"
    uint32_t flags;        // OPF_*
    const char *doc;
} OpcodeInfo;

extern const OpcodeInfo opcode_info[OP_COUNT];

// True for the signature letters packed into word 0.
static inline bool opcode_letter_is_narrow(char letter)
{
    return letter == 'd' || letter == 'r' || letter == 'n' || letter == 't';
}

// Number of 32-bit words taken by an instruction with opcode [op] (1 + its wide operands).
uint32_t opcode_length(Opcode op);

// Decodes operand number [index] (signature order) of the instruction at [code]. Narrow
// operands are returned zero-extended, wide ones as the signed 32-bit word. Caller guarantees
// the instruction is complete (the verifier checks this before anything runs).
int32_t opcode_operand(const uint32_t *code, uint32_t index);

#endif
