// Source to running process: compile (compiler.h), load every module through the loader (so
// scripts get the same checks as files), then run the script's __script__/0.
#include "runner.h"

#include <stdio.h>

#include "compiler.h"
#include "error.h"
#include "loader.h"
#include "map.h"
#include "module.h"
#include "process.h"
#include "scheduler.h"
#include "vm.h"

bool runner_load_source(Vm *vm, const char *src, size_t len, const char *file, bool script)
{
    CompileOutput out = {0};
    Diag diag;
    if (!compile_source(src, len, file, script ? COMPILE_SCRIPT : COMPILE_MODULES, &out, &diag)) {
        fflush(stdout);
        diag_print(&diag);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < out.count && ok; i++) {
        char err[256];
        Module *mod = loader_load(vm, out.modules[i].bytes, out.modules[i].size, err, sizeof err);
        if (mod == NULL) {
            fprintf(stderr, "ember: internal error: module %s rejected: %s\n", out.modules[i].name,
                    err);
            ok = false;
        } else {
            vm_register_module(vm, mod);
        }
    }
    compile_output_free(&out);
    return ok;
}

// exit(:normal), exit(:shutdown) and exit({:shutdown, _}) end a script without a report.
static bool is_shutdown_tuple(Term reason)
{
    return term_is_tuple(reason) && term_tuple_arity(reason) == 2 &&
           term_is_atom(term_tuple_elems(reason)[0]) &&
           term_tuple_elems(reason)[0] == term_from_atom(ATOM_shutdown);
}

static bool is_quiet_exit(const Process *p)
{
    if (p->exc_kind != term_from_atom(ATOM_exit)) {
        return false;
    }
    Term reason = p->exc_reason;
    return reason == term_from_atom(ATOM_normal) || reason == term_from_atom(ATOM_shutdown) ||
           is_shutdown_tuple(reason);
}

// For an uncaught exception whose module defines message/1 (defexception with a custom
// message), runs Mod.message(exception) in a fresh process, as Elixir's report would. Returns
// the binary (living on *[helper]'s heap, which the caller frees) or TERM_NONE.
static Term custom_message(Vm *vm, Process *p, Process **helper)
{
    Term reason = p->exc_reason;
    Term name = term_is_map(reason) ? map_struct_name(reason) : TERM_NONE;
    uint32_t index;
    if (p->exc_kind != term_from_atom(ATOM_error) || name == TERM_NONE ||
        !atom_lookup(vm->atoms, "message", 7, &index)) {
        return TERM_NONE;
    }
    Module *mod = vm_get_module(vm, name);
    const Function *fn = mod ? module_find_function(mod, term_from_atom(index), 1) : NULL;
    if (fn == NULL) {
        return TERM_NONE;
    }
    *helper = proc_new(vm);
    Term arg = term_copy_to(*helper, reason);
    proc_set_initial_call(*helper, fn, &arg, 1);
    if (sched_run_to_completion(*helper) != INTERP_DONE || !term_is_binary((*helper)->result)) {
        return TERM_NONE;
    }
    return (*helper)->result;
}

int runner_run_script(Vm *vm, const char *src, size_t len, const char *file)
{
    if (!runner_load_source(vm, src, len, file, true)) {
        return 1;
    }
    Module *script = vm_find_module(vm, term_from_atom(ATOM_ember_script));
    const Function *main_fn =
        script ? module_find_function(script, term_from_atom(ATOM_script_main), 0) : NULL;
    if (main_fn == NULL) {
        fprintf(stderr, "ember: internal error: no script entry point\n");
        return 1;
    }
    Process *p = proc_new(vm);
    proc_set_initial_call(p, main_fn, NULL, 0);
    InterpResult r = sched_run_to_completion(p);
    int status = 0;
    if (r == INTERP_EXIT && !is_quiet_exit(p)) {
        fflush(stdout);
        Process *helper = NULL;
        Term message = custom_message(vm, p, &helper);
        error_print_uncaught(vm, p->exc_kind, p->exc_reason, p->exc_stack, message, stderr);
        proc_free(helper);
        status = 1;
    } else if (r == INTERP_EXIT && is_shutdown_tuple(p->exc_reason)) {
        // Like elixir: exit({:shutdown, n}) ends the script quietly with status n (else 1).
        Term code = term_tuple_elems(p->exc_reason)[1];
        status = term_is_small(code) ? (int)(term_to_small(code) & 0xff) : 1;
    }
    proc_free(p);
    return status;
}
