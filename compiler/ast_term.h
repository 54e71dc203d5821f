// Quoted forms as term bytes, both ways: the compiler's AST written as one term in the term-blob
// encoding of vm/bytecode.h (Code.string_to_quoted), and a term blob read back into an AST
// (Code.eval_quoted). Internal to the compiler and its unit tests; the VM sees only compiler.h.
#ifndef EMBER_COMPILER_AST_TERM_H
#define EMBER_COMPILER_AST_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

// Encodes [root] with Elixir's parser metadata ([line: n], plus column: when [columns]).
// Returns malloc'd bytes (the caller frees them) and sets [*size].
uint8_t *ast_term_encode(const AstNode *root, bool columns, size_t *size);

// Decodes the term blob [bytes] ([size] bytes) into an AST allocated in [arena]. Returns NULL
// with a static message in [*error] when the bytes are malformed ("truncated term", ...) or the
// term is not valid quoted form ("invalid quoted expression"). Never reads outside [bytes].
AstNode *ast_term_decode(Arena *arena, const uint8_t *bytes, size_t size, const char **error);

#endif
