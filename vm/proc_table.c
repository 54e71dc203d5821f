// The process table (proc_table.h): type-stable Process structs indexed by pid.
#include "proc_table.h"

#include <stdlib.h>

#include "process.h"
#include "vm.h"

void ptab_init(ProcTable *t, uint32_t max)
{
    t->slots = em_calloc(max, sizeof *t->slots);
    t->max = max;
    atomic_init(&t->used, 0);
    atomic_init(&t->live, 0);
    pthread_mutex_init(&t->free_lock, NULL);
    t->free_ids = NULL;
    t->free_count = 0;
}

void ptab_destroy(ProcTable *t)
{
    uint32_t used = atomic_load(&t->used);
    for (uint32_t i = 0; i < used; i++) {
        Process *p = atomic_load(&t->slots[i]);
        if (p != NULL) {
            proc_free(p);
        }
    }
    free(t->slots);
    free(t->free_ids);
    pthread_mutex_destroy(&t->free_lock);
}

Process *ptab_spawn(Vm *vm)
{
    ProcTable *t = &vm->ptab;
    Process *p = NULL;
    pthread_mutex_lock(&t->free_lock);
    if (t->free_count > 0) {
        p = atomic_load(&t->slots[t->free_ids[--t->free_count]]);
    }
    pthread_mutex_unlock(&t->free_lock);
    if (p != NULL) {
        proc_reset(p);
    } else {
        uint32_t index = atomic_fetch_add(&t->used, 1);
        if (index >= t->max) {
            atomic_fetch_sub(&t->used, 1);
            return NULL;
        }
        p = proc_new(vm);
        p->id = index;
        p->pid = term_make_pid(index, 0);
        atomic_store(&t->slots[index], p);
    }
    atomic_fetch_add(&t->live, 1);
    return p;
}

void ptab_release(Vm *vm, Process *p)
{
    ProcTable *t = &vm->ptab;
    pthread_mutex_lock(&p->mailbox.lock);
    p->serial = (p->serial + 1) & TERM_PID_SERIAL_MASK;
    p->pid = term_make_pid(p->id, p->serial);
    atomic_store(&p->status, PROC_FREE);
    pthread_mutex_unlock(&p->mailbox.lock);
    pthread_mutex_lock(&t->free_lock);
    t->free_ids = em_realloc(t->free_ids, ((size_t)t->free_count + 1) * sizeof(uint32_t));
    t->free_ids[t->free_count++] = p->id;
    pthread_mutex_unlock(&t->free_lock);
    atomic_fetch_sub(&t->live, 1);
}

// The struct in [pid]'s slot, or NULL when the slot was never created.
static Process *slot_of(Vm *vm, Term pid)
{
    if (!term_is_pid(pid)) {
        return NULL;
    }
    uint32_t index = term_pid_index(pid);
    if (index >= atomic_load(&vm->ptab.used)) {
        return NULL;
    }
    return atomic_load(&vm->ptab.slots[index]);
}

static bool is_live(const Process *p, Term pid)
{
    int status = atomic_load(&p->status);
    return p->pid == pid && status != PROC_FREE && status != PROC_EXITING &&
           status != PROC_EXITED;
}

Process *ptab_lock(Vm *vm, Term pid)
{
    Process *p = slot_of(vm, pid);
    if (p == NULL) {
        return NULL;
    }
    pthread_mutex_lock(&p->mailbox.lock);
    if (!is_live(p, pid)) {
        pthread_mutex_unlock(&p->mailbox.lock);
        return NULL;
    }
    return p;
}

bool ptab_alive(Vm *vm, Term pid)
{
    Process *p = ptab_lock(vm, pid);
    if (p == NULL) {
        return false;
    }
    pthread_mutex_unlock(&p->mailbox.lock);
    return true;
}

uint32_t ptab_list(Vm *vm, Term *out, uint32_t max)
{
    uint32_t used = atomic_load(&vm->ptab.used);
    uint32_t n = 0;
    for (uint32_t i = 0; i < used && n < max; i++) {
        Process *p = atomic_load(&vm->ptab.slots[i]);
        if (p == NULL) {
            continue;
        }
        pthread_mutex_lock(&p->mailbox.lock);
        if (is_live(p, p->pid)) {
            out[n++] = p->pid;
        }
        pthread_mutex_unlock(&p->mailbox.lock);
    }
    return n;
}
