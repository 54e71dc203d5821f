// Messages, links, monitors, exit signals and process teardown (signal.h). Lock discipline:
// a thread holds at most one process's mailbox lock at a time, so there is no lock order to
// get wrong; each side of a link or monitor is updated under its own owner's lock.
#include "signal.h"

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "process.h"
#include "scheduler.h"
#include "vm.h"

Term term_make_ref_number(Process *p, uint64_t n)
{
    Term *obj = heap_alloc_in(&p->heap, 2);
    obj[0] = term_make_header(TERM_TYPE_REF, 1);
    obj[1] = (Term)n;
    return term_from_boxed(obj);
}

bool signal_wake_locked(Process *p)
{
    int expected = PROC_WAITING;
    return atomic_compare_exchange_strong(&p->status, &expected, PROC_RUNNABLE);
}

// True when [m] is a late reply {ref, _} that [p] asked to drop (its lock held); forgets
// the ref, since one call gets one reply.
static bool is_dropped_reply(Process *p, const Message *m)
{
    Term t = m->term;
    if (p->rel->dropped_count == 0 || m->kind != MSG_PLAIN || !term_is_tuple(t) ||
        term_tuple_arity(t) != 2 || !term_is_ref(term_tuple_elems(t)[0])) {
        return false;
    }
    uint64_t ref = (uint64_t)term_boxed_ptr(term_tuple_elems(t)[0])[1];
    for (uint32_t i = 0; i < p->rel->dropped_count; i++) {
        if (p->rel->dropped_refs[i] == ref) {
            p->rel->dropped_refs[i] = p->rel->dropped_refs[--p->rel->dropped_count];
            return true;
        }
    }
    return false;
}

void signal_drop_replies(Process *p, uint64_t ref)
{
    pthread_mutex_lock(&p->mailbox.lock);
    ProcRelations *r = proc_relations(p);
    if (r->dropped_refs == NULL) {
        r->dropped_refs = em_malloc(PROC_MAX_DROPPED_REFS * sizeof(uint64_t));
    }
    if (r->dropped_count == PROC_MAX_DROPPED_REFS) {
        memmove(r->dropped_refs, r->dropped_refs + 1, (PROC_MAX_DROPPED_REFS - 1) * sizeof(uint64_t));
        r->dropped_count--;
    }
    r->dropped_refs[r->dropped_count++] = ref;
    pthread_mutex_unlock(&p->mailbox.lock);
}

bool signal_deliver(Vm *vm, Term pid, Message *m)
{
    Process *p = ptab_lock(vm, pid);
    if (p == NULL) {
        message_free(m);
        return false;
    }
    if (is_dropped_reply(p, m)) {
        pthread_mutex_unlock(&p->mailbox.lock);
        message_free(m);
        return true;
    }
    Mailbox *mb = &p->mailbox;
    // Messages and signals share one FIFO: per-sender order holds between them too.
    m->next = NULL;
    *mb->in_tail = m;
    mb->in_tail = &m->next;
    mb->in_len++;
    if (m->kind != MSG_PLAIN) {
        atomic_store(&p->has_signals, true);
    }
    bool wake = signal_wake_locked(p);
    pthread_mutex_unlock(&mb->lock);
    if (wake) {
        sched_enqueue(vm, p);
    }
    return true;
}

size_t signal_send(Vm *vm, Term pid, Term msg)
{
    if (!ptab_alive(vm, pid)) {
        return 0; // skip the copy; delivery re-checks anyway
    }
    Message *m = message_copy(msg, MSG_PLAIN, TERM_NONE);
    size_t words = m->frag ? (size_t)(m->frag->top - m->frag->data) : 0;
    signal_deliver(vm, pid, m);
    return words;
}

// ==== Link and monitor sets (callers hold the owner's lock) ====

static bool pid_list_has(const Term *list, uint32_t count, Term pid)
{
    for (uint32_t i = 0; i < count; i++) {
        if (list[i] == pid) {
            return true;
        }
    }
    return false;
}

static void link_add(Process *p, Term pid)
{
    if (pid_list_has(p->rel->links, p->rel->link_count, pid)) {
        return;
    }
    ProcRelations *r = proc_relations(p);
    if (r->link_count == r->link_cap) {
        r->link_cap = r->link_cap ? r->link_cap * 2 : 2;
        r->links = em_realloc(r->links, r->link_cap * sizeof(Term));
    }
    r->links[r->link_count++] = pid;
}

static bool link_remove(Process *p, Term pid)
{
    for (uint32_t i = 0; i < p->rel->link_count; i++) {
        if (p->rel->links[i] == pid) {
            p->rel->links[i] = p->rel->links[--p->rel->link_count];
            return true;
        }
    }
    return false;
}

static void monitor_add(MonitorEntry **list, uint32_t *count, uint32_t *cap, MonitorEntry e)
{
    if (*count == *cap) {
        *cap = *cap ? *cap * 2 : 2;
        *list = em_realloc(*list, *cap * sizeof(MonitorEntry));
    }
    (*list)[(*count)++] = e;
}

static bool monitor_remove(MonitorEntry *list, uint32_t *count, uint64_t ref, MonitorEntry *out)
{
    for (uint32_t i = 0; i < *count; i++) {
        if (list[i].ref == ref) {
            if (out != NULL) {
                *out = list[i];
            }
            list[i] = list[--*count];
            return true;
        }
    }
    return false;
}

// ==== Links, monitors, exit ====

bool signal_link(Process *p, Term other)
{
    if (other == p->pid) {
        return true;
    }
    Process *q = ptab_lock(p->vm, other);
    if (q == NULL) {
        return false;
    }
    link_add(q, p->pid);
    pthread_mutex_unlock(&q->mailbox.lock);
    pthread_mutex_lock(&p->mailbox.lock);
    link_add(p, other);
    pthread_mutex_unlock(&p->mailbox.lock);
    return true;
}

void signal_unlink(Process *p, Term other)
{
    pthread_mutex_lock(&p->mailbox.lock);
    link_remove(p, other);
    pthread_mutex_unlock(&p->mailbox.lock);
    Process *q = ptab_lock(p->vm, other);
    if (q != NULL) {
        link_remove(q, p->pid);
        pthread_mutex_unlock(&q->mailbox.lock);
    }
}

// {:DOWN, ref, :process, who, reason} on [p]'s heap; [who] is the pid or {name, node}.
static Term make_down(Process *p, uint64_t ref, Term pid, Term name, Term reason)
{
    Term who = pid;
    if (name != TERM_NONE) {
        Term pair[2] = {name, term_from_atom(ATOM_nonode)};
        who = term_make_tuple(p, 2, pair);
    }
    Term elems[5] = {term_from_atom(ATOM_DOWN), term_make_ref_number(p, ref),
                     term_from_atom(ATOM_process), who, reason};
    return term_make_tuple(p, 5, elems);
}

void signal_monitor(Process *p, Term target, Term name, uint64_t ref, Term ref_term)
{
    (void)ref_term;
    Process *q = ptab_lock(p->vm, target);
    if (q == NULL) {
        Term down = make_down(p, ref, target, name, term_from_atom(ATOM_noproc));
        signal_deliver(p->vm, p->pid, message_copy(down, MSG_PLAIN, TERM_NONE));
        return;
    }
    ProcRelations *qr = proc_relations(q);
    monitor_add(&qr->monitored_by, &qr->monitored_by_count, &qr->monitored_by_cap,
                (MonitorEntry){.ref = ref, .pid = p->pid, .name = name});
    pthread_mutex_unlock(&q->mailbox.lock);
    pthread_mutex_lock(&p->mailbox.lock);
    ProcRelations *pr = proc_relations(p);
    monitor_add(&pr->monitors, &pr->monitor_count, &pr->monitor_cap,
                (MonitorEntry){.ref = ref, .pid = target, .name = name});
    pthread_mutex_unlock(&p->mailbox.lock);
}

bool signal_demonitor(Process *p, uint64_t ref)
{
    MonitorEntry e;
    pthread_mutex_lock(&p->mailbox.lock);
    bool found = monitor_remove(p->rel->monitors, &p->rel->monitor_count, ref, &e);
    pthread_mutex_unlock(&p->mailbox.lock);
    if (!found) {
        return false;
    }
    Process *q = ptab_lock(p->vm, e.pid);
    if (q != NULL) {
        monitor_remove(q->rel->monitored_by, &q->rel->monitored_by_count, ref, NULL);
        pthread_mutex_unlock(&q->mailbox.lock);
    }
    return true;
}

void signal_exit(Process *p, Term pid, Term reason)
{
    signal_deliver(p->vm, pid, message_copy(reason, MSG_EXIT_DIRECT, p->pid));
}

// ==== Handling queued signals (owner) ====

// Queues {:EXIT, from, reason} as an ordinary message (in arrival order: the signals are
// handled in the order they came, interleaved with the messages around them).
static void trap(Process *p, Term from, Term reason)
{
    Term elems[3] = {term_from_atom(ATOM_EXIT), from, reason};
    Message *m = message_copy(term_make_tuple(p, 3, elems), MSG_PLAIN, TERM_NONE);
    mailbox_append_private(p, m);
}

// Handles one signal; false when it ends the process (p->exit_reason set).
static bool handle_one(Process *p, Message *m)
{
    Term reason = term_copy_to(p, m->term);
    Term kill = term_from_atom(ATOM_kill);
    Term normal = term_from_atom(ATOM_normal);
    switch (m->kind) {
    case MSG_EXIT_LINK: {
        pthread_mutex_lock(&p->mailbox.lock);
        bool linked = link_remove(p, m->from);
        pthread_mutex_unlock(&p->mailbox.lock);
        if (!linked) {
            return true; // unlinked meanwhile: the signal is void
        }
        if (p->trap_exit) {
            trap(p, m->from, reason);
            return true;
        }
        if (reason == normal) {
            return true;
        }
        p->exit_reason = reason;
        return false;
    }
    case MSG_EXIT_DIRECT:
        if (reason == kill) {
            p->exit_reason = term_from_atom(ATOM_killed);
            return false;
        }
        if (p->trap_exit) {
            trap(p, m->from, reason);
            return true;
        }
        if (reason == normal && m->from != p->pid) {
            return true;
        }
        p->exit_reason = reason;
        return false;
    case MSG_DOWN: {
        pthread_mutex_lock(&p->mailbox.lock);
        bool active = monitor_remove(p->rel->monitors, &p->rel->monitor_count, m->ref, NULL);
        pthread_mutex_unlock(&p->mailbox.lock);
        if (active) {
            mailbox_append_private(p, message_copy(reason, MSG_PLAIN, TERM_NONE));
        }
        return true;
    }
    default:
        return true;
    }
}

bool signal_handle_pending(Process *p)
{
    if (!atomic_load(&p->has_signals)) {
        return true;
    }
    Mailbox *mb = &p->mailbox;
    pthread_mutex_lock(&mb->lock);
    Message *m = mb->in_head;
    mb->in_head = NULL;
    mb->in_tail = &mb->in_head;
    mb->in_len = 0;
    atomic_store(&p->has_signals, false);
    pthread_mutex_unlock(&mb->lock);
    bool alive = true;
    while (m != NULL) {
        Message *next = m->next;
        if (alive && m->kind == MSG_PLAIN) {
            mailbox_append_private(p, m);
        } else {
            if (alive) {
                alive = handle_one(p, m);
            }
            message_free(m);
        }
        m = next;
    }
    return alive;
}

// ==== Teardown ====

void signal_terminate(Process *p, Term reason)
{
    Vm *vm = p->vm;
    pthread_mutex_lock(&p->mailbox.lock);
    atomic_store(&p->status, PROC_EXITING);
    ProcRelations *rel = proc_take_relations(p);
    Term *links = rel->links;
    uint32_t link_count = rel->link_count;
    MonitorEntry *watchers = rel->monitored_by;
    uint32_t watcher_count = rel->monitored_by_count;
    MonitorEntry *monitors = rel->monitors;
    uint32_t monitor_count = rel->monitor_count;
    Term name = p->registered_name;
    pthread_mutex_unlock(&p->mailbox.lock);

    if (name != TERM_NONE) {
        registry_unregister(vm, name); // (our own status is EXITING: it skips our lock)
    }
    // Before links and monitors hear of the exit, as in BEAM: a :DOWN handler finds the
    // tables gone.
    if (p->has_ets_tables) {
        ets_delete_owned(&vm->ets, p->pid);
    }
    for (uint32_t i = 0; i < link_count; i++) {
        signal_deliver(vm, links[i], message_copy(reason, MSG_EXIT_LINK, p->pid));
    }
    for (uint32_t i = 0; i < watcher_count; i++) {
        MonitorEntry *w = &watchers[i];
        Term down = make_down(p, w->ref, p->pid, w->name, reason);
        Message *m = message_copy(down, MSG_DOWN, p->pid);
        m->ref = w->ref;
        signal_deliver(vm, w->pid, m);
    }
    // Our own monitors on others: drop their entries so they never fire at a dead pid.
    for (uint32_t i = 0; i < monitor_count; i++) {
        Process *q = ptab_lock(vm, monitors[i].pid);
        if (q != NULL) {
            monitor_remove(q->rel->monitored_by, &q->rel->monitored_by_count, monitors[i].ref, NULL);
            pthread_mutex_unlock(&q->mailbox.lock);
        }
    }
    proc_relations_free(rel);
    proc_release_memory(p);
    ptab_release(vm, p);
}

// ==== Registered names ====

bool registry_register(Vm *vm, Term name, Term pid)
{
    Process *p = ptab_lock(vm, pid);
    if (p == NULL) {
        return false;
    }
    bool ok = p->registered_name == TERM_NONE;
    pthread_mutex_lock(&vm->registry_lock);
    for (uint32_t i = 0; ok && i < vm->registry_count; i++) {
        ok = vm->registry[i].name != name;
    }
    if (ok) {
        if (vm->registry_count == vm->registry_cap) {
            vm->registry_cap = vm->registry_cap ? vm->registry_cap * 2 : 16;
            vm->registry = em_realloc(vm->registry, vm->registry_cap * sizeof(RegEntry));
        }
        vm->registry[vm->registry_count++] = (RegEntry){.name = name, .pid = pid};
        p->registered_name = name;
    }
    pthread_mutex_unlock(&vm->registry_lock);
    pthread_mutex_unlock(&p->mailbox.lock);
    return ok;
}

// The pid registered as [name] (TERM_NONE when none), removing the entry when [remove].
static Term registry_find(Vm *vm, Term name, bool remove)
{
    Term pid = TERM_NONE;
    pthread_mutex_lock(&vm->registry_lock);
    for (uint32_t i = 0; i < vm->registry_count; i++) {
        if (vm->registry[i].name == name) {
            pid = vm->registry[i].pid;
            if (remove) {
                vm->registry[i] = vm->registry[--vm->registry_count];
            }
            break;
        }
    }
    pthread_mutex_unlock(&vm->registry_lock);
    return pid;
}

bool registry_unregister(Vm *vm, Term name)
{
    Term pid = registry_find(vm, name, true);
    if (pid == TERM_NONE) {
        return false;
    }
    Process *p = ptab_lock(vm, pid);
    if (p != NULL) {
        p->registered_name = TERM_NONE;
        pthread_mutex_unlock(&p->mailbox.lock);
    }
    return true;
}

Term registry_whereis(Vm *vm, Term name)
{
    return registry_find(vm, name, false);
}

uint32_t registry_names(Vm *vm, Term *out, uint32_t max)
{
    pthread_mutex_lock(&vm->registry_lock);
    uint32_t n = 0;
    for (uint32_t i = 0; i < vm->registry_count && n < max; i++) {
        out[n++] = vm->registry[i].name;
    }
    pthread_mutex_unlock(&vm->registry_lock);
    return n;
}
