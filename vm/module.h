// A loaded module: verified code, functions, imports resolved on first use, literals in the
// module's own immutable area (never copied by GC), and the line table for stack traces.
#ifndef EMBER_VM_MODULE_H
#define EMBER_VM_MODULE_H

#include <stdbool.h>
#include <stdint.h>

#include "builtins.h"
#include "heap.h"
#include "term.h"
#include "types.h"

struct Function {
    Module *module;
    Term name;            // atom
    uint32_t arity;
    uint32_t free_count;  // captured values (lambdas)
    uint32_t frame_size;  // registers
    uint32_t flags;       // EMB_FN_*
    uint32_t index;       // position in Module.functions
    const uint32_t *code; // first instruction
    uint32_t code_len;
};

typedef struct Import {
    Term module;          // atom
    Term name;            // atom
    uint32_t arity;
    const Function *resolved; // cached target once loaded (NULL until the first call)
    int32_t builtin;      // BuiltinId, or -1
} Import;

typedef struct LineEntry {
    uint32_t offset; // code word offset
    uint32_t line;
} LineEntry;

struct Module {
    Term name;              // atom, e.g. Elixir.Foo
    Term source;            // file name as a literal binary
    uint32_t *code;
    uint32_t code_len;
    Function *functions;
    uint32_t function_count;
    Import *imports;
    uint32_t import_count;
    Term *literals;
    uint32_t literal_count;
    Heap literal_heap;      // backing store of literal objects: never collected, freed with the module
    uint32_t *atom_map;     // module atom index -> VM atom index
    uint32_t atom_count;
    LineEntry *lines;
    uint32_t line_count;
};

// The exported function [name]/[arity] of [mod], or NULL.
const Function *module_find_function(const Module *mod, Term name, uint32_t arity);
// The source line of code offset [offset] in [mod], 0 when unknown.
uint32_t module_line_of(const Module *mod, uint32_t offset);

#endif
