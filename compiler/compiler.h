// Public entry of the compiler: Elixir-subset source text in, module bytecode (the .emb byte
// format of vm/bytecode.h) or one diagnostic out. The compiler never aborts on user input and
// shares no state between calls, so compiles may run on any thread.
#ifndef EMBER_COMPILER_COMPILER_H
#define EMBER_COMPILER_COMPILER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// One diagnostic, worded like Elixir 1.14. Printed as
//   ** (<kind>) <file>:<line>:<col>: <message>     when col > 0
//   ** (<kind>) <file>:<line>: <message>           when col == 0 (CompileError style)
typedef struct Diag {
    char kind[32];     // "SyntaxError", "TokenMissingError" or "CompileError"
    char file[256];
    uint32_t line;
    uint32_t col;
    char message[512];
    bool incomplete;   // true for TokenMissingError: more input could complete it (REPL)
} Diag;

typedef enum CompileMode {
    // A script: top-level expressions run in order. They are compiled into a module named
    // COMPILE_SCRIPT_MODULE with one exported function __script__/0; each defmodule in the
    // file becomes its own module.
    COMPILE_SCRIPT,
    // A library file: only defmodule at top level.
    COMPILE_MODULES,
} CompileMode;

#define COMPILE_SCRIPT_MODULE "ember_script"

typedef struct CompiledModule {
    char *name;      // module name as an atom text, e.g. "Elixir.Foo" or "ember_script"
    uint8_t *bytes;  // .emb bytes (vm/bytecode.h), malloc'd, owned by the CompileOutput
    size_t size;
} CompiledModule;

typedef struct CompileOutput {
    CompiledModule *modules; // in definition order; the script module (if any) comes last
    size_t count;
} CompileOutput;

// Compiles [len] bytes of [src] (need not be NUL-terminated) named [file] in [mode].
// On success fills [out] (free it with compile_output_free) and returns true. On failure
// returns false, fills [diag] and leaves [out] empty. Thread-safe; allocates only what it returns.
bool compile_source(const char *src, size_t len, const char *file, CompileMode mode,
                    CompileOutput *out, Diag *diag);

// Releases everything compile_source put in [out]; [out] is left empty.
void compile_output_free(CompileOutput *out);

// Parses only, printing the quoted form of every top-level expression (see ast_print) to
// stdout, one per line. Returns false with [diag] filled on a syntax error.
bool compile_print_ast(const char *src, size_t len, const char *file, Diag *diag);

// Writes "** (Kind) file:line:col: message\n" for [diag] to stderr.
void diag_print(const Diag *diag);

#endif
