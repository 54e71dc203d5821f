// :persistent_term: VM-wide key/value storage readable from every process. The store is an
// ETS set (vm/ets.h) owned by the VM rather than a process: put deep-copies {key, value} into
// its own fragment, get copies the value back onto the caller's heap under the table's read
// lock (readers do not block each other). Ember does not hand out the stored term itself, as
// OTP does: with per-process heaps and no VM-wide collection there is no safe moment to free a
// value that a process may still point at after erase or overwrite (OTP runs a global GC for
// that). Reading a large value therefore costs a copy, like an ETS lookup.
#include "shared/persistent_term.h"

#include "builtins.h"

#include "bi_common.h"
#include "ets.h"
#include "map.h"
#include "vm.h"

void persistent_term_init(Vm *vm)
{
    vm->persistent_terms = ets_table_new(ETS_SET, 1, term_nil_atom(), false, term_nil_atom(), 0,
                                         term_nil_atom());
}

void persistent_term_destroy(Vm *vm)
{
    if (vm->persistent_terms != NULL) {
        ets_release(vm->persistent_terms);
        vm->persistent_terms = NULL;
    }
}

Term bi_persistent_term_put_2(Process *p, Term *args)
{
    EtsTable *t = p->vm->persistent_terms;
    Term pair = bi_tuple2(p, args[0], args[1]);
    EtsObject *o = ets_object_new(pair, 1); // copied outside the lock
    pthread_rwlock_wrlock(&t->lock);
    ets_insert(t, o);
    pthread_rwlock_unlock(&t->lock);
    return term_from_atom(ATOM_ok);
}

// The value stored under [key] copied onto [p]'s heap, or TERM_NONE when there is none.
static Term lookup(Process *p, Term key)
{
    EtsTable *t = p->vm->persistent_terms;
    Term value = TERM_NONE;
    pthread_rwlock_rdlock(&t->lock);
    EtsObject *o = ets_find(t, key);
    if (o != NULL) {
        value = term_copy_to(p, term_tuple_elems(o->term)[1]);
    }
    pthread_rwlock_unlock(&t->lock);
    return value;
}

Term bi_persistent_term_get_1(Process *p, Term *args)
{
    Term value = lookup(p, args[0]);
    return value != TERM_NONE ? value
                              : bi_badarg(p, 1, "no persistent term stored with this key");
}

Term bi_persistent_term_get_2(Process *p, Term *args)
{
    Term value = lookup(p, args[0]);
    return value != TERM_NONE ? value : args[1];
}

Term bi_persistent_term_erase_1(Process *p, Term *args)
{
    EtsTable *t = p->vm->persistent_terms;
    pthread_rwlock_wrlock(&t->lock);
    size_t removed = ets_remove_key(t, args[0]);
    pthread_rwlock_unlock(&t->lock);
    return term_from_bool(removed > 0);
}

typedef struct Collect {
    Process *p;
    Term list;
    size_t words;
} Collect;

static void collect(void *ctx, const EtsObject *o)
{
    Collect *c = ctx;
    if (c->p != NULL) {
        c->list = term_make_cons(c->p, term_copy_to(c->p, o->term), c->list);
    }
    c->words += term_copy_size(o->term);
}

// get/0: every {key, value} pair, in no particular order.
Term bi_persistent_term_get_0(Process *p, Term *args)
{
    (void)args;
    EtsTable *t = p->vm->persistent_terms;
    Collect c = {p, TERM_NIL, 0};
    pthread_rwlock_rdlock(&t->lock);
    ets_each(t, collect, &c);
    pthread_rwlock_unlock(&t->lock);
    return c.list;
}

// info/0: %{count:, memory:} (memory: the words the stored copies take, in bytes).
Term bi_persistent_term_info_0(Process *p, Term *args)
{
    (void)args;
    EtsTable *t = p->vm->persistent_terms;
    Collect c = {NULL, TERM_NIL, 0};
    pthread_rwlock_rdlock(&t->lock);
    size_t count = t->size;
    ets_each(t, collect, &c);
    pthread_rwlock_unlock(&t->lock);
    Term pairs[4] = {term_from_atom(ATOM_count), term_make_int(p, (int64_t)count),
                     term_from_atom(ATOM_memory), term_make_int(p, (int64_t)(c.words * 8))};
    return map_from_pairs(p, pairs, 2);
}
