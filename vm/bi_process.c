// Process built-ins: spawning, sending, links, monitors, exit signals, registered names,
// timers, the process dictionary and Process.info (Kernel, Process and :erlang rows of
// builtins.def). The mechanics live in signal.c, proc_table.c, timer.c and scheduler.c.
#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "builtins.h"
#include "bytecode.h"
#include "error.h"
#include "map.h"
#include "module.h"
#include "process.h"
#include "scheduler.h"
#include "signal.h"
#include "vm.h"

static Term atom_of(Process *p, const char *s)
{
    return bi_atom(p, s);
}

static bool is_atom_named(Process *p, Term t, const char *s)
{
    return term_is_atom(t) && t == atom_of(p, s);
}

// ==== Spawning ====

// Makes [q] start by calling [fn] with [argc] arguments copied from [args] (on p's heap).
static void start_call(Process *q, const Function *fn, const Term *args, uint32_t argc)
{
    Term copies[EMB_MAX_ARITY + 1];
    for (uint32_t i = 0; i < argc; i++) {
        copies[i] = term_copy_to(q, args[i]);
    }
    proc_set_initial_call(q, fn, copies, argc);
}

// Sets up [q] to run [fun] (a zero-arity closure or export) or apply(m, f, args). False when
// the description is not valid (the caller raises ArgumentError in the parent, like BEAM).
static bool setup_initial_call(Process *p, Process *q, Term fun, Term m, Term f, Term args)
{
    Vm *vm = p->vm;
    if (fun != TERM_NONE && term_is_boxed_type(fun, TERM_TYPE_CLOSURE)) {
        const Function *lambda = (const Function *)(uintptr_t)term_boxed_ptr(fun)[1];
        if (lambda->arity != 0) {
            return false;
        }
        start_call(q, lambda, term_boxed_ptr(fun) + 2, lambda->free_count);
        return true;
    }
    if (fun != TERM_NONE) {
        if (!term_is_boxed_type(fun, TERM_TYPE_EXPORT) || term_boxed_ptr(fun)[3] != term_from_small(0)) {
            return false;
        }
        m = term_boxed_ptr(fun)[1];
        f = term_boxed_ptr(fun)[2];
        args = TERM_NIL;
    }
    size_t argc;
    if (!term_is_atom(m) || !term_is_atom(f) || !bi_list_length(args, &argc) || argc > EMB_MAX_ARITY) {
        return false;
    }
    Module *mod = vm_get_module(vm, m);
    const Function *fn = mod ? module_find_function(mod, f, (uint32_t)argc) : NULL;
    if (fn != NULL) {
        Term arr[EMB_MAX_ARITY + 1];
        uint32_t i = 0;
        for (Term l = args; term_is_cons(l); l = term_tl(l)) {
            arr[i++] = term_hd(l);
        }
        start_call(q, fn, arr, (uint32_t)argc);
        return true;
    }
    // A built-in, or nothing at all: Process.__apply__/3 calls it (or raises undef) in q.
    Module *trampoline = vm_get_module(vm, atom_of(p, "Elixir.Process"));
    fn = trampoline ? module_find_function(trampoline, atom_of(p, "__apply__"), 3) : NULL;
    if (fn == NULL) {
        return false;
    }
    Term mfa[3] = {m, f, args};
    start_call(q, fn, mfa, 3);
    return true;
}

enum { SPAWN_LINK = 1, SPAWN_MONITOR = 2 };

static Term spawn_common(Process *p, Term fun, Term m, Term f, Term args, int opts)
{
    Vm *vm = p->vm;
    Process *q = ptab_spawn(vm);
    if (q == NULL) {
        return error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
    }
    if (!setup_initial_call(p, q, fun, m, f, args) || q->exc_kind != TERM_NONE) {
        proc_release_memory(q);
        atomic_store(&q->status, PROC_EXITING);
        ptab_release(vm, q);
        return bi_badarg(p, 1, "not a valid function to spawn");
    }
    // q is not running yet, so its lists can be set directly (under its lock for readers).
    Term result = q->pid;
    if (opts & SPAWN_LINK) {
        pthread_mutex_lock(&q->mailbox.lock);
        ProcRelations *r = proc_relations(q);
        r->links = em_malloc(2 * sizeof(Term));
        r->link_cap = 2;
        r->links[r->link_count++] = p->pid;
        pthread_mutex_unlock(&q->mailbox.lock);
        atomic_store(&q->status, PROC_RUNNABLE); // so signal_link sees it alive
        signal_link(p, q->pid);
    }
    atomic_store(&q->status, PROC_RUNNABLE);
    if (opts & SPAWN_MONITOR) {
        Term ref = term_make_ref(p);
        signal_monitor(p, q->pid, TERM_NONE, (uint64_t)term_boxed_ptr(ref)[1], ref);
        result = bi_tuple2(p, q->pid, ref);
    }
    sched_enqueue(vm, q);
    return result;
}

Term bi_spawn_1(Process *p, Term *args) { return spawn_common(p, args[0], 0, 0, 0, 0); }
Term bi_spawn_3(Process *p, Term *args) { return spawn_common(p, TERM_NONE, args[0], args[1], args[2], 0); }
Term bi_spawn_link_1(Process *p, Term *args) { return spawn_common(p, args[0], 0, 0, 0, SPAWN_LINK); }
Term bi_spawn_link_3(Process *p, Term *args)
{
    return spawn_common(p, TERM_NONE, args[0], args[1], args[2], SPAWN_LINK);
}
Term bi_spawn_monitor_1(Process *p, Term *args)
{
    return spawn_common(p, args[0], 0, 0, 0, SPAWN_MONITOR);
}
Term bi_spawn_monitor_3(Process *p, Term *args)
{
    return spawn_common(p, TERM_NONE, args[0], args[1], args[2], SPAWN_MONITOR);
}

// :erlang.spawn_opt(fun, opts): :link and :monitor are honoured, other options ignored.
Term bi_spawn_opt_2(Process *p, Term *args)
{
    int opts = 0;
    for (Term l = args[1]; term_is_cons(l); l = term_tl(l)) {
        opts |= is_atom_named(p, term_hd(l), "link") ? SPAWN_LINK : 0;
        opts |= is_atom_named(p, term_hd(l), "monitor") ? SPAWN_MONITOR : 0;
    }
    return spawn_common(p, args[0], 0, 0, 0, opts);
}

// ==== Identity and sending ====

Term bi_self_0(Process *p, Term *args)
{
    (void)args;
    return p->pid;
}

// Node.self/0: this node's name, as node/0 gives it.
Term bi_node_self_0(Process *p, Term *args)
{
    (void)p;
    (void)args;
    return term_from_atom(ATOM_nonode);
}

// The pid a send destination names, or TERM_NONE (after raising) when it names nobody.
static Term destination(Process *p, Term dest)
{
    if (term_is_pid(dest)) {
        return dest;
    }
    if (term_is_tuple(dest) && term_tuple_arity(dest) == 2) {
        dest = term_tuple_elems(dest)[0]; // {name, node}: this node only
    }
    if (term_is_atom(dest)) {
        Term pid = registry_whereis(p->vm, dest);
        if (pid != TERM_NONE) {
            return pid;
        }
    }
    error_raise(p, ERR_ARGUMENT,
                "errors were found at the given arguments:\n\n  * 1st argument: invalid destination\n");
    return TERM_NONE;
}

Term bi_send_2(Process *p, Term *args)
{
    Term pid = destination(p, args[0]);
    if (pid == TERM_NONE) {
        return TERM_NONE;
    }
    proc_charge(p, signal_send(p->vm, pid, args[1]));
    return args[1];
}

// Process.send(dest, msg, opts): like send/2, returns :ok.
Term bi_process_send_3(Process *p, Term *args)
{
    return bi_send_2(p, args) == TERM_NONE ? TERM_NONE : atom_of(p, "ok");
}

// ==== Links, monitors, exit signals ====

Term bi_link_1(Process *p, Term *args)
{
    if (!term_is_pid(args[0])) {
        return bi_badarg(p, 1, "not a pid");
    }
    if (!signal_link(p, args[0])) {
        if (!p->trap_exit) {
            return proc_raise(p, term_from_atom(ATOM_error),
                              error_normalize(p, term_from_atom(ATOM_noproc)));
        }
        Term elems[3] = {term_from_atom(ATOM_EXIT), args[0], term_from_atom(ATOM_noproc)};
        signal_send(p->vm, p->pid, term_make_tuple(p, 3, elems));
    }
    return term_true();
}

Term bi_unlink_1(Process *p, Term *args)
{
    if (!term_is_pid(args[0])) {
        return bi_badarg(p, 1, "not a pid");
    }
    signal_unlink(p, args[0]);
    return term_true();
}

static Term monitor_target(Process *p, Term target)
{
    Term ref = term_make_ref(p);
    uint64_t number = (uint64_t)term_boxed_ptr(ref)[1];
    Term name = TERM_NONE;
    if (term_is_tuple(target) && term_tuple_arity(target) == 2) {
        target = term_tuple_elems(target)[0];
    }
    if (term_is_atom(target)) {
        name = target;
        target = registry_whereis(p->vm, name);
        if (target == TERM_NONE) {
            target = term_make_pid(UINT32_MAX >> 1, 0); // no such process: DOWN :noproc
        }
    } else if (!term_is_pid(target)) {
        return bi_badarg(p, 1, "not a pid or a registered name");
    }
    signal_monitor(p, target, name, number, ref);
    return ref;
}

Term bi_process_monitor_1(Process *p, Term *args) { return monitor_target(p, args[0]); }

// :erlang.monitor(:process, target)
Term bi_erlang_monitor_2(Process *p, Term *args)
{
    if (!is_atom_named(p, args[0], "process")) {
        return bi_badarg(p, 1, "only :process monitors are supported");
    }
    return monitor_target(p, args[1]);
}

// Removes every {:DOWN, ref, _, _, _} message for [ref] from p's mailbox.
static void flush_down(Process *p, Term ref)
{
    mailbox_fetch(p);
    Mailbox *mb = &p->mailbox;
    for (mb->cursor = &mb->head; *mb->cursor != NULL;) {
        Term m = (*mb->cursor)->term;
        if (term_is_tuple(m) && term_tuple_arity(m) == 5 &&
            term_tuple_elems(m)[0] == term_from_atom(ATOM_DOWN) &&
            term_exact_equal(term_tuple_elems(m)[1], ref)) {
            Message **here = mb->cursor;
            mailbox_accept(p);
            mb->cursor = here;
        } else {
            mb->cursor = &(*mb->cursor)->next;
        }
    }
    mb->cursor = &mb->head;
}

static Term demonitor(Process *p, Term ref, Term opts)
{
    if (!term_is_ref(ref)) {
        return bi_badarg(p, 1, "not a reference");
    }
    bool active = signal_demonitor(p, (uint64_t)term_boxed_ptr(ref)[1]);
    bool info = false;
    for (Term l = opts; term_is_cons(l); l = term_tl(l)) {
        if (is_atom_named(p, term_hd(l), "flush")) {
            flush_down(p, ref);
        } else if (is_atom_named(p, term_hd(l), "info")) {
            info = true;
        } else if (is_atom_named(p, term_hd(l), "ember_drop_replies")) {
            signal_drop_replies(p, (uint64_t)term_boxed_ptr(ref)[1]);
        }
    }
    return info ? term_from_bool(active) : term_true();
}

Term bi_demonitor_1(Process *p, Term *args) { return demonitor(p, args[0], TERM_NIL); }
Term bi_demonitor_2(Process *p, Term *args) { return demonitor(p, args[0], args[1]); }

// Process.exit(pid, reason). To itself the signal acts at once (it cannot wait for the next
// switch-in): kill and untrapped reasons end the process through an exit raise.
Term bi_process_exit_2(Process *p, Term *args)
{
    Term pid = args[0];
    Term reason = args[1];
    if (!term_is_pid(pid)) {
        return bi_badarg(p, 1, "not a pid");
    }
    if (pid != p->pid) {
        signal_exit(p, pid, reason);
        return term_true();
    }
    if (reason == term_from_atom(ATOM_kill)) {
        return proc_raise(p, term_from_atom(ATOM_exit), term_from_atom(ATOM_killed));
    }
    if (p->trap_exit) {
        Term elems[3] = {term_from_atom(ATOM_EXIT), pid, reason};
        signal_send(p->vm, p->pid, term_make_tuple(p, 3, elems));
        return term_true();
    }
    return proc_raise(p, term_from_atom(ATOM_exit), reason);
}

// Process.flag(flag, value): the old value. Only :trap_exit has an effect.
Term bi_process_flag_2(Process *p, Term *args)
{
    if (args[0] == term_from_atom(ATOM_trap_exit)) {
        if (!term_is_boolean(args[1])) {
            return bi_badarg(p, 2, "not a boolean");
        }
        bool old = p->trap_exit;
        pthread_mutex_lock(&p->mailbox.lock);
        p->trap_exit = args[1] == term_true();
        pthread_mutex_unlock(&p->mailbox.lock);
        return term_from_bool(old);
    }
    if (!term_is_atom(args[0])) {
        return bi_badarg(p, 1, "not a flag");
    }
    return is_atom_named(p, args[0], "priority") ? atom_of(p, "normal") : term_false();
}

Term bi_process_alive_1(Process *p, Term *args)
{
    if (!term_is_pid(args[0])) {
        return bi_badarg(p, 1, "not a pid");
    }
    return term_from_bool(args[0] == p->pid || ptab_alive(p->vm, args[0]));
}

// ==== Registered names ====

Term bi_register_2(Process *p, Term *args)
{
    Term pid = args[0];
    Term name = args[1];
    if (!term_is_atom(name) || name == term_from_atom(ATOM_nil) ||
        name == term_from_atom(ATOM_undefined) || !term_is_pid(pid)) {
        return bi_badarg(p, 2, "not a valid name");
    }
    if (!registry_register(p->vm, name, pid)) {
        return bi_badarg(p, 1, "the name is already registered, or the process is dead or named");
    }
    return term_true();
}

Term bi_unregister_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0]) || !registry_unregister(p->vm, args[0])) {
        return bi_badarg(p, 1, "the name is not registered");
    }
    return term_true();
}

static Term whereis(Process *p, Term name, Term none)
{
    if (!term_is_atom(name)) {
        return bi_badarg(p, 1, "not an atom");
    }
    Term pid = registry_whereis(p->vm, name);
    return pid == TERM_NONE || !ptab_alive(p->vm, pid) ? none : pid;
}

Term bi_process_whereis_1(Process *p, Term *args) { return whereis(p, args[0], term_from_atom(ATOM_nil)); }
Term bi_erlang_whereis_1(Process *p, Term *args) { return whereis(p, args[0], term_from_atom(ATOM_undefined)); }

Term bi_registered_0(Process *p, Term *args)
{
    (void)args;
    Term names[4096];
    uint32_t n = registry_names(p->vm, names, 4096);
    return bi_list_from_array(p, names, n, TERM_NIL);
}

Term bi_process_list_0(Process *p, Term *args)
{
    (void)args;
    uint32_t live = atomic_load(&p->vm->ptab.live) + 64;
    Term *pids = em_malloc(live * sizeof(Term));
    uint32_t n = ptab_list(p->vm, pids, live);
    Term list = bi_list_from_array(p, pids, n, TERM_NIL);
    free(pids);
    return list;
}

// ==== Timers ====

Term bi_send_after_3(Process *p, Term *args)
{
    Term dest = args[0];
    if ((!term_is_pid(dest) && !term_is_atom(dest)) || !term_is_small(args[2]) ||
        term_to_small(args[2]) < 0) {
        return bi_badarg(p, term_is_small(args[2]) ? 1 : 3, "invalid destination or time");
    }
    Message *m = message_copy(args[1], MSG_PLAIN, TERM_NONE);
    uint64_t ref = timer_send_after(p->vm, term_is_pid(dest) ? dest : TERM_NONE,
                                    term_is_atom(dest) ? dest : TERM_NONE, m,
                                    (uint64_t)term_to_small(args[2]));
    return term_make_ref_number(p, ref);
}

Term bi_send_after_4(Process *p, Term *args) { return bi_send_after_3(p, args); }

// :erlang.send_after(time, dest, msg): Erlang's argument order.
Term bi_erlang_send_after_3(Process *p, Term *args)
{
    Term reordered[3] = {args[1], args[2], args[0]};
    return bi_send_after_3(p, reordered);
}

Term bi_erlang_send_after_4(Process *p, Term *args) { return bi_erlang_send_after_3(p, args); }

static Term timer_result(Process *p, Term ref, bool cancel)
{
    if (!term_is_ref(ref)) {
        return bi_badarg(p, 1, "not a timer reference");
    }
    uint64_t n = (uint64_t)term_boxed_ptr(ref)[1];
    int64_t left = cancel ? timer_cancel(p->vm, n) : timer_read(p->vm, n);
    return left < 0 ? term_false() : term_from_small(left);
}

Term bi_cancel_timer_1(Process *p, Term *args) { return timer_result(p, args[0], true); }
Term bi_cancel_timer_2(Process *p, Term *args) { return timer_result(p, args[0], true); }
Term bi_read_timer_1(Process *p, Term *args) { return timer_result(p, args[0], false); }

// ==== Process dictionary ====

static Term dict_get(Process *p, Term key, Term none)
{
    Term value;
    return term_is_map(p->dictionary) && map_get(p->dictionary, key, &value) ? value : none;
}

Term bi_process_put_2(Process *p, Term *args)
{
    Term old = dict_get(p, args[0], term_from_atom(ATOM_nil));
    Term dict = term_is_map(p->dictionary) ? p->dictionary : map_new(p);
    p->dictionary = map_put(p, dict, args[0], args[1]);
    return old;
}

Term bi_erlang_put_2(Process *p, Term *args)
{
    Term old = dict_get(p, args[0], term_from_atom(ATOM_undefined));
    bi_process_put_2(p, args);
    return old;
}

Term bi_process_get_1(Process *p, Term *args) { return dict_get(p, args[0], term_from_atom(ATOM_nil)); }
Term bi_process_get_2(Process *p, Term *args) { return dict_get(p, args[0], args[1]); }
Term bi_erlang_get_1(Process *p, Term *args) { return dict_get(p, args[0], term_from_atom(ATOM_undefined)); }

static Term dict_delete(Process *p, Term key, Term none)
{
    Term old = dict_get(p, key, none);
    if (term_is_map(p->dictionary)) {
        p->dictionary = map_remove(p, p->dictionary, key);
    }
    return old;
}

Term bi_process_delete_1(Process *p, Term *args) { return dict_delete(p, args[0], term_from_atom(ATOM_nil)); }
Term bi_erlang_erase_1(Process *p, Term *args) { return dict_delete(p, args[0], term_from_atom(ATOM_undefined)); }

// What dict_list collects from the process dictionary.
typedef enum DictItems { DICT_PAIRS, DICT_KEYS, DICT_KEYS_OF_VALUE } DictItems;

// The dictionary's {key, value} pairs, its keys, or the keys whose value is [value].
static Term dict_list(Process *p, DictItems items, Term value)
{
    Term list = TERM_NIL;
    if (!term_is_map(p->dictionary)) {
        return list;
    }
    MapIter it;
    map_iter_init(&it, p->dictionary);
    Term k;
    Term v;
    while (map_iter_next(&it, &k, &v)) {
        if (items == DICT_PAIRS) {
            list = term_make_cons(p, bi_tuple2(p, k, v), list);
        } else if (items == DICT_KEYS || term_exact_equal(v, value)) {
            list = term_make_cons(p, k, list);
        }
    }
    return list;
}

Term bi_process_get_0(Process *p, Term *args)
{
    (void)args;
    return dict_list(p, DICT_PAIRS, TERM_NONE);
}

Term bi_process_get_keys_0(Process *p, Term *args)
{
    (void)args;
    return dict_list(p, DICT_KEYS, TERM_NONE);
}

Term bi_process_get_keys_1(Process *p, Term *args)
{
    return dict_list(p, DICT_KEYS_OF_VALUE, args[0]);
}

// ==== :erlang and Kernel names of the functions above (one C function per row) ====

#define ALIAS(name, target) \
    Term name(Process *p, Term *args) { return target(p, args); }
ALIAS(bi_erlang_self_0, bi_self_0)
ALIAS(bi_erlang_send_2, bi_send_2)
ALIAS(bi_erlang_spawn_1, bi_spawn_1)
ALIAS(bi_erlang_spawn_3, bi_spawn_3)
ALIAS(bi_erlang_spawn_link_1, bi_spawn_link_1)
ALIAS(bi_erlang_spawn_link_3, bi_spawn_link_3)
ALIAS(bi_erlang_spawn_monitor_1, bi_spawn_monitor_1)
ALIAS(bi_erlang_spawn_monitor_3, bi_spawn_monitor_3)
ALIAS(bi_erlang_exit_2, bi_process_exit_2)
ALIAS(bi_erlang_process_flag_2, bi_process_flag_2)
ALIAS(bi_erlang_link_1, bi_link_1)
ALIAS(bi_erlang_unlink_1, bi_unlink_1)
ALIAS(bi_erlang_demonitor_1, bi_demonitor_1)
ALIAS(bi_erlang_demonitor_2, bi_demonitor_2)
ALIAS(bi_erlang_register_2, bi_register_2)
ALIAS(bi_erlang_unregister_1, bi_unregister_1)
ALIAS(bi_erlang_registered_0, bi_registered_0)
ALIAS(bi_erlang_processes_0, bi_process_list_0)
ALIAS(bi_erlang_is_process_alive_1, bi_process_alive_1)
ALIAS(bi_erlang_cancel_timer_1, bi_cancel_timer_1)
ALIAS(bi_erlang_read_timer_1, bi_read_timer_1)
ALIAS(bi_erlang_get_0, bi_process_get_0)
