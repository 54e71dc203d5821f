// Tables derived from opcodes.def, and the generic operand decoder used by tools (the
// interpreter decodes operands inline for speed, with the same layout).
#include "opcodes.h"

#include <string.h>

const OpcodeInfo opcode_info[OP_COUNT] = {
#define OPCODE(name, sig, flags, doc) {#name, sig, flags, doc},
#include "opcodes.def"
#undef OPCODE
};

uint32_t opcode_length(Opcode op)
{
    uint32_t len = 1;
    for (const char *s = opcode_info[op].signature; *s; s++) {
        if (!opcode_letter_is_narrow(*s)) {
            len++;
        }
    }
    return len;
}

int32_t opcode_operand(const uint32_t *code, uint32_t index)
{
    const char *sig = opcode_info[code[0] & 0xff].signature;
    uint32_t narrow = 0;
    uint32_t wide = 0;
    for (uint32_t i = 0; sig[i]; i++) {
        bool is_narrow = opcode_letter_is_narrow(sig[i]);
        if (i == index) {
            if (is_narrow) {
                return (int32_t)((code[0] >> (8 * (narrow + 1))) & 0xff);
            }
            return (int32_t)code[1 + wide];
        }
        if (is_narrow) {
            narrow++;
        } else {
            wide++;
        }
    }
    return 0;
}
