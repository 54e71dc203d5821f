// Public entry of the compiler: Elixir-subset source text in, module bytecode (the .emb byte
// format of vm/bytecode.h) or one diagnostic out. The compiler never aborts on user input and
// shares no state between calls, so compiles may run on any thread.
#ifndef EMBER_COMPILER_COMPILER_H
#define EMBER_COMPILER_COMPILER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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
    char *repl_env; // compile_repl only: the alias/import statements in effect at the end of
                    // the input, as source text to pass on as the next input's env
} CompileOutput;

// Compiles [len] bytes of [src] (need not be NUL-terminated) named [file] in [mode].
// On success fills [out] (free it with compile_output_free) and returns true. On failure
// returns false, fills [diag] and leaves [out] empty. Thread-safe; allocates only what it returns.
bool compile_source(const char *src, size_t len, const char *file, CompileMode mode,
                    CompileOutput *out, Diag *diag);

// One REPL input (see docs/repl.md). It compiles like a script, except that the entry point is
// [module].__script__/N, whose N arguments are the values of the variables [bound] (in that
// order) left by earlier inputs, and which returns {value, [{:name, value}, ...]}: the input's
// value and every variable visible at its end. A defmodule as the last expression yields
// Elixir's {:module, Name, bytes, {last_def, arity}}. Local calls to the shell helpers
// (h/0, v/0,1, flush/0, i/1, c/1, r/1, pid/1,3) go to Ember.Repl.Helpers.
typedef struct CompileRepl {
    const char *module;         // e.g. "ember_repl_3": one module per input
    const char *const *bound;   // variable names bound by earlier inputs
    uint32_t bound_count;       // at most COMPILE_REPL_MAX_BINDINGS
    const char *env;            // alias/import statements in effect (an earlier repl_env), or NULL
} CompileRepl;

#define COMPILE_REPL_MAX_BINDINGS 200

// As compile_source in COMPILE_SCRIPT mode, shaped for the REPL by [repl].
bool compile_repl(const char *src, size_t len, const char *file, const CompileRepl *repl,
                  CompileOutput *out, Diag *diag);

// Releases everything compile_source put in [out]; [out] is left empty.
void compile_output_free(CompileOutput *out);

// Parses only, printing the quoted form of every top-level expression (see ast_print) to
// stdout, one per line. Returns false with [diag] filled on a syntax error.
bool compile_print_ast(const char *src, size_t len, const char *file, Diag *diag);

// Code.string_to_quoted: parses [len] bytes of [src] and writes its quoted form, with Elixir's
// parser metadata ([line: n], and column: when [columns]), as a term blob (vm/bytecode.h
// EMB_TERM_BLOB) in malloc'd *[bytes] of *[size] bytes, owned by the caller. Returns false
// with [diag] filled on a syntax error. Thread-safe.
bool compile_string_to_quoted(const char *src, size_t len, const char *file, bool columns,
                              uint8_t **bytes, size_t *size, Diag *diag);

// Code.eval_quoted: as compile_repl, for the quoted term in the term blob [bytes] ([size]
// bytes, vm/bytecode.h) instead of source text. A malformed blob or a term that is not valid
// quoted form fails with a CompileError in [diag]. Thread-safe.
bool compile_quoted_repl(const uint8_t *bytes, size_t size, const char *file,
                         const CompileRepl *repl, CompileOutput *out, Diag *diag);

// Writes "** (Kind) file:line:col: message\n" for [diag] to stderr; diag_write to [out].
void diag_print(const Diag *diag);
void diag_write(const Diag *diag, FILE *out);

#endif
