// Source to running process: compile (compiler.h), load every module through the loader (so
// scripts get the same checks as files), then run the script's __script__/0.
#include "runner.h"

#include <stdio.h>
#include <string.h>

#include "bi_common.h"
#include "compiler.h"
#include "error.h"
#include "exit_report.h"
#include "inspect.h"
#include "loader.h"
#include "map.h"
#include "module.h"
#include "process.h"
#include "scheduler.h"
#include "vm.h"

bool runner_load_output(Vm *vm, const CompileOutput *out)
{
    for (size_t i = 0; i < out->count; i++) {
        char err[256];
        Module *mod = loader_load(vm, out->modules[i].bytes, out->modules[i].size, err, sizeof err);
        if (mod == NULL) {
            fprintf(stderr, "ember: internal error: module %s rejected: %s\n",
                    out->modules[i].name, err);
            return false;
        }
        vm_register_module(vm, mod);
    }
    return true;
}

bool runner_load_source(Vm *vm, const char *src, size_t len, const char *file, bool script)
{
    CompileOutput out = {0};
    Diag diag;
    if (!compile_source(src, len, file, script ? COMPILE_SCRIPT : COMPILE_MODULES, &out, &diag)) {
        fflush(stdout);
        diag_print(&diag);
        return false;
    }
    bool ok = runner_load_output(vm, &out);
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

// Prints how the main process ended (on its scheduler thread, before its memory goes) and
// records the exit status.
void runner_main_finished(Vm *vm, Process *p, InterpResult r, bool killed)
{
    int status = 0;
    if (killed) {
        // Elixir: "** (EXIT from #PID<main>) reason" when a signal ends the script.
        StrBuf out = {0};
        StrBuf pid = {0};
        InspectOpts opts = inspect_default_opts();
        inspect_term(vm, p->pid, &opts, &pid);
        strbuf_printf(&out, "** (EXIT from %.*s) ", (int)pid.len, pid.data);
        exit_report_format_exit(vm, p, p->exit_reason, &out);
        strbuf_printf(&out, "\n\n");
        pthread_mutex_lock(&vm->output_lock);
        fflush(stdout);
        fprintf(stderr, "%.*s", (int)out.len, out.data);
        pthread_mutex_unlock(&vm->output_lock);
        strbuf_free(&out);
        strbuf_free(&pid);
        status = 1;
    } else if (r == INTERP_EXIT && !is_quiet_exit(p)) {
        Process *helper = NULL;
        Term message = exit_report_custom_message(vm, p, &helper);
        if (p->exc_kind == term_from_atom(ATOM_exit)) {
            // Elixir words an uncaught exit with Exception.format_exit: "exited in: ...".
            StrBuf words = {0};
            exit_report_format_exit(vm, p, p->exc_reason, &words);
            message = bi_binary_from_buf(p, &words);
            strbuf_free(&words);
        }
        pthread_mutex_lock(&vm->output_lock);
        fflush(stdout);
        error_print_uncaught(vm, p->exc_kind, p->exc_reason, p->exc_stack, message, stderr);
        pthread_mutex_unlock(&vm->output_lock);
        proc_free(helper);
        status = 1;
    } else if (r == INTERP_EXIT && is_shutdown_tuple(p->exc_reason)) {
        // Like elixir: exit({:shutdown, n}) ends the script quietly with status n (else 1).
        Term code = term_tuple_elems(p->exc_reason)[1];
        status = term_is_small(code) ? (int)(term_to_small(code) & 0xff) : 1;
    }
    pthread_mutex_lock(&vm->done_lock);
    vm->exit_status = status;
    vm->main_done = true;
    pthread_cond_broadcast(&vm->done_cond);
    pthread_mutex_unlock(&vm->done_lock);
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
    vm_start_processes(vm);
    Process *p = ptab_spawn(vm);
    proc_set_initial_call(p, main_fn, NULL, 0);
    p->is_main = true;
    atomic_store(&p->status, PROC_RUNNABLE);
    sched_enqueue(vm, p);
    pthread_mutex_lock(&vm->done_lock);
    while (!vm->main_done) {
        pthread_cond_wait(&vm->done_cond, &vm->done_lock);
    }
    pthread_mutex_unlock(&vm->done_lock);
    fflush(stdout);
    vm_stop_processes(vm);
    return vm->exit_status;
}
