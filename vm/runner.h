// Compiling and running source text inside a VM: the shared path of `ember FILE.exs`,
// `ember -e`, and (later) the REPL.
#ifndef EMBER_VM_RUNNER_H
#define EMBER_VM_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "compiler.h"
#include "interp.h"
#include "types.h"

// Compiles [len] bytes of [src] named [file] as a script, loads its modules into [vm] and runs
// the top-level code in a new process. Prints compile errors and uncaught exceptions like
// Elixir. Returns the process exit status: 0 on success, 1 on any error.
int runner_run_script(Vm *vm, const char *src, size_t len, const char *file);

// Compiles and loads [len] bytes of [src] named [file]; prints the diagnostic and returns false
// on a compile or load error. [script] selects COMPILE_SCRIPT (true) or COMPILE_MODULES.
bool runner_load_source(Vm *vm, const char *src, size_t len, const char *file, bool script);

// Loads and registers every module of [out] (replacing same-named ones). Prints why and
// returns false when one is refused (a compiler bug: compiled code always verifies).
bool runner_load_output(Vm *vm, const CompileOutput *out);

// Called on the main process's scheduler thread when it ends ([killed]: by an exit signal,
// reason in p->exit_reason): prints the error as Elixir does, sets the exit status and wakes
// runner_run_script.
void runner_main_finished(Vm *vm, Process *p, InterpResult r, bool killed);

#endif
