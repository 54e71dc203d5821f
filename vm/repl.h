// The interactive shell (`ember` with no arguments; docs/repl.md). The main thread reads and
// compiles input (line editing in repl_edit.c); the keeper and evaluator processes of
// stdlib/repl.ex hold the bindings and run the code. They meet through ReplShell: the main
// thread sends the keeper {:ember_repl_eval, module} or :ember_repl_interrupt, and the keeper
// calls :ember_repl.ready/2 (vm/bi_repl.c) when it wants the next input.
#ifndef EMBER_VM_REPL_H
#define EMBER_VM_REPL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "compiler.h"
#include "types.h"

typedef struct ReplShell {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool ready;         // the keeper waits for the next input
    char *names[COMPILE_REPL_MAX_BINDINGS]; // the variables bound so far, in argument order
    uint32_t name_count;
    uint32_t counter;   // the number in the next prompt
    char *env;          // the aliases and imports of the inputs that succeeded (CompileRepl.env)
} ReplShell;

// Runs the shell until end of input (Ctrl-D); returns the exit status. A terminal on stdin
// and stdout gets the banner, prompts, line editing, history and completion; anything else
// is read line by line and only results and errors are printed, so the shell can be scripted.
int repl_main(Vm *vm);

// The keeper is ready for input: records the bindings' [names] and the prompt [counter] and
// wakes the main thread. Called on the keeper's scheduler thread.
void repl_set_ready(ReplShell *shell, const char *const *names, uint32_t count,
                    uint32_t counter);

#endif
