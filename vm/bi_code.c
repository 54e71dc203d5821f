// :ember_code, under stdlib/code.ex (Code.compile_string, eval_string, ensure_loaded ...) and
// the shell's r/1: the compiler called from a running process. Compiling happens on the
// caller's scheduler thread, as the BEAM's compiler runs in the calling process.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "builtins.h"
#include "compiler.h"
#include "loader.h"
#include "term_blob.h"
#include "module.h"
#include "runner.h"
#include "vm.h"

// {:error, Kind, line, column, description}: stdlib/code.ex raises Kind (CompileError,
// SyntaxError, TokenMissingError) with the source line as the snippet.
static Term diag_error(Process *p, const Diag *diag)
{
    char kind[64];
    snprintf(kind, sizeof kind, "Elixir.%s", diag->kind);
    Term *t = heap_alloc(p, 6);
    t[0] = term_make_header(TERM_TYPE_TUPLE, 5);
    t[1] = bi_atom(p, "error");
    t[2] = bi_atom(p, kind);
    t[3] = term_from_small(diag->line);
    t[4] = term_from_small(diag->col);
    t[5] = bi_binary_from_cstr(p, diag->message);
    return term_from_boxed(t);
}

// The variable names of a list of atoms, at most COMPILE_REPL_MAX_BINDINGS; false otherwise.
static bool binding_names(Process *p, Term list, const char **names, uint32_t *count)
{
    *count = 0;
    for (; term_is_cons(list); list = term_tl(list)) {
        if (!term_is_atom(term_hd(list)) || *count == COMPILE_REPL_MAX_BINDINGS) {
            return false;
        }
        names[(*count)++] = bi_atom_text(p, term_hd(list), NULL);
    }
    return list == TERM_NIL;
}

// Loads every module of [out] (freeing it) and returns {script_module, [{module, bytes}, ...]}
// where [module] names the script module.
static Term load_compiled(Process *p, CompileOutput *out_ptr, const char *module)
{
    CompileOutput out = *out_ptr;
    if (!runner_load_output(p->vm, &out)) {
        compile_output_free(&out);
        return bi_raise_module(p, "CompileError", "the compiled code failed to load");
    }
    Term list = TERM_NIL;
    Term script = TERM_NONE;
    for (size_t i = out.count; i-- > 0 && list != TERM_NONE;) {
        Term name = bi_atom(p, out.modules[i].name);
        if (strcmp(out.modules[i].name, module) == 0) {
            script = name;
            continue;
        }
        StrBuf bytes = {.data = (char *)out.modules[i].bytes, .len = out.modules[i].size};
        Term bin = bi_binary_from_buf(p, &bytes);
        Term pair = bi_tuple2(p, name, bin);
        Term *cell = heap_alloc(p, 2);
        cell[0] = pair;
        cell[1] = list;
        list = term_from_cons(cell);
    }
    compile_output_free(&out);
    return bi_tuple2(p, script, list);
}


// The file name argument [t] of the compile built-ins as a C string in [file] (256 bytes);
// false when it is not a binary shorter than that.
static bool file_arg(Term t, char file[256])
{
    const uint8_t *bytes;
    size_t len;
    if (!bi_text(t, &bytes, &len) || len >= 256) {
        return false;
    }
    memcpy(file, bytes, len);
    file[len] = '\0';
    return true;
}

// The (source, file) arguments shared by the compile built-ins: the source bytes and the file
// name as a C string; false after raising ArgumentError for either.
static bool source_and_file(Process *p, Term *args, const uint8_t **src, size_t *src_len,
                            char file[256])
{
    if (!bi_text(args[0], src, src_len)) {
        bi_badarg(p, 1, "not a binary");
        return false;
    }
    if (!file_arg(args[1], file)) {
        bi_badarg(p, 2, "not a file name");
        return false;
    }
    return true;
}

// A fresh module name for one evaluation (ember_eval_N) in [module] (32 bytes).
static void eval_module_name(Process *p, char module[32])
{
    snprintf(module, 32, "ember_eval_%u", (unsigned)atomic_fetch_add(&p->vm->next_eval, 1));
}

// :ember_code.compile(source, file, names): compiles [source] as a script whose top-level code
// becomes <unique module>.__script__/N over the variables [names] (compiler.h compile_repl),
// loads every module, and returns {script_module, [{module, bytes}, ...]}, or the diagnostic
// as {:error, kind, line, column, description}.
Term bi_ember_code_compile_3(Process *p, Term *args)
{
    const uint8_t *src;
    size_t src_len;
    char file[256];
    if (!source_and_file(p, args, &src, &src_len, file)) {
        return TERM_NONE;
    }
    const char *names[COMPILE_REPL_MAX_BINDINGS];
    uint32_t count;
    if (!binding_names(p, args[2], names, &count)) {
        return bi_badarg(p, 3, "not a list of at most 200 variable names");
    }
    char module[32];
    eval_module_name(p, module);
    CompileRepl shape = {.module = module, .bound = names, .bound_count = count};
    CompileOutput out;
    Diag diag;
    if (!compile_repl((const char *)src, src_len, file, &shape, &out, &diag)) {
        return diag_error(p, &diag);
    }
    return load_compiled(p, &out, module);
}

// :ember_code.load(module): whether [module] is loaded or can be (stdlib, code path).
Term bi_ember_code_load_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_badarg(p, 1, "not an atom");
    }
    return term_from_bool(vm_get_module(p->vm, args[0]) != NULL);
}

// :ember_code.source(module): the source file [module] was compiled from, or nil.
Term bi_ember_code_source_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_badarg(p, 1, "not an atom");
    }
    Module *mod = vm_get_module(p->vm, args[0]);
    if (mod == NULL || !term_is_binary(mod->source)) {
        return term_from_atom(ATOM_nil);
    }
    return mod->source;
}

// :ember_code.first_require(path): true the first time [path] (resolved by realpath) is asked
// for, false afterwards: Code.require_file loads a file once per VM.
Term bi_ember_code_first_require_1(Process *p, Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (!bi_text(args[0], &bytes, &len) || len >= PATH_MAX) {
        return bi_badarg(p, 1, "not a path");
    }
    char given[PATH_MAX];
    char resolved[PATH_MAX];
    memcpy(given, bytes, len);
    given[len] = '\0';
    const char *key = realpath(given, resolved) ? resolved : given;
    Vm *vm = p->vm;
    bool first = true;
    pthread_mutex_lock(&vm->modules_lock);
    for (uint32_t i = 0; i < vm->required_count && first; i++) {
        first = strcmp(vm->required[i], key) != 0;
    }
    if (first) {
        vm->required = em_realloc(vm->required, (vm->required_count + 1) * sizeof(char *));
        vm->required[vm->required_count++] = strdup(key);
    }
    pthread_mutex_unlock(&vm->modules_lock);
    return term_from_bool(first);
}

// ==== __info__(:functions) ====

// True when the built-in row [row] is one of [module]'s public functions (names that start
// with "__" are Ember's hidden helpers, as in compiler/defmodule.c).
static bool builtin_listed(const BuiltinInfo *row, const char *module)
{
    return strcmp(row->module, module) == 0 && strncmp(row->name, "__", 2) != 0;
}

// :ember_code.module_functions/2, called by the __info__/1 that compiler/defmodule.c generates:
// [module]'s Ember-defined public functions [defined] ({name, arity} pairs) merged with its C
// built-ins from vm/builtins.def, sorted by name then arity without duplicates, as Elixir's
// __info__(:functions) lists them.
Term bi_ember_code_module_functions_2(Process *p, Term *args)
{
    size_t defined_len;
    if (!term_is_atom(args[0]) || !bi_list_length(args[1], &defined_len)) {
        return bi_badarg(p, 1, NULL);
    }
    const char *module = bi_atom_text(p, args[0], NULL);
    size_t total = defined_len;
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        total += builtin_listed(&builtin_table[i], module);
    }
    Term *pairs = em_malloc((total + 1) * sizeof *pairs);
    size_t len = 0;
    for (Term l = args[1]; term_is_cons(l); l = term_tl(l)) {
        pairs[len++] = term_hd(l);
    }
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        const BuiltinInfo *row = &builtin_table[i];
        if (builtin_listed(row, module)) {
            pairs[len++] = bi_tuple2(p, bi_atom(p, row->name), term_from_small(row->arity));
        }
    }
    bi_sort_terms(pairs, len, -1);
    size_t unique = 0;
    for (size_t i = 0; i < len; i++) {
        if (unique == 0 || !term_equal(pairs[unique - 1], pairs[i])) {
            pairs[unique++] = pairs[i];
        }
    }
    Term list = bi_list_from_array(p, pairs, unique, TERM_NIL);
    free(pairs);
    return list;
}

// :ember_code.string_to_quoted(source, file, columns): {:ok, quoted} with Elixir's parser
// metadata, or the syntax error as {:error, kind, line, column, description} (stdlib/code.ex
// shapes Elixir's {:error, {meta, message, token}}). The compiler writes the tree as a term
// blob that the loader's literal decoder builds on this process's heap.
Term bi_ember_code_string_to_quoted_3(Process *p, Term *args)
{
    const uint8_t *src;
    size_t src_len;
    char file[256];
    if (!source_and_file(p, args, &src, &src_len, file)) {
        return TERM_NONE;
    }
    uint8_t *bytes = NULL;
    size_t size = 0;
    Diag diag;
    if (!compile_string_to_quoted((const char *)src, src_len, file, args[2] == bi_atom(p, "true"),
                                  &bytes, &size, &diag)) {
        return diag_error(p, &diag);
    }
    Term quoted;
    char err[128] = "";
    bool ok = loader_decode_term(p, bytes, size, &quoted, err, sizeof err);
    free(bytes);
    if (!ok) {
        return bi_raise_module(p, "RuntimeError", "string_to_quoted produced a bad term");
    }
    return bi_tuple2(p, bi_atom(p, "ok"), quoted);
}

// :ember_code.compile_quoted(quoted, file, names): as compile/3 for a quoted expression
// (Code.eval_quoted). The term goes to the compiler as a term blob (vm/term_blob.h); one
// that has no literal encoding (a pid, a function ...) is an ArgumentError.
Term bi_ember_code_compile_quoted_3(Process *p, Term *args)
{
    char file[256];
    if (!file_arg(args[1], file)) {
        return bi_badarg(p, 2, "not a file name");
    }
    const char *names[COMPILE_REPL_MAX_BINDINGS];
    uint32_t count;
    if (!binding_names(p, args[2], names, &count)) {
        return bi_badarg(p, 3, "not a list of at most 200 variable names");
    }
    StrBuf blob;
    strbuf_init(&blob);
    Term bad;
    if (!term_blob_encode(p->vm, args[0], &blob, &bad)) {
        strbuf_free(&blob);
        return bi_badarg(p, 1, "not a quoted expression");
    }
    char module[32];
    eval_module_name(p, module);
    CompileRepl shape = {.module = module, .bound = names, .bound_count = count};
    CompileOutput out;
    Diag diag;
    bool ok = compile_quoted_repl((const uint8_t *)blob.data, blob.len, file, &shape, &out, &diag);
    strbuf_free(&blob);
    if (!ok) {
        return diag_error(p, &diag);
    }
    return load_compiled(p, &out, module);
}
