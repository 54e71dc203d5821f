// :ember_code, under stdlib/code.ex (Code.compile_string, eval_string, ensure_loaded ...) and
// the shell's r/1: the compiler called from a running process. Compiling happens on the
// caller's scheduler thread, as the BEAM's compiler runs in the calling process.
#include <stdio.h>
#include <string.h>

#include "bi_common.h"
#include "builtins.h"
#include "compiler.h"
#include "module.h"
#include "runner.h"
#include "vm.h"

// Raises the diagnostic as the exception Elixir raises from Code.compile_string:
// CompileError "file:line: message", SyntaxError/TokenMissingError "file:line:col: message".
static Term raise_diag(Process *p, const Diag *diag)
{
    char text[sizeof diag->message + sizeof diag->file + 32];
    if (diag->col > 0) {
        snprintf(text, sizeof text, "%s:%u:%u: %s", diag->file, diag->line, diag->col,
                 diag->message);
    } else {
        snprintf(text, sizeof text, "%s:%u: %s", diag->file, diag->line, diag->message);
    }
    return bi_raise_module(p, diag->kind, text);
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

// :ember_code.compile(source, file, names): compiles [source] as a script whose top-level code
// becomes <unique module>.__script__/N over the variables [names] (compiler.h compile_repl),
// loads every module, and returns {script_module, [{module, bytes}, ...]}.
Term bi_ember_code_compile_3(Process *p, Term *args)
{
    const uint8_t *src;
    const uint8_t *file_bytes;
    size_t src_len;
    size_t file_len;
    if (!bi_text(args[0], &src, &src_len)) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (!bi_text(args[1], &file_bytes, &file_len) || file_len >= 256) {
        return bi_badarg(p, 2, "not a file name");
    }
    const char *names[COMPILE_REPL_MAX_BINDINGS];
    uint32_t count;
    if (!binding_names(p, args[2], names, &count)) {
        return bi_badarg(p, 3, "not a list of at most 200 variable names");
    }
    char file[256];
    memcpy(file, file_bytes, file_len);
    file[file_len] = '\0';
    char module[32];
    snprintf(module, sizeof module, "ember_eval_%u",
             (unsigned)atomic_fetch_add(&p->vm->next_eval, 1));
    CompileRepl shape = {.module = module, .bound = names, .bound_count = count};
    CompileOutput out;
    Diag diag;
    if (!compile_repl((const char *)src, src_len, file, &shape, &out, &diag)) {
        return raise_diag(p, &diag);
    }
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
