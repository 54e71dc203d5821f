// A tiny writer of .emb files for loader and verifier tests: one module with hand-written
// code, so a test can state exactly which bytes it feeds the loader.
#ifndef EMBER_TESTS_EMB_BUILDER_H
#define EMBER_TESTS_EMB_BUILDER_H

#include <stddef.h>
#include <stdint.h>

typedef struct EmbBuilder {
    uint8_t *bytes;
    size_t len;
    size_t cap;
} EmbBuilder;

// Builds a module named "Elixir.T" with atoms "Elixir.T", "f", one function f/[arity]
// (exported) of [frame_size] registers whose code is [code] ([code_len] words), one literal
// (the integer 42) and one import (Elixir.T.f/[arity]). The result is malloc'd in *[out].
size_t emb_build_module(uint32_t arity, uint32_t frame_size, const uint32_t *code,
                        uint32_t code_len, uint8_t **out);

// Recomputes the header checksum of [bytes] so structural checks (not the checksum) are tested.
void emb_fix_checksum(uint8_t *bytes, size_t len);

#endif
