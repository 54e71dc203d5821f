// The VM instance: creation, the module registry (a mutex-protected array: look-ups are rare
// because imports cache their targets), and loading modules on first use from the stdlib
// embedded in the binary or, failing that, from the code path (`-pa DIR`, EMBER_PATH).
#include "vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "exit_report.h"
#include "io_pool.h"
#include "loader.h"
#include "opcodes.h"
#include "module.h"
#include "shared/crypto.h"
#include "shared/persistent_term.h"

Vm *vm_new(void)
{
    Vm *vm = em_calloc(1, sizeof *vm);
    vm->atoms = atom_table_new();
    pthread_mutex_init(&vm->modules_lock, NULL);
    atomic_init(&vm->next_ref, 1);
    atomic_init(&vm->next_pid, 0);
    ptab_init(&vm->ptab, PTAB_DEFAULT_MAX);
    pthread_mutex_init(&vm->registry_lock, NULL);
    ets_registry_init(&vm->ets);
    regex_cache_init(&vm->regex);
    persistent_term_init(vm);
    pthread_mutex_init(&vm->output_lock, NULL);
    pthread_mutex_init(&vm->done_lock, NULL);
    pthread_cond_init(&vm->done_cond, NULL);
    atomic_init(&vm->logger_level, LOG_DEFAULT);
    vm->sched_count = sched_default_count();
    builtin_index_build(&vm->builtins, vm->atoms);
    return vm;
}

void vm_start_processes(Vm *vm)
{
    if (vm->sched.scheds != NULL) {
        return;
    }
    vm->io = io_pool_new(vm, 0); // 4 threads, or EMBER_IO_THREADS
    timer_start(vm);
    sched_start(vm, vm->sched_count);
}

void vm_stop_processes(Vm *vm)
{
    // Order matters: once timer_stop and io_pool_stop return, nothing outside the schedulers
    // can queue a process, so the schedulers can go; the pool's memory goes last, when no
    // scheduler can submit to it any more.
    timer_stop(vm);
    io_pool_stop(vm->io);
    sched_stop(vm);
    io_pool_free(vm->io);
    vm->io = NULL;
}

void vm_free(Vm *vm)
{
    if (vm == NULL) {
        return;
    }
    for (uint32_t i = 0; i < vm->module_count; i++) {
        loader_free_module(vm->modules[i]);
    }
    for (uint32_t i = 0; i < vm->retired_count; i++) {
        loader_free_module(vm->retired[i]);
    }
    vm_stop_processes(vm);
    ptab_destroy(&vm->ptab);
    free(vm->registry);
    builtin_index_free(&vm->builtins);
    pthread_mutex_destroy(&vm->registry_lock);
    ets_registry_destroy(&vm->ets);
    regex_cache_destroy(&vm->regex);
    persistent_term_destroy(vm);
    crypto_cache_free(vm);
    pthread_mutex_destroy(&vm->output_lock);
    pthread_mutex_destroy(&vm->done_lock);
    pthread_cond_destroy(&vm->done_cond);
    free(vm->modules);
    free(vm->retired);
    for (uint32_t i = 0; i < vm->code_path_count; i++) {
        free(vm->code_path[i]);
    }
    free(vm->code_path);
    for (uint32_t i = 0; i < vm->required_count; i++) {
        free(vm->required[i]);
    }
    free(vm->required);
    pthread_mutex_destroy(&vm->modules_lock);
    atom_table_free(vm->atoms);
    free(vm);
}

static Module *find_locked(Vm *vm, Term name)
{
    for (uint32_t i = 0; i < vm->module_count; i++) {
        if (vm->modules[i]->name == name) {
            return vm->modules[i];
        }
    }
    return NULL;
}

Module *vm_find_module(Vm *vm, Term name)
{
    pthread_mutex_lock(&vm->modules_lock);
    Module *mod = find_locked(vm, name);
    pthread_mutex_unlock(&vm->modules_lock);
    return mod;
}

// After [name] is replaced, remote calls must reach the new code (as on the BEAM): every
// import that cached a function of the old version is reset, to be resolved again on its next
// call. Code already running in the old version finishes there (old modules are kept).
static void forget_resolved_imports(Vm *vm, Term name)
{
    for (uint32_t i = 0; i < vm->module_count; i++) {
        Module *m = vm->modules[i];
        for (uint32_t k = 0; k < m->import_count; k++) {
            if (m->imports[k].module == name) {
                __atomic_store_n(&m->imports[k].resolved, NULL, __ATOMIC_RELEASE);
            }
        }
    }
}

static void register_locked(Vm *vm, Module *mod)
{
    for (uint32_t i = 0; i < vm->module_count; i++) {
        if (vm->modules[i]->name == mod->name) {
            forget_resolved_imports(vm, mod->name);
            vm->retired = em_realloc(vm->retired, (vm->retired_count + 1) * sizeof(Module *));
            vm->retired[vm->retired_count++] = vm->modules[i];
            vm->modules[i] = mod;
            return;
        }
    }
    if (vm->module_count == vm->module_cap) {
        vm->module_cap = vm->module_cap ? vm->module_cap * 2 : 32;
        vm->modules = em_realloc(vm->modules, vm->module_cap * sizeof(Module *));
    }
    vm->modules[vm->module_count++] = mod;
}

void vm_register_module(Vm *vm, Module *mod)
{
    pthread_mutex_lock(&vm->modules_lock);
    register_locked(vm, mod);
    pthread_mutex_unlock(&vm->modules_lock);
}

void vm_set_stdlib(Vm *vm, const uint8_t *bytes, size_t size)
{
    vm->stdlib = bytes;
    vm->stdlib_size = size;
}

// Finds [name] among the embedded stdlib modules and loads it.
static Module *load_from_stdlib(Vm *vm, Term name)
{
    size_t want_len;
    const char *want = atom_name(vm->atoms, term_to_atom(name), &want_len);
    size_t offset = 0;
    while (offset < vm->stdlib_size) {
        const uint8_t *file = vm->stdlib + offset;
        size_t file_size = loader_file_size(file, vm->stdlib_size - offset);
        const char *mod_name;
        size_t mod_len;
        if (file_size == 0 || !loader_peek_name(file, file_size, &mod_name, &mod_len)) {
            return NULL;
        }
        if (mod_len == want_len && memcmp(mod_name, want, want_len) == 0) {
            char err[256];
            Module *mod = loader_load(vm, file, file_size, err, sizeof err);
            if (mod == NULL) {
                fprintf(stderr, "ember: cannot load stdlib module %s: %s\n", want, err);
            }
            return mod;
        }
        offset += (file_size + 7) & ~(size_t)7;
    }
    return NULL;
}

// Erlang modules that Ember implements in Ember live in the stdlib as Ember.Erlang.<Name>
// (`:timer` -> Ember.Erlang.Timer): the compiler only defines Elixir-named modules.
static Term erlang_stand_in(Vm *vm, Term name)
{
    size_t len;
    const char *text = atom_name(vm->atoms, term_to_atom(name), &len);
    char buf[128];
    if (len == 0 || len > 64 || strncmp(text, "Elixir.", 7) == 0 || text[0] < 'a' || text[0] > 'z') {
        return TERM_NONE;
    }
    int n = snprintf(buf, sizeof buf, "Elixir.Ember.Erlang.%c%.*s", text[0] - 'a' + 'A',
                     (int)len - 1, text + 1);
    uint32_t index;
    return atom_intern(vm->atoms, buf, (size_t)n, &index) ? term_from_atom(index) : TERM_NONE;
}

void vm_add_code_path(Vm *vm, const char *dir)
{
    pthread_mutex_lock(&vm->modules_lock);
    vm->code_path = em_realloc(vm->code_path, (vm->code_path_count + 1) * sizeof(char *));
    vm->code_path[vm->code_path_count++] = strdup(dir);
    pthread_mutex_unlock(&vm->modules_lock);
}

// Loads DIR/<name>.emb from the first code path directory that has it. A file that is there
// but fails to load is reported on stderr and counts as absent (so the call raises
// UndefinedFunctionError instead of running unverified code). Runs under modules_lock: a
// module is read from disk once, on its first call.
static Module *load_from_code_path(Vm *vm, Term name)
{
    size_t len;
    const char *text = atom_name(vm->atoms, term_to_atom(name), &len);
    if (memchr(text, '/', len) != NULL) {
        return NULL;
    }
    for (uint32_t i = 0; i < vm->code_path_count; i++) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%.*s.emb", vm->code_path[i], (int)len, text);
        size_t size;
        char *file = n > 0 && (size_t)n < sizeof path ? em_read_file(path, &size) : NULL;
        const uint8_t *bytes = (const uint8_t *)file;
        if (bytes == NULL) {
            continue;
        }
        char err[256];
        Module *mod = loader_load(vm, bytes, size, err, sizeof err);
        free(file);
        if (mod == NULL) {
            fprintf(stderr, "ember: cannot load %s: %s\n", path, err);
        } else if (mod->name != name) {
            fprintf(stderr, "ember: cannot load %s: it defines module %s, not %.*s\n", path,
                    atom_name(vm->atoms, term_to_atom(mod->name), NULL), (int)len, text);
            loader_free_module(mod);
            mod = NULL;
        }
        return mod;
    }
    return NULL;
}

static Module *get_locked(Vm *vm, Term name)
{
    Module *mod = find_locked(vm, name);
    if (mod != NULL) {
        return mod;
    }
    mod = load_from_stdlib(vm, name);
    if (mod == NULL && vm->code_path_count > 0) {
        mod = load_from_code_path(vm, name);
    }
    if (mod != NULL) {
        register_locked(vm, mod);
    }
    return mod;
}

Module *vm_get_module(Vm *vm, Term name)
{
    pthread_mutex_lock(&vm->modules_lock);
    Module *mod = get_locked(vm, name);
    if (mod == NULL) {
        Term stand_in = erlang_stand_in(vm, name);
        mod = stand_in != TERM_NONE ? get_locked(vm, stand_in) : NULL;
    }
    pthread_mutex_unlock(&vm->modules_lock);
    return mod;
}

// The atoms of the literal list that [module].[name]/0 returns, when that function is exactly
// LOAD_LIT r, k; RETURN r (as generated __struct_fields__/0 is), into [out] (at most [max]).
static uint32_t literal_list_function(Vm *vm, Term module, const char *name, Term *out,
                                      uint32_t max)
{
    uint32_t index;
    uint32_t count = 0;
    Module *mod = vm_get_module(vm, module);
    if (mod == NULL || !atom_lookup(vm->atoms, name, strlen(name), &index)) {
        return 0;
    }
    const Function *fn = module_find_function(mod, term_from_atom(index), 0);
    if (fn == NULL || fn->code_len < 3 || (fn->code[0] & 0xff) != OP_LOAD_LIT) {
        return 0;
    }
    for (Term l = mod->literals[fn->code[1]]; term_is_cons(l) && count < max; l = term_tl(l)) {
        out[count++] = term_hd(l);
    }
    return count;
}

uint32_t vm_struct_fields(Vm *vm, Term module, Term *out, uint32_t max)
{
    uint32_t count = error_struct_fields(vm, module, out, max);
    if (count > 0) {
        return count;
    }
    return literal_list_function(vm, module, "__struct_fields__", out, max);
}

uint32_t vm_struct_optional_fields(Vm *vm, Term module, Term *out, uint32_t max)
{
    return literal_list_function(vm, module, "__inspect_optional__", out, max);
}
