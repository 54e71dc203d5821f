// Disassembler for .emb module bytes: prints the tables and every function's instructions,
// decoded generically from the operand signatures of opcodes.def. Used by `ember --dis` and by
// the compiler's tests. Reads through bounds checks only, so any input is safe to print.
#ifndef EMBER_VM_DISASM_H
#define EMBER_VM_DISASM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

// Prints module [bytes] ([size] bytes) to [out]: atoms, imports, literals, then each function
// with one instruction per line ("  0004  CALL_EXT r2, 1, e0  ; Elixir.IO.puts/1"). Malformed
// input prints as far as it can be read, then "; error: <reason>". Never writes to [bytes].
// Any thread.
void disasm_module_bytes(const uint8_t *bytes, size_t size, FILE *out);

// Prints the one instruction at [code] ([avail] words readable) to [out], without a newline.
// Returns its length in words, or 0 when the opcode is unknown or the instruction is cut.
uint32_t disasm_instruction(const uint32_t *code, uint32_t avail, FILE *out);

#endif
