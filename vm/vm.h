// The virtual machine instance: atom table, loaded modules, options. All VM-wide state hangs
// off one Vm; there are no mutable globals. Shared by every scheduler thread.
#ifndef EMBER_VM_VM_H
#define EMBER_VM_VM_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "atom.h"
#include "builtins.h"
#include "ets.h"
#include "proc_table.h"
#include "regex/regex_core.h"
#include "scheduler.h"
#include "term.h"
#include "timer.h"
#include "types.h"

#define EMBER_VERSION_TEXT "0.1.0"

typedef struct IoPool IoPool;

// One registered name (Process.register).
typedef struct RegEntry {
    Term name;
    Term pid;
} RegEntry;

struct Vm {
    AtomTable *atoms;
    pthread_mutex_t modules_lock;
    Module **modules;       // loaded modules, indexed by nothing in particular
    uint32_t module_count;
    uint32_t module_cap;
    atomic_uint_fast64_t next_ref;  // make_ref counter
    atomic_uint_fast32_t next_pid;
    int script_argc;        // System.argv(): the arguments after the script
    char **script_argv;
    const uint8_t *stdlib;  // embedded stdlib: concatenated .emb files
    size_t stdlib_size;
    Module **retired;       // replaced modules, freed with the VM
    uint32_t retired_count;
    int exit_status;

    // ---- Processes (issue 3) ----
    ProcTable ptab;
    SchedulerSet sched;
    TimerService timers;
    IoPool *io;               // blocking work (vm/io_pool.c), started with the schedulers
    pthread_mutex_t registry_lock;
    RegEntry *registry;       // registered names, unordered
    uint32_t registry_count;
    uint32_t registry_cap;
    EtsRegistry ets;          // ETS tables (vm/ets.h)
    _Atomic int logger_level; // LOG_* (vm/exit_report.h): reports below it are not printed
    pthread_mutex_t output_lock; // one IO.puts / crash report is written whole
    // The script's main process ended: the runner waits on done_cond for it.
    pthread_mutex_t done_lock;
    pthread_cond_t done_cond;
    bool main_done;
    BuiltinIndex builtins;    // built-ins by (module, name, arity) atoms
    uint32_t sched_count;     // schedulers to start (--schedulers, EMBER_SCHEDULERS, CPUs)
    atomic_uint next_eval;    // numbers the modules Code.eval_string and friends compile
    struct ReplShell *repl;   // the interactive shell (vm/repl.c), NULL when not in one
    char **required;          // files Code.require_file loaded (under modules_lock)
    uint32_t required_count;
    char **code_path;         // directories searched for <Module>.emb (-pa, EMBER_PATH)
    uint32_t code_path_count;
    RegexCache regex;         // compiled patterns of Regex and :re (vm/regex/regex_core.h)
    EtsTable *persistent_terms; // :persistent_term's store (vm/shared/persistent_term.c)
    _Atomic(struct CryptoCache *) crypto; // :crypto's digests, made on first use (shared/crypto.c)
};

// Starts the schedulers and the timer thread (once; runner_run_script does it).
void vm_start_processes(Vm *vm);
// Stops and joins them; processes still alive stay in the table until vm_free.
void vm_stop_processes(Vm *vm);

// Creates a VM with the well-known atoms interned. fatal_oom on failure.
Vm *vm_new(void);
// Frees the VM, its modules and atoms.
void vm_free(Vm *vm);

// The loaded module named [name], or NULL. Thread-safe.
Module *vm_find_module(Vm *vm, Term name);
// The module named [name], loading it from the embedded stdlib or the code path when it is not
// loaded yet; NULL when it exists nowhere (or fails to load: the reason goes to stderr).
Module *vm_get_module(Vm *vm, Term name);
// Registers [mod], replacing a module of the same name (whose memory is kept: old code may
// still run). Thread-safe.
void vm_register_module(Vm *vm, Module *mod);
// Appends [dir] to the code path searched for <Module>.emb when a module is first called.
void vm_add_code_path(Vm *vm, const char *dir);
// Indexes the stdlib modules embedded in the binary ([bytes], [size]: concatenated .emb files).
void vm_set_stdlib(Vm *vm, const uint8_t *bytes, size_t size);

// The fields of struct [module] in definition order (what inspect prints), as atoms in [out]
// (at most [max]). Returns their number, or 0 when [module] defines no struct or is unknown.
// Ember modules declare the order with a generated __struct_fields__/0 returning a literal
// list; the exception structs the VM builds itself come from error.c.
uint32_t vm_struct_fields(Vm *vm, Term module, Term *out, uint32_t max);
// The fields inspect leaves out of struct [module] when they are nil (Elixir's
// `@derive {Inspect, optional: [...]}`): the literal list [module].__inspect_optional__/0
// returns, into [out] (at most [max]). 0 when the module has none.
uint32_t vm_struct_optional_fields(Vm *vm, Term module, Term *out, uint32_t max);

// Prints "ember: out of memory" and exits 1. The only exit() outside main.c.
_Noreturn void fatal_oom(void);

// malloc/realloc/calloc that call fatal_oom instead of returning NULL.
void *em_malloc(size_t size);
void *em_realloc(void *ptr, size_t size);
void *em_calloc(size_t count, size_t size);
// The whole file at [path], NUL-terminated (not counted in *[len]); NULL with errno set when it
// cannot be opened.
char *em_read_file(const char *path, size_t *len);

#endif
