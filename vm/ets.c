// ETS table storage: the registry, hash and ordered tables, object copies (ets.h).
#include "ets.h"

#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "refc_binary.h"
#include "vm.h"

#define ETS_INITIAL_BUCKETS 16

// ==== Registry ====

void ets_registry_init(EtsRegistry *reg)
{
    pthread_rwlock_init(&reg->lock, NULL);
    reg->tables = NULL;
    reg->count = 0;
    reg->cap = 0;
}

void ets_registry_destroy(EtsRegistry *reg)
{
    for (uint32_t i = 0; i < reg->count; i++) {
        EtsTable *t = reg->tables[i];
        pthread_rwlock_wrlock(&t->lock);
        ets_clear(t);
        t->is_deleted = true;
        pthread_rwlock_unlock(&t->lock);
        ets_release(t);
    }
    free(reg->tables);
    reg->tables = NULL;
    reg->count = 0;
    pthread_rwlock_destroy(&reg->lock);
}

EtsTable *ets_table_new(EtsType type, uint32_t keypos, Term name, bool is_named, Term owner,
                        uint64_t id, Term protection)
{
    EtsTable *t = em_calloc(1, sizeof *t);
    pthread_rwlock_init(&t->lock, NULL);
    atomic_init(&t->refs, 1);
    t->type = type;
    t->keypos = keypos;
    t->name = name;
    t->is_named = is_named;
    t->owner = owner;
    t->id = id;
    t->protection = protection;
    if (type == ETS_ORDERED_SET) {
        t->cap = ETS_INITIAL_BUCKETS;
        t->items = em_malloc(t->cap * sizeof *t->items);
    } else {
        t->mask = ETS_INITIAL_BUCKETS - 1;
        t->buckets = em_calloc(ETS_INITIAL_BUCKETS, sizeof *t->buckets);
    }
    return t;
}

bool ets_register(EtsRegistry *reg, EtsTable *t)
{
    pthread_rwlock_wrlock(&reg->lock);
    for (uint32_t i = 0; t->is_named && i < reg->count; i++) {
        if (reg->tables[i]->is_named && reg->tables[i]->name == t->name) {
            pthread_rwlock_unlock(&reg->lock);
            return false;
        }
    }
    if (reg->count == reg->cap) {
        reg->cap = reg->cap ? reg->cap * 2 : 16;
        reg->tables = em_realloc(reg->tables, reg->cap * sizeof *reg->tables);
    }
    reg->tables[reg->count++] = t;
    pthread_rwlock_unlock(&reg->lock);
    return true;
}

EtsTable *ets_acquire(EtsRegistry *reg, Term tid)
{
    bool by_name = term_is_atom(tid);
    if (!by_name && !term_is_ref(tid)) {
        return NULL;
    }
    uint64_t id = by_name ? 0 : (uint64_t)term_boxed_ptr(tid)[1];
    EtsTable *found = NULL;
    pthread_rwlock_rdlock(&reg->lock);
    for (uint32_t i = 0; i < reg->count; i++) {
        EtsTable *t = reg->tables[i];
        if (by_name ? (t->is_named && t->name == tid) : t->id == id) {
            atomic_fetch_add(&t->refs, 1);
            found = t;
            break;
        }
    }
    pthread_rwlock_unlock(&reg->lock);
    return found;
}

void ets_release(EtsTable *t)
{
    if (atomic_fetch_sub(&t->refs, 1) != 1) {
        return;
    }
    ets_clear(t);
    free(t->buckets);
    free(t->items);
    pthread_rwlock_destroy(&t->lock);
    free(t);
}

// Removes [t] from the registry (its lock held); false when it is not there.
static bool unregister_locked(EtsRegistry *reg, EtsTable *t)
{
    for (uint32_t i = 0; i < reg->count; i++) {
        if (reg->tables[i] == t) {
            reg->tables[i] = reg->tables[--reg->count];
            return true;
        }
    }
    return false;
}

// Frees the objects of unregistered table [t] and drops the registry's reference.
static void retire(EtsTable *t)
{
    pthread_rwlock_wrlock(&t->lock);
    ets_clear(t);
    t->is_deleted = true;
    pthread_rwlock_unlock(&t->lock);
    ets_release(t);
}

bool ets_delete(EtsRegistry *reg, EtsTable *t)
{
    pthread_rwlock_wrlock(&reg->lock);
    bool was_there = unregister_locked(reg, t);
    pthread_rwlock_unlock(&reg->lock);
    if (was_there) {
        retire(t);
    }
    return was_there;
}

void ets_delete_owned(EtsRegistry *reg, Term pid)
{
    EtsTable **mine = NULL;
    size_t mine_len = 0;
    pthread_rwlock_wrlock(&reg->lock);
    for (uint32_t i = 0; i < reg->count;) {
        EtsTable *t = reg->tables[i];
        if (t->owner == pid) {
            mine = em_realloc(mine, (mine_len + 1) * sizeof *mine);
            mine[mine_len++] = t;
            reg->tables[i] = reg->tables[--reg->count];
        } else {
            i++;
        }
    }
    pthread_rwlock_unlock(&reg->lock);
    for (size_t i = 0; i < mine_len; i++) {
        retire(mine[i]);
    }
    free(mine);
}

// ==== Objects ====

EtsObject *ets_object_new(Term tuple, uint32_t keypos)
{
    EtsObject *o = em_malloc(sizeof *o);
    size_t words = term_copy_size(tuple);
    o->next = NULL;
    o->offheap = NULL;
    o->frag = heap_fragment_new(words);
    o->term = term_copy(tuple, o->frag->data, &o->offheap);
    o->frag->top = o->frag->data + words;
    o->key = term_tuple_elems(o->term)[keypos - 1];
    o->hash = bi_hash_term(o->key);
    return o;
}

void ets_object_free(EtsObject *o)
{
    for (Term *obj = o->offheap; obj != NULL;) {
        Term *next = (Term *)(uintptr_t)obj[3];
        refc_binary_release((RefcBinary *)(uintptr_t)obj[2]);
        obj = next;
    }
    free(o->frag);
    free(o);
}

// ---- ordered_set: a sorted array ----

// The index of the first item whose key is >= [key] (term order); *[hit] when equal.
static size_t search(const EtsTable *t, Term key, bool *hit)
{
    size_t lo = 0;
    size_t hi = t->size;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (term_compare(t->items[mid]->key, key) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    *hit = lo < t->size && term_compare(t->items[lo]->key, key) == 0;
    return lo;
}

static void ordered_insert(EtsTable *t, EtsObject *o)
{
    bool hit;
    size_t i = search(t, o->key, &hit);
    if (hit) {
        ets_object_free(t->items[i]);
        t->items[i] = o;
        return;
    }
    if (t->size == t->cap) {
        t->cap *= 2;
        t->items = em_realloc(t->items, t->cap * sizeof *t->items);
    }
    memmove(t->items + i + 1, t->items + i, (t->size - i) * sizeof *t->items);
    t->items[i] = o;
    t->size++;
}

static void ordered_remove_at(EtsTable *t, size_t i)
{
    ets_object_free(t->items[i]);
    memmove(t->items + i, t->items + i + 1, (t->size - i - 1) * sizeof *t->items);
    t->size--;
}

// ---- set, bag, duplicate_bag: chained hashing; a key's objects are adjacent in its chain ----

static bool key_match(const EtsObject *o, Term key, uint64_t hash)
{
    return o->hash == hash && term_exact_equal(o->key, key);
}

static void grow(EtsTable *t)
{
    size_t new_mask = t->mask * 2 + 1;
    EtsObject **nb = em_calloc(new_mask + 1, sizeof *nb);
    // Moves each chain in order, keeping a key's objects adjacent and in insertion order.
    EtsObject **tails = em_calloc(new_mask + 1, sizeof *tails);
    for (size_t b = 0; b <= t->mask; b++) {
        for (EtsObject *o = t->buckets[b]; o != NULL;) {
            EtsObject *next = o->next;
            size_t nb_i = o->hash & new_mask;
            o->next = NULL;
            if (tails[nb_i] == NULL) {
                nb[nb_i] = o;
            } else {
                tails[nb_i]->next = o;
            }
            tails[nb_i] = o;
            o = next;
        }
    }
    free(tails);
    free(t->buckets);
    t->buckets = nb;
    t->mask = new_mask;
}

static void hash_insert(EtsTable *t, EtsObject *o)
{
    EtsObject **link = &t->buckets[o->hash & t->mask];
    // Find the key's run of objects, if any.
    while (*link != NULL && !key_match(*link, o->key, o->hash)) {
        link = &(*link)->next;
    }
    if (*link != NULL && t->type == ETS_SET) {
        EtsObject *old = *link;
        o->next = old->next;
        *link = o;
        ets_object_free(old);
        return;
    }
    while (*link != NULL && key_match(*link, o->key, o->hash)) {
        if (t->type == ETS_BAG && term_exact_equal((*link)->term, o->term)) {
            ets_object_free(o);
            return;
        }
        link = &(*link)->next;
    }
    o->next = *link;
    *link = o;
    t->size++;
    if (t->size > 2 * (t->mask + 1)) {
        grow(t);
    }
}

void ets_insert(EtsTable *t, EtsObject *o)
{
    if (t->type == ETS_ORDERED_SET) {
        ordered_insert(t, o);
    } else {
        hash_insert(t, o);
    }
}

EtsObject *ets_find(EtsTable *t, Term key)
{
    if (t->type == ETS_ORDERED_SET) {
        bool hit;
        size_t i = search(t, key, &hit);
        return hit ? t->items[i] : NULL;
    }
    uint64_t hash = bi_hash_term(key);
    for (EtsObject *o = t->buckets[hash & t->mask]; o != NULL; o = o->next) {
        if (key_match(o, key, hash)) {
            return o;
        }
    }
    return NULL;
}

EtsObject *ets_find_next(EtsTable *t, EtsObject *o, Term key)
{
    if (t->type == ETS_ORDERED_SET || o->next == NULL) {
        return NULL;
    }
    return key_match(o->next, key, o->hash) ? o->next : NULL;
}

void ets_replace(EtsTable *t, EtsObject *old, EtsObject *o)
{
    if (t->type == ETS_ORDERED_SET) {
        bool hit;
        size_t i = search(t, old->key, &hit);
        t->items[i] = o;
        ets_object_free(old);
        return;
    }
    EtsObject **link = &t->buckets[old->hash & t->mask];
    while (*link != old) {
        link = &(*link)->next;
    }
    o->next = old->next;
    *link = o;
    ets_object_free(old);
}

size_t ets_remove_key(EtsTable *t, Term key)
{
    if (t->type == ETS_ORDERED_SET) {
        bool hit;
        size_t i = search(t, key, &hit);
        if (hit) {
            ordered_remove_at(t, i);
        }
        return hit ? 1 : 0;
    }
    uint64_t hash = bi_hash_term(key);
    size_t removed = 0;
    for (EtsObject **link = &t->buckets[hash & t->mask]; *link != NULL;) {
        EtsObject *o = *link;
        if (key_match(o, key, hash)) {
            *link = o->next;
            ets_object_free(o);
            removed++;
        } else {
            link = &o->next;
        }
    }
    t->size -= removed;
    return removed;
}

void ets_remove_object(EtsTable *t, Term tuple)
{
    Term key = term_tuple_elems(tuple)[t->keypos - 1];
    if (t->type == ETS_ORDERED_SET) {
        bool hit;
        size_t i = search(t, key, &hit);
        if (hit && term_exact_equal(t->items[i]->term, tuple)) {
            ordered_remove_at(t, i);
        }
        return;
    }
    uint64_t hash = bi_hash_term(key);
    for (EtsObject **link = &t->buckets[hash & t->mask]; *link != NULL;) {
        EtsObject *o = *link;
        if (key_match(o, key, hash) && term_exact_equal(o->term, tuple)) {
            *link = o->next;
            ets_object_free(o);
            t->size--;
        } else {
            link = &o->next;
        }
    }
}

void ets_clear(EtsTable *t)
{
    if (t->type == ETS_ORDERED_SET) {
        for (size_t i = 0; i < t->size; i++) {
            ets_object_free(t->items[i]);
        }
    } else {
        for (size_t b = 0; t->buckets != NULL && b <= t->mask; b++) {
            for (EtsObject *o = t->buckets[b]; o != NULL;) {
                EtsObject *next = o->next;
                ets_object_free(o);
                o = next;
            }
            t->buckets[b] = NULL;
        }
    }
    t->size = 0;
}

void ets_each(EtsTable *t, void (*fn)(void *ctx, const EtsObject *o), void *ctx)
{
    if (t->type == ETS_ORDERED_SET) {
        for (size_t i = 0; i < t->size; i++) {
            fn(ctx, t->items[i]);
        }
        return;
    }
    for (size_t b = 0; b <= t->mask; b++) {
        for (EtsObject *o = t->buckets[b]; o != NULL; o = o->next) {
            fn(ctx, o);
        }
    }
}

// ---- Key iteration ----

// The first object in a bucket at or after [b], or NULL.
static EtsObject *first_from(EtsTable *t, size_t b)
{
    for (; b <= t->mask; b++) {
        if (t->buckets[b] != NULL) {
            return t->buckets[b];
        }
    }
    return NULL;
}

bool ets_first(EtsTable *t, Term *out)
{
    if (t->size == 0) {
        return false;
    }
    *out = t->type == ETS_ORDERED_SET ? t->items[0]->key : first_from(t, 0)->key;
    return true;
}

bool ets_last(EtsTable *t, Term *out)
{
    if (t->type != ETS_ORDERED_SET) {
        return ets_first(t, out);
    }
    if (t->size == 0) {
        return false;
    }
    *out = t->items[t->size - 1]->key;
    return true;
}

bool ets_next(EtsTable *t, Term key, Term *out, bool *found)
{
    *found = true;
    if (t->type == ETS_ORDERED_SET) {
        bool hit;
        size_t i = search(t, key, &hit);
        i += hit ? 1 : 0;
        if (i >= t->size) {
            return false;
        }
        *out = t->items[i]->key;
        return true;
    }
    uint64_t hash = bi_hash_term(key);
    EtsObject *o = t->buckets[hash & t->mask];
    while (o != NULL && !key_match(o, key, hash)) {
        o = o->next;
    }
    if (o == NULL) {
        *found = false;
        return false;
    }
    while (o != NULL && key_match(o, key, hash)) {
        o = o->next;
    }
    if (o == NULL) {
        o = first_from(t, (hash & t->mask) + 1);
    }
    if (o == NULL) {
        return false;
    }
    *out = o->key;
    return true;
}

bool ets_prev(EtsTable *t, Term key, Term *out, bool *found)
{
    if (t->type != ETS_ORDERED_SET) {
        return ets_next(t, key, out, found);
    }
    *found = true;
    bool hit;
    size_t i = search(t, key, &hit);
    if (i == 0) {
        return false;
    }
    *out = t->items[i - 1]->key;
    return true;
}
