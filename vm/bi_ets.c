// :ets built-ins (the :ets rows of builtins.def): argument checking, locking and copying
// between process heaps and the tables of vm/ets.c. foldl/foldr and the simple pattern
// functions live in stdlib/erlang_ets.ex. Every table behaves as :public.
#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "builtins.h"
#include "error.h"
#include "ets.h"
#include "process.h"
#include "signal.h"
#include "vm.h"

static const char *const NO_TABLE = "the table identifier does not refer to an existing ETS table";
static const char *const NO_KEY = "not a key that exists in the table";
static const char *const NOT_OBJECTS = "not a non-empty tuple or a list of non-empty tuples";
static const char *const BAD_TYPE =
    "the table identifier refers to an ETS table of a type not supported by this operation";

static bool is_atom_named(Process *p, Term t, const char *s)
{
    return term_is_atom(t) && t == bi_atom(p, s);
}

static Term end_of_table(Process *p)
{
    return bi_atom(p, "$end_of_table");
}

// Finds table [tid] and locks it (for writing when [write]); NULL after raising badarg.
static EtsTable *open_table(Process *p, Term tid, bool write)
{
    EtsTable *t = ets_acquire(&p->vm->ets, tid);
    if (t != NULL) {
        if (write) {
            pthread_rwlock_wrlock(&t->lock);
        } else {
            pthread_rwlock_rdlock(&t->lock);
        }
        if (!t->is_deleted) {
            return t;
        }
        pthread_rwlock_unlock(&t->lock);
        ets_release(t);
    }
    bi_badarg(p, 1, NO_TABLE);
    return NULL;
}

static void close_table(EtsTable *t)
{
    pthread_rwlock_unlock(&t->lock);
    ets_release(t);
}

// The term that names [t] to Ember code: its name when named, else a reference.
static Term table_id(Process *p, const EtsTable *t)
{
    return t->is_named ? t->name : term_make_ref_number(p, t->id);
}

// A growable array of terms on the C heap (the terms themselves live on the process heap).
typedef struct TermVec {
    Term *items;
    size_t len;
    size_t cap;
    Process *p;
} TermVec;

static void vec_push(TermVec *v, Term t)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->items = em_realloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->len++] = t;
}

static Term vec_to_list(TermVec *v)
{
    Term list = bi_list_from_array(v->p, v->items, v->len, TERM_NIL);
    free(v->items);
    return list;
}

static void push_copy(void *ctx, const EtsObject *o)
{
    TermVec *v = ctx;
    vec_push(v, term_copy_to(v->p, o->term));
}

// ==== new/2 ====

Term bi_ets_new_2(Process *p, Term *args)
{
    Term name = args[0];
    if (!term_is_atom(name)) {
        return bi_badarg(p, 1, "not an atom");
    }
    EtsType type = ETS_SET;
    int64_t keypos = 1;
    bool is_named = false;
    Term protection = bi_atom(p, "protected");
    Term opts = args[1];
    if (!term_is_list(opts)) {
        return bi_badarg(p, 2, "not a list");
    }
    for (; term_is_cons(opts); opts = term_tl(opts)) {
        Term o = term_hd(opts);
        if (is_atom_named(p, o, "set")) {
            type = ETS_SET;
        } else if (is_atom_named(p, o, "ordered_set")) {
            type = ETS_ORDERED_SET;
        } else if (is_atom_named(p, o, "bag")) {
            type = ETS_BAG;
        } else if (is_atom_named(p, o, "duplicate_bag")) {
            type = ETS_DUPLICATE_BAG;
        } else if (is_atom_named(p, o, "named_table")) {
            is_named = true;
        } else if (is_atom_named(p, o, "public") || is_atom_named(p, o, "protected") ||
                   is_atom_named(p, o, "private")) {
            protection = o;
        } else if (is_atom_named(p, o, "compressed")) {
            // accepted, no effect
        } else if (term_is_tuple(o) && term_tuple_arity(o) == 2 &&
                   is_atom_named(p, term_tuple_elems(o)[0], "keypos")) {
            Term n = term_tuple_elems(o)[1];
            if (!term_is_small(n) || term_to_small(n) < 1) {
                return bi_badarg(p, 2, "invalid options");
            }
            keypos = term_to_small(n);
        } else if (term_is_tuple(o) && term_tuple_arity(o) >= 2 &&
                   (is_atom_named(p, term_tuple_elems(o)[0], "read_concurrency") ||
                    is_atom_named(p, term_tuple_elems(o)[0], "write_concurrency") ||
                    is_atom_named(p, term_tuple_elems(o)[0], "decentralized_counters") ||
                    is_atom_named(p, term_tuple_elems(o)[0], "heir"))) {
            // accepted, no effect
        } else {
            return bi_badarg(p, 2, "invalid options");
        }
    }
    if (opts != TERM_NIL) {
        return bi_badarg(p, 2, "invalid options");
    }
    uint64_t id = (uint64_t)atomic_fetch_add(&p->vm->next_ref, 1) + 1;
    EtsTable *t = ets_table_new(type, (uint32_t)keypos, name, is_named, p->pid, id, protection);
    if (!ets_register(&p->vm->ets, t)) {
        ets_release(t);
        return bi_badarg(p, 1, "table name already exists");
    }
    p->has_ets_tables = true;
    return table_id(p, t);
}

// ==== Inserting ====

// Checks that [obj] can be stored in a table with key position [keypos]; raises otherwise.
static bool check_object(Process *p, Term obj, uint32_t keypos)
{
    if (!term_is_tuple(obj)) {
        bi_badarg(p, 2, "not a tuple");
        return false;
    }
    if (term_tuple_arity(obj) == 0) {
        bi_badarg(p, 2, "is an empty tuple");
        return false;
    }
    if (term_tuple_arity(obj) < keypos) {
        error_raise(p, ERR_ARGUMENT, "argument error");
        return false;
    }
    return true;
}

// The objects of insert's argument [arg] copied for table [t]: em_malloc'd array (caller
// stores or frees each and frees it). False after raising.
static bool copy_objects(Process *p, EtsTable *t, Term arg, EtsObject ***out, size_t *len)
{
    Term *elems = NULL;
    size_t n = 1;
    if (term_is_tuple(arg)) {
        elems = em_malloc(sizeof *elems);
        elems[0] = arg;
    } else if (!bi_list_to_array(arg, &elems, &n)) {
        bi_badarg(p, 2, term_is_cons(arg) ? NOT_OBJECTS : "not a tuple");
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!term_is_tuple(arg) && (!term_is_tuple(elems[i]) || term_tuple_arity(elems[i]) == 0)) {
            bi_badarg(p, 2, NOT_OBJECTS);
            free(elems);
            return false;
        }
        if (!check_object(p, elems[i], t->keypos)) {
            free(elems);
            return false;
        }
    }
    EtsObject **objs = em_malloc((n ? n : 1) * sizeof *objs);
    for (size_t i = 0; i < n; i++) {
        objs[i] = ets_object_new(elems[i], t->keypos);
    }
    free(elems);
    *out = objs;
    *len = n;
    return true;
}

static Term insert(Process *p, Term *args, bool only_new)
{
    EtsTable *t = ets_acquire(&p->vm->ets, args[0]);
    if (t == NULL) {
        return bi_badarg(p, 1, NO_TABLE);
    }
    EtsObject **objs;
    size_t n;
    // The copies are made before the lock is taken: they read only our own heap.
    if (!copy_objects(p, t, args[1], &objs, &n)) {
        ets_release(t);
        return TERM_NONE;
    }
    pthread_rwlock_wrlock(&t->lock);
    bool ok = !t->is_deleted;
    bool fresh = true;
    for (size_t i = 0; ok && only_new && fresh && i < n; i++) {
        fresh = ets_find(t, objs[i]->key) == NULL;
        for (size_t j = 0; fresh && j < i; j++) {
            fresh = !term_exact_equal(objs[j]->key, objs[i]->key);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (ok && fresh) {
            ets_insert(t, objs[i]);
        } else {
            ets_object_free(objs[i]);
        }
    }
    free(objs);
    close_table(t);
    if (!ok) {
        return bi_badarg(p, 1, NO_TABLE);
    }
    return fresh ? term_true() : term_false();
}

Term bi_ets_insert_2(Process *p, Term *args)
{
    return insert(p, args, false);
}

Term bi_ets_insert_new_2(Process *p, Term *args)
{
    return insert(p, args, true);
}

// ==== Reading ====

Term bi_ets_lookup_2(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], false);
    if (t == NULL) {
        return TERM_NONE;
    }
    TermVec v = {.p = p};
    for (EtsObject *o = ets_find(t, args[1]); o != NULL; o = ets_find_next(t, o, args[1])) {
        push_copy(&v, o);
    }
    close_table(t);
    return vec_to_list(&v);
}

// The 1-based position [t] as an int; false when it is not a positive small integer.
static bool position_of(Term t, uint32_t *out)
{
    if (!term_is_small(t) || term_to_small(t) < 1 || term_to_small(t) > UINT32_MAX) {
        return false;
    }
    *out = (uint32_t)term_to_small(t);
    return true;
}

Term bi_ets_lookup_element_3(Process *p, Term *args)
{
    uint32_t pos;
    if (!position_of(args[2], &pos)) {
        return bi_badarg(p, 3, "out of range");
    }
    EtsTable *t = open_table(p, args[0], false);
    if (t == NULL) {
        return TERM_NONE;
    }
    TermVec v = {.p = p};
    const char *why = NULL;
    EtsObject *o = ets_find(t, args[1]);
    if (o == NULL) {
        why = NO_KEY;
    }
    for (; o != NULL && why == NULL; o = ets_find_next(t, o, args[1])) {
        if (pos > term_tuple_arity(o->term)) {
            why = "position is greater than the size of the object";
        } else {
            vec_push(&v, term_copy_to(p, term_tuple_elems(o->term)[pos - 1]));
        }
    }
    bool is_bag = t->type == ETS_BAG || t->type == ETS_DUPLICATE_BAG;
    close_table(t);
    if (why != NULL) {
        free(v.items);
        return bi_badarg(p, why == NO_KEY ? 2 : 3, why);
    }
    if (is_bag) {
        return vec_to_list(&v);
    }
    Term r = v.items[0];
    free(v.items);
    return r;
}

Term bi_ets_member_2(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], false);
    if (t == NULL) {
        return TERM_NONE;
    }
    bool found = ets_find(t, args[1]) != NULL;
    close_table(t);
    return found ? term_true() : term_false();
}

Term bi_ets_tab2list_1(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], false);
    if (t == NULL) {
        return TERM_NONE;
    }
    TermVec v = {.p = p};
    ets_each(t, push_copy, &v);
    close_table(t);
    proc_charge(p, v.len * 4);
    return vec_to_list(&v);
}

Term bi_ets_take_2(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], true);
    if (t == NULL) {
        return TERM_NONE;
    }
    TermVec v = {.p = p};
    for (EtsObject *o = ets_find(t, args[1]); o != NULL; o = ets_find_next(t, o, args[1])) {
        push_copy(&v, o);
    }
    ets_remove_key(t, args[1]);
    close_table(t);
    return vec_to_list(&v);
}

// ==== Deleting ====

Term bi_ets_delete_1(Process *p, Term *args)
{
    EtsTable *t = ets_acquire(&p->vm->ets, args[0]);
    if (t == NULL) {
        return bi_badarg(p, 1, NO_TABLE);
    }
    bool ok = ets_delete(&p->vm->ets, t);
    ets_release(t);
    return ok ? term_true() : bi_badarg(p, 1, NO_TABLE);
}

Term bi_ets_delete_2(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], true);
    if (t == NULL) {
        return TERM_NONE;
    }
    ets_remove_key(t, args[1]);
    close_table(t);
    return term_true();
}

Term bi_ets_delete_object_2(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], true);
    if (t == NULL) {
        return TERM_NONE;
    }
    Term obj = args[1];
    if (!term_is_tuple(obj) || term_tuple_arity(obj) < t->keypos) {
        close_table(t);
        return bi_badarg(p, 2, "not a tuple");
    }
    ets_remove_object(t, obj);
    close_table(t);
    return term_true();
}

Term bi_ets_delete_all_objects_1(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], true);
    if (t == NULL) {
        return TERM_NONE;
    }
    ets_clear(t);
    close_table(t);
    return term_true();
}

// ==== Updating in place ====

// Applies one update_counter operation [op] to [elems] (a fresh copy of an object of [arity]
// elements on p's heap); the new value in *[out]. NULL on success, else the reason.
static const char *apply_counter(Process *p, EtsTable *t, Term *elems, uint32_t arity, Term op,
                                 Term *out)
{
    uint32_t pos = t->keypos == 1 ? 2 : 1;
    Term incr = op;
    Term threshold = TERM_NONE;
    Term set_value = TERM_NONE;
    if (term_is_tuple(op)) {
        uint32_t n = term_tuple_arity(op);
        Term *e = term_tuple_elems(op);
        if ((n != 2 && n != 4) || !position_of(e[0], &pos)) {
            return "";
        }
        incr = e[1];
        if (n == 4) {
            threshold = e[2];
            set_value = e[3];
            if (!term_is_integer(threshold) || !term_is_integer(set_value)) {
                return "";
            }
        }
    }
    if (!term_is_integer(incr)) {
        return "";
    }
    if (pos == t->keypos) {
        return "the position is the same as the key position";
    }
    if (pos > arity) {
        return "the position in the update operation is out of range";
    }
    if (!term_is_integer(elems[pos - 1])) {
        return "the value in the given position, in the object, is not an integer";
    }
    Term v = bi_num_add(p, elems[pos - 1], incr);
    if (threshold != TERM_NONE) {
        bool up = term_compare(incr, term_from_small(0)) >= 0;
        int c = term_compare(v, threshold);
        if ((up && c > 0) || (!up && c < 0)) {
            v = set_value;
        }
    }
    elems[pos - 1] = v;
    *out = v;
    return NULL;
}

// update_counter/3,4: [dflt] is TERM_NONE for /3.
static Term update_counter(Process *p, Term *args, Term dflt)
{
    if (dflt != TERM_NONE && !term_is_tuple(dflt)) {
        return bi_badarg(p, 4, "not a tuple");
    }
    EtsTable *t = open_table(p, args[0], true);
    if (t == NULL) {
        return TERM_NONE;
    }
    if (t->type == ETS_BAG || t->type == ETS_DUPLICATE_BAG) {
        close_table(t);
        return bi_badarg(p, 1, BAD_TYPE);
    }
    EtsObject *old = ets_find(t, args[1]);
    Term copy;
    if (old != NULL) {
        copy = term_copy_to(p, old->term);
    } else if (dflt != TERM_NONE && term_tuple_arity(dflt) >= t->keypos) {
        copy = term_copy_to(p, dflt);
        term_tuple_elems(copy)[t->keypos - 1] = args[1];
    } else {
        close_table(t);
        return dflt == TERM_NONE ? bi_badarg(p, 2, NO_KEY) : bi_badarg(p, 4, "not a tuple");
    }
    Term *elems = term_tuple_elems(copy);
    uint32_t arity = term_tuple_arity(copy);
    const char *why = NULL;
    Term result;
    if (term_is_cons(args[2]) || args[2] == TERM_NIL) {
        TermVec v = {.p = p};
        Term ops = args[2];
        for (; why == NULL && term_is_cons(ops); ops = term_tl(ops)) {
            Term one;
            why = apply_counter(p, t, elems, arity, term_hd(ops), &one);
            if (why == NULL) {
                vec_push(&v, one);
            }
        }
        if (why == NULL && ops != TERM_NIL) {
            why = "";
        }
        result = vec_to_list(&v);
    } else {
        why = apply_counter(p, t, elems, arity, args[2], &result);
    }
    if (why == NULL) {
        EtsObject *o = ets_object_new(copy, t->keypos);
        if (old != NULL) {
            ets_replace(t, old, o);
        } else {
            ets_insert(t, o);
        }
    }
    close_table(t);
    if (why != NULL) {
        return bi_badarg(p, 3, *why ? why : "not a valid update operation");
    }
    return result;
}

Term bi_ets_update_counter_3(Process *p, Term *args)
{
    return update_counter(p, args, TERM_NONE);
}

Term bi_ets_update_counter_4(Process *p, Term *args)
{
    return update_counter(p, args, args[3]);
}

Term bi_ets_update_element_3(Process *p, Term *args)
{
    EtsTable *t = open_table(p, args[0], true);
    if (t == NULL) {
        return TERM_NONE;
    }
    if (t->type == ETS_BAG || t->type == ETS_DUPLICATE_BAG) {
        close_table(t);
        return bi_badarg(p, 1, BAD_TYPE);
    }
    EtsObject *old = ets_find(t, args[1]);
    if (old == NULL) {
        close_table(t);
        return term_false();
    }
    Term copy = term_copy_to(p, old->term);
    Term *elems = term_tuple_elems(copy);
    uint32_t arity = term_tuple_arity(copy);
    Term ops = term_is_tuple(args[2]) ? term_make_list(p, 1, &args[2]) : args[2];
    const char *why = NULL;
    for (; why == NULL && term_is_cons(ops); ops = term_tl(ops)) {
        Term op = term_hd(ops);
        uint32_t pos;
        if (!term_is_tuple(op) || term_tuple_arity(op) != 2 ||
            !position_of(term_tuple_elems(op)[0], &pos)) {
            why = "is not a valid element specification";
        } else if (pos == t->keypos) {
            why = "the position is the same as the key position";
        } else if (pos > arity) {
            why = "out of range";
        } else {
            elems[pos - 1] = term_tuple_elems(op)[1];
        }
    }
    if (why == NULL && ops != TERM_NIL) {
        why = "is not a valid element specification";
    }
    if (why == NULL) {
        ets_replace(t, old, ets_object_new(copy, t->keypos));
    }
    close_table(t);
    return why == NULL ? term_true() : bi_badarg(p, 3, why);
}

// ==== Traversal ====

static Term traverse(Process *p, Term *args, bool has_key, bool forward)
{
    EtsTable *t = open_table(p, args[0], false);
    if (t == NULL) {
        return TERM_NONE;
    }
    Term key;
    bool found = true;
    bool ok;
    if (!has_key) {
        ok = forward ? ets_first(t, &key) : ets_last(t, &key);
    } else {
        ok = forward ? ets_next(t, args[1], &key, &found) : ets_prev(t, args[1], &key, &found);
    }
    Term r = ok ? term_copy_to(p, key) : end_of_table(p);
    close_table(t);
    return found ? r : bi_badarg(p, 2, NO_KEY);
}

Term bi_ets_first_1(Process *p, Term *args)
{
    return traverse(p, args, false, true);
}

Term bi_ets_last_1(Process *p, Term *args)
{
    return traverse(p, args, false, false);
}

Term bi_ets_next_2(Process *p, Term *args)
{
    return traverse(p, args, true, true);
}

Term bi_ets_prev_2(Process *p, Term *args)
{
    return traverse(p, args, true, false);
}

// ==== Information ====

static Term type_atom(Process *p, EtsType type)
{
    static const char *const names[] = {"set", "ordered_set", "bag", "duplicate_bag"};
    return bi_atom(p, names[type]);
}

// The value of info item [item] for [t] (locked), or TERM_NONE when it is not one.
static Term info_item(Process *p, EtsTable *t, Term item)
{
    if (is_atom_named(p, item, "size")) {
        return term_from_small((int64_t)t->size);
    } else if (is_atom_named(p, item, "name")) {
        return t->name;
    } else if (is_atom_named(p, item, "type")) {
        return type_atom(p, t->type);
    } else if (is_atom_named(p, item, "named_table")) {
        return t->is_named ? term_true() : term_false();
    } else if (is_atom_named(p, item, "keypos")) {
        return term_from_small(t->keypos);
    } else if (is_atom_named(p, item, "owner")) {
        return t->owner;
    } else if (is_atom_named(p, item, "protection")) {
        return t->protection;
    } else if (is_atom_named(p, item, "id")) {
        return table_id(p, t);
    } else if (is_atom_named(p, item, "heir")) {
        return bi_atom(p, "none");
    } else if (is_atom_named(p, item, "node")) {
        return bi_atom(p, "nonode@nohost");
    } else if (is_atom_named(p, item, "memory")) {
        return term_from_small((int64_t)(t->size * 8 + 300));
    } else if (is_atom_named(p, item, "compressed") ||
               is_atom_named(p, item, "read_concurrency") ||
               is_atom_named(p, item, "write_concurrency") ||
               is_atom_named(p, item, "decentralized_counters")) {
        return term_false();
    }
    return TERM_NONE;
}

Term bi_ets_info_2(Process *p, Term *args)
{
    EtsTable *t = ets_acquire(&p->vm->ets, args[0]);
    if (t == NULL) {
        if (!term_is_atom(args[0]) && !term_is_ref(args[0])) {
            return bi_badarg(p, 1, "not an atom or a table identifier");
        }
        return bi_atom(p, "undefined");
    }
    pthread_rwlock_rdlock(&t->lock);
    Term r = t->is_deleted ? bi_atom(p, "undefined") : info_item(p, t, args[1]);
    close_table(t);
    return r != TERM_NONE ? r : bi_badarg(p, 2, "not a valid info item");
}

Term bi_ets_info_1(Process *p, Term *args)
{
    static const char *const items[] = {
        "id",    "decentralized_counters", "read_concurrency", "write_concurrency",
        "compressed", "memory", "owner", "heir", "name", "size", "node", "named_table",
        "type", "keypos", "protection"};
    enum { ITEM_COUNT = sizeof items / sizeof items[0] };
    EtsTable *t = ets_acquire(&p->vm->ets, args[0]);
    if (t == NULL) {
        if (!term_is_atom(args[0]) && !term_is_ref(args[0])) {
            return bi_badarg(p, 1, "not an atom or a table identifier");
        }
        return bi_atom(p, "undefined");
    }
    pthread_rwlock_rdlock(&t->lock);
    if (t->is_deleted) {
        close_table(t);
        return bi_atom(p, "undefined");
    }
    Term pairs[ITEM_COUNT];
    for (size_t i = 0; i < ITEM_COUNT; i++) {
        Term item = bi_atom(p, items[i]);
        pairs[i] = bi_tuple2(p, item, info_item(p, t, item));
    }
    close_table(t);
    return term_make_list(p, ITEM_COUNT, pairs);
}

Term bi_ets_whereis_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_badarg(p, 1, "invalid table name (must be an atom)");
    }
    EtsTable *t = ets_acquire(&p->vm->ets, args[0]);
    if (t == NULL) {
        return bi_atom(p, "undefined");
    }
    Term r = term_make_ref_number(p, t->id);
    ets_release(t);
    return r;
}
