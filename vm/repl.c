// The shell's main loop (repl.h): read lines until the input compiles or is plainly wrong
// (the parser tells an incomplete input, Diag.incomplete, from a wrong one), compile it into
// a module of its own, hand it to the keeper process and wait until the keeper is ready for
// more. Ctrl-C while waiting interrupts the evaluation; Ctrl-C while typing drops the line.
#include "repl.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "inspect.h"
#include "module.h"
#include "process.h"
#include "proc_table.h"
#include "repl_edit.h"
#include "runner.h"
#include "scheduler.h"
#include "signal.h"
#include "vm.h"

#define EMBER_BANNER \
    "Interactive Ember " EMBER_VERSION_TEXT " (Elixir 1.14 subset) - press Ctrl+D to exit " \
    "(type h() ENTER for help)\n"

volatile int repl_interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    repl_interrupted = 1;
}

void repl_set_ready(ReplShell *shell, const char *const *names, uint32_t count, uint32_t counter)
{
    pthread_mutex_lock(&shell->lock);
    for (uint32_t i = 0; i < shell->name_count; i++) {
        free(shell->names[i]);
    }
    shell->name_count = count < COMPILE_REPL_MAX_BINDINGS ? count : COMPILE_REPL_MAX_BINDINGS;
    for (uint32_t i = 0; i < shell->name_count; i++) {
        shell->names[i] = strdup(names[i]);
    }
    shell->counter = counter;
    shell->ready = true;
    pthread_cond_broadcast(&shell->cond);
    pthread_mutex_unlock(&shell->lock);
}

static Term atom(Vm *vm, const char *text)
{
    uint32_t index = 0;
    atom_intern(vm->atoms, text, strlen(text), &index);
    return term_from_atom(index);
}

// Waits for the keeper's ready call. Ctrl-C meanwhile becomes :ember_repl_interrupt to the
// keeper (which kills the evaluator). Returns false when the keeper is gone (a VM bug).
static bool wait_ready(Vm *vm, ReplShell *shell, Term keeper)
{
    pthread_mutex_lock(&shell->lock);
    while (!shell->ready) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 20 * 1000 * 1000; // poll the SIGINT flag every 20 ms
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&shell->cond, &shell->lock, &until);
        if (repl_interrupted) {
            repl_interrupted = 0;
            signal_send(vm, keeper, atom(vm, "ember_repl_interrupt"));
        }
        if (!shell->ready && !ptab_alive(vm, keeper)) {
            pthread_mutex_unlock(&shell->lock);
            fputs("ember: the shell's keeper process died\n", stderr);
            return false;
        }
    }
    pthread_mutex_unlock(&shell->lock);
    return true;
}

// Spawns Ember.Repl.start/0 with SIGINT blocked, so that every thread the VM starts now
// (schedulers, timer, I/O pool) inherits the mask and only the main thread takes Ctrl-C.
static Term start_keeper(Vm *vm)
{
    sigset_t block;
    sigset_t old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    vm_start_processes(vm);
    Module *mod = vm_get_module(vm, atom(vm, "Elixir.Ember.Repl"));
    const Function *fn = mod ? module_find_function(mod, atom(vm, "start"), 0) : NULL;
    Term pid = TERM_NONE;
    if (fn != NULL) {
        Process *p = ptab_spawn(vm);
        proc_set_initial_call(p, fn, NULL, 0);
        pid = p->pid;
        atomic_store(&p->status, PROC_RUNNABLE);
        sched_enqueue(vm, p);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint; // no SA_RESTART: a blocked read returns EINTR
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    return pid;
}

// Compiles [input] as input number [seq] against the current bindings. Returns the module
// atom text in [module] on success; false with [diag] filled otherwise.
static bool compile_input(Vm *vm, ReplShell *shell, const StrBuf *input, char *module,
                          size_t module_size, CompileOutput *out, Diag *diag)
{
    snprintf(module, module_size, "ember_eval_%u", (unsigned)atomic_fetch_add(&vm->next_eval, 1));
    pthread_mutex_lock(&shell->lock);
    CompileRepl shape = {
        .module = module,
        .bound = (const char *const *)shell->names,
        .bound_count = shell->name_count,
        .env = shell->env,
    };
    bool ok = compile_repl(input->data, input->len, "ember", &shape, out, diag);
    pthread_mutex_unlock(&shell->lock);
    return ok;
}

// Hands a compiled input to the keeper: {:ember_repl_eval, module}.
static void send_eval(Vm *vm, ReplShell *shell, Term keeper, const char *module)
{
    pthread_mutex_lock(&shell->lock);
    shell->ready = false;
    pthread_mutex_unlock(&shell->lock);
    Term msg[3] = {term_make_header(TERM_TYPE_TUPLE, 2), atom(vm, "ember_repl_eval"),
                   atom(vm, module)};
    signal_send(vm, keeper, term_from_boxed(msg));
}

static void prompt_text(ReplShell *shell, bool continued, char *out, size_t size)
{
    pthread_mutex_lock(&shell->lock);
    snprintf(out, size, continued ? "...(%u)> " : "ember(%u)> ", shell->counter);
    pthread_mutex_unlock(&shell->lock);
}

// Evaluates complete inputs until end of input. Returns the exit status.
static int shell_loop(Vm *vm, ReplShell *shell, Term keeper, LineReader *reader, bool tty)
{
    StrBuf input = {0};
    int status = 0;
    for (;;) {
        char prompt[64];
        prompt_text(shell, input.len > 0, prompt, sizeof prompt);
        bool interrupted = false;
        const char *line = line_reader_get(reader, tty ? prompt : NULL, &interrupted);
        if (interrupted) {
            input.len = 0; // Ctrl-C while typing drops the pending input
            continue;
        }
        if (line == NULL) {
            if (input.len > 0 && !tty) {
                status = 1; // piped input ended inside an expression: report it below
                CompileOutput out;
                Diag diag;
                char module[32];
                if (!compile_input(vm, shell, &input, module, sizeof module, &out, &diag)) {
                    diag_write(&diag, stdout);
                } else {
                    compile_output_free(&out);
                }
            }
            break;
        }
        strbuf_printf(&input, "%s\n", line);
        CompileOutput out;
        Diag diag;
        char module[32];
        bool ok = compile_input(vm, shell, &input, module, sizeof module, &out, &diag);
        if (!ok && diag.incomplete) {
            continue;
        }
        if (tty) {
            input.data[input.len - 1] = '\0';
            line_reader_remember(reader, input.data);
        }
        input.len = 0;
        if (!ok) {
            pthread_mutex_lock(&vm->output_lock);
            diag_write(&diag, stdout);
            fflush(stdout);
            pthread_mutex_unlock(&vm->output_lock);
            continue;
        }
        bool loaded = runner_load_output(vm, &out);
        char *env = out.repl_env;
        out.repl_env = NULL;
        compile_output_free(&out);
        if (loaded) {
            uint32_t counter = shell->counter;
            send_eval(vm, shell, keeper, module);
            if (!wait_ready(vm, shell, keeper)) {
                free(env);
                status = 1;
                break;
            }
            if (shell->counter != counter) {
                // The input succeeded (the prompt number moved): its aliases and imports stay.
                free(shell->env);
                shell->env = env;
                env = NULL;
            }
        }
        free(env);
    }
    strbuf_free(&input);
    return status;
}

int repl_main(Vm *vm)
{
    bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    ReplShell shell = {.counter = 1};
    pthread_mutex_init(&shell.lock, NULL);
    pthread_cond_init(&shell.cond, NULL);
    vm->repl = &shell;
    Term keeper = start_keeper(vm);
    int status = 1;
    if (keeper == TERM_NONE) {
        fputs("ember: the shell (Ember.Repl) is missing from the stdlib\n", stderr);
    } else {
        if (tty) {
            fputs(EMBER_BANNER, stdout);
            fflush(stdout);
        }
        LineReader *reader = line_reader_new(vm, tty);
        if (wait_ready(vm, &shell, keeper)) {
            status = shell_loop(vm, &shell, keeper, reader, tty);
        }
        line_reader_free(reader);
    }
    fflush(stdout);
    vm_stop_processes(vm);
    vm->repl = NULL;
    for (uint32_t i = 0; i < shell.name_count; i++) {
        free(shell.names[i]);
    }
    free(shell.env);
    pthread_mutex_destroy(&shell.lock);
    pthread_cond_destroy(&shell.cond);
    return status;
}
