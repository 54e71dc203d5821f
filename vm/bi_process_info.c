// Introspection built-ins: Process.info/1,2, :erlang.process_info/2, system_info/1,
// memory/0,1 and the scheduler count. Figures about another process are read under its
// mailbox lock from fields its scheduler publishes (p->published_*) after every time slice.
#include <malloc.h>
#include <stdlib.h>

#include "bi_common.h"
#include "builtins.h"
#include "exit_report.h"
#include "inspect.h"
#include "process.h"
#include "signal.h"
#include "vm.h"

static Term atom_of(Process *p, const char *s)
{
    return bi_atom(p, s);
}

static const char *status_name(int status, bool self)
{
    if (self) {
        return "running";
    }
    switch (status) {
    case PROC_WAITING:
        return "waiting";
    case PROC_RUNNING:
        return "running";
    default:
        return "runnable";
    }
}

// The value of info item [key] about [q] (locked by the caller unless q == p), or TERM_NONE
// for an unknown key.
static Term info_value(Process *p, Process *q, Term key)
{
    bool self = q == p;
    if (key == atom_of(p, "message_queue_len")) {
        return term_from_small(proc_queue_len(q));
    }
    if (key == atom_of(p, "reductions")) {
        return term_make_int(p, (int64_t)proc_published_reductions(q, self));
    }
    if (key == atom_of(p, "memory")) {
        return term_from_small((int64_t)proc_memory_bytes(q, self));
    }
    if (key == atom_of(p, "heap_size") || key == atom_of(p, "total_heap_size")) {
        return term_from_small((int64_t)proc_heap_words(q, self));
    }
    if (key == atom_of(p, "stack_size")) {
        return term_from_small(self ? (int64_t)p->stack_top : 0);
    }
    if (key == atom_of(p, "status")) {
        return atom_of(p, status_name(atomic_load(&q->status), self));
    }
    if (key == atom_of(p, "links")) {
        return bi_list_from_array(p, q->rel->links, q->rel->link_count, TERM_NIL);
    }
    if (key == atom_of(p, "registered_name")) {
        return q->registered_name == TERM_NONE ? TERM_NIL : q->registered_name;
    }
    if (key == atom_of(p, "trap_exit")) {
        return term_from_bool(q->trap_exit);
    }
    if (key == atom_of(p, "dictionary") && self) {
        return bi_process_get_0(p, NULL);
    }
    if (key == atom_of(p, "messages") && self) {
        Term list = TERM_NIL;
        uint32_t n = 0;
        for (Message *m = p->mailbox.head; m != NULL; m = m->next) {
            n++;
        }
        Term *arr = em_malloc(((size_t)n + 1) * sizeof(Term));
        n = 0;
        for (Message *m = p->mailbox.head; m != NULL; m = m->next) {
            arr[n++] = m->term;
        }
        list = bi_list_from_array(p, arr, n, TERM_NIL);
        free(arr);
        return list;
    }
    return TERM_NONE;
}

// {key, value} for [pid], nil/undefined ([dead]) when it is not alive.
static Term process_info(Process *p, Term pid, Term key, Term dead)
{
    if (!term_is_pid(pid)) {
        return bi_badarg(p, 1, "not a pid");
    }
    if (!term_is_atom(key)) {
        return bi_badarg(p, 2, "not an info item");
    }
    Process *q = p;
    if (pid == p->pid) {
        mailbox_fetch(p); // so the counts include what has arrived
        pthread_mutex_lock(&p->mailbox.lock);
    } else if ((q = ptab_lock(p->vm, pid)) == NULL) {
        return dead;
    }
    Term value = info_value(p, q, key);
    pthread_mutex_unlock(&q->mailbox.lock);
    if (value == TERM_NONE) {
        return bi_badarg(p, 2, "unknown info item");
    }
    return bi_tuple2(p, key, value);
}

Term bi_process_info_2(Process *p, Term *args)
{
    if (term_is_cons(args[1])) {
        Term out = TERM_NIL;
        Term items[64];
        uint32_t n = 0;
        for (Term l = args[1]; term_is_cons(l) && n < 64; l = term_tl(l)) {
            Term v = process_info(p, args[0], term_hd(l), term_from_atom(ATOM_nil));
            if (v == TERM_NONE) {
                return TERM_NONE;
            }
            if (v == term_from_atom(ATOM_nil)) {
                return v;
            }
            items[n++] = v;
        }
        out = bi_list_from_array(p, items, n, TERM_NIL);
        return out;
    }
    return process_info(p, args[0], args[1], term_from_atom(ATOM_nil));
}

Term bi_erlang_process_info_2(Process *p, Term *args)
{
    return process_info(p, args[0], args[1], term_from_atom(ATOM_undefined));
}

// Process.info/1: a keyword list of the common items, nil when dead.
Term bi_process_info_1(Process *p, Term *args)
{
    static const char *const keys[] = {"registered_name", "status", "message_queue_len",
                                       "links", "trap_exit", "heap_size", "memory", "reductions"};
    Term items[8];
    for (uint32_t i = 0; i < 8; i++) {
        Term v = process_info(p, args[0], atom_of(p, keys[i]), term_from_atom(ATOM_nil));
        if (v == TERM_NONE || v == term_from_atom(ATOM_nil)) {
            return v;
        }
        if (i == 0 && term_tuple_elems(v)[1] == TERM_NIL) {
            items[i] = bi_tuple2(p, atom_of(p, "registered_name"), TERM_NIL);
        }
        items[i] = v;
    }
    return bi_list_from_array(p, items, 8, TERM_NIL);
}

// ==== The system ====

static size_t malloc_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

Term bi_erlang_system_info_1(Process *p, Term *args)
{
    Term key = args[0];
    Vm *vm = p->vm;
    if (key == atom_of(p, "schedulers_online") || key == atom_of(p, "schedulers")) {
        return term_from_small(vm->sched.count ? vm->sched.count : 1);
    }
    if (key == atom_of(p, "logical_processors") || key == atom_of(p, "logical_processors_online")) {
        return term_from_small(sched_default_count());
    }
    if (key == atom_of(p, "process_count")) {
        return term_from_small(atomic_load(&vm->ptab.live));
    }
    if (key == atom_of(p, "process_limit")) {
        return term_from_small(vm->ptab.max);
    }
    if (key == atom_of(p, "otp_release")) {
        return bi_charlist_from_utf8(p, (const uint8_t *)"25", 2);
    }
    return bi_badarg(p, 1, "unknown system_info item");
}

Term bi_system_schedulers_online_0(Process *p, Term *args)
{
    (void)args;
    return term_from_small(p->vm->sched.count ? p->vm->sched.count : 1);
}

static Term memory_item(Process *p, Term key)
{
    size_t total = malloc_in_use();
    size_t processes = (size_t)atomic_load(&p->vm->ptab.live) * sizeof(Process);
    if (key == atom_of(p, "total")) {
        return term_make_int(p, (int64_t)total);
    }
    if (key == atom_of(p, "processes") || key == atom_of(p, "processes_used")) {
        return term_make_int(p, (int64_t)processes);
    }
    if (key == atom_of(p, "system") || key == atom_of(p, "atom") || key == atom_of(p, "binary") ||
        key == atom_of(p, "code") || key == atom_of(p, "ets")) {
        return term_make_int(p, key == atom_of(p, "system") ? (int64_t)(total - processes) : 0);
    }
    return TERM_NONE;
}

Term bi_erlang_memory_1(Process *p, Term *args)
{
    Term v = term_is_atom(args[0]) ? memory_item(p, args[0]) : TERM_NONE;
    return v == TERM_NONE ? bi_badarg(p, 1, "unknown memory type") : v;
}

Term bi_erlang_memory_0(Process *p, Term *args)
{
    (void)args;
    static const char *const keys[] = {"total", "processes", "processes_used", "system",
                                       "atom", "binary", "code", "ets"};
    Term items[8];
    for (uint32_t i = 0; i < 8; i++) {
        Term key = atom_of(p, keys[i]);
        items[i] = bi_tuple2(p, key, memory_item(p, key));
    }
    return bi_list_from_array(p, items, 8, TERM_NIL);
}

// Exception.format_exit/1: the text Elixir prints for an exit reason (exit_report.c).
Term bi_exception_format_exit_1(Process *p, Term *args)
{
    StrBuf out = {0};
    exit_report_format_exit(p->vm, p, args[0], &out);
    Term text = bi_binary_from_buf(p, &out);
    strbuf_free(&out);
    return text;
}
