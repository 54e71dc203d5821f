// ETS tables: term storage shared by every process, outside any process heap. Each object is a
// tuple deep-copied into its own heap fragment (binaries shared by reference count, as in a
// message); lookups copy objects back onto the caller's heap. A table is guarded by its own
// rwlock; the VM-wide registry (its own rwlock) maps table ids and names to tables, which are
// reference counted so a table deleted by one thread stays readable memory for another that
// found it a moment before (that thread then sees is_deleted and raises badarg).
#ifndef EMBER_VM_ETS_H
#define EMBER_VM_ETS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heap.h"
#include "term.h"
#include "types.h"

typedef enum EtsType { ETS_SET, ETS_ORDERED_SET, ETS_BAG, ETS_DUPLICATE_BAG } EtsType;

// One stored object: a tuple copied into its own fragment.
typedef struct EtsObject {
    struct EtsObject *next; // hash chain (set, bag, duplicate_bag)
    Term term;              // the tuple, in frag
    Term key;               // its key element (inside the copy)
    uint64_t hash;          // bi_hash_term(key)
    HeapFragment *frag;
    Term *offheap;          // the copy's REFBINs (released with the object)
} EtsObject;

typedef struct EtsTable {
    pthread_rwlock_t lock;  // guards everything below but the constant fields
    atomic_uint refs;       // the registry's reference plus one per thread using the table
    bool is_deleted;        // set under the lock once the table left the registry
    EtsType type;           // constant from here on
    uint32_t keypos;        // 1-based
    Term name;              // atom
    bool is_named;
    Term protection;        // the atom given (every table behaves as :public)
    Term owner;             // the creating process's pid
    uint64_t id;            // the reference number of its table id
    size_t size;            // objects stored
    EtsObject **buckets;    // hash tables: mask + 1 chains
    size_t mask;
    EtsObject **items;      // ordered_set: objects sorted by key (term order)
    size_t cap;
} EtsTable;

typedef struct EtsRegistry {
    pthread_rwlock_t lock;
    EtsTable **tables;      // live tables, unordered
    uint32_t count;
    uint32_t cap;
} EtsRegistry;

// Prepares an empty registry.
void ets_registry_init(EtsRegistry *reg);
// Frees every table still registered (the VM is going away; no process runs).
void ets_registry_destroy(EtsRegistry *reg);

// A new empty table (refs = 1, not registered). fatal_oom on failure.
EtsTable *ets_table_new(EtsType type, uint32_t keypos, Term name, bool is_named, Term owner,
                        uint64_t id, Term protection);
// Adds [t] to [reg]; false (nothing done, [t] still the caller's) when [t] is named and the
// name is taken. Any thread.
bool ets_register(EtsRegistry *reg, EtsTable *t);
// The table that term [tid] (a table reference or a table name) denotes, with a reference the
// caller must drop with ets_release; NULL when there is none. Any thread.
EtsTable *ets_acquire(EtsRegistry *reg, Term tid);
// Drops a reference taken by ets_acquire (or ets_table_new); frees [t] with the last.
void ets_release(EtsTable *t);
// Removes [t] from [reg], frees its objects and marks it deleted. False when it was already
// gone. The caller holds a reference (and no lock on [t]).
bool ets_delete(EtsRegistry *reg, EtsTable *t);
// Deletes every table owned by process [pid] (it is exiting).
void ets_delete_owned(EtsRegistry *reg, Term pid);

// ---- Object operations: the caller holds [t]'s lock (write lock for changes) ----

// A copy of tuple [tuple] (on a heap the caller owns) as an object keyed by element [keypos].
// Reads only; may be called without any lock.
EtsObject *ets_object_new(Term tuple, uint32_t keypos);
// Frees an object that is in no table.
void ets_object_free(EtsObject *o);
// Stores [o] by the table's type: a set replaces the object with an equal key, a bag skips an
// identical object (freeing [o]), a duplicate bag always adds. Write lock.
void ets_insert(EtsTable *t, EtsObject *o);
// The first object whose key matches [key] (=:= for hash tables, == for ordered_set), or NULL.
EtsObject *ets_find(EtsTable *t, Term key);
// The object after [o] in a chain holding [key], or NULL (bags: the same key's next object).
EtsObject *ets_find_next(EtsTable *t, EtsObject *o, Term key);
// Replaces stored object [old] by [o] (same key) in place and frees [old]. Write lock.
void ets_replace(EtsTable *t, EtsObject *old, EtsObject *o);
// Removes every object with key [key]; their number. Write lock.
size_t ets_remove_key(EtsTable *t, Term key);
// Removes the objects exactly equal to [tuple] (all of them in a duplicate bag). Write lock.
void ets_remove_object(EtsTable *t, Term tuple);
// Removes every object. Write lock.
void ets_clear(EtsTable *t);
// Calls [fn] on every object in table order (key order for ordered_set), [ctx] passed along.
void ets_each(EtsTable *t, void (*fn)(void *ctx, const EtsObject *o), void *ctx);
// Key iteration. ets_first/ets_last: the first or last key (ordered_set order; hash order
// otherwise), false when empty. ets_next/ets_prev: the key after/before [key] in *[out];
// false at the end. For hash tables [key] must be present: *[found] is false otherwise.
// ets_last/ets_prev on hash tables behave as ets_first/ets_next (as in Erlang).
bool ets_first(EtsTable *t, Term *out);
bool ets_last(EtsTable *t, Term *out);
bool ets_next(EtsTable *t, Term key, Term *out, bool *found);
bool ets_prev(EtsTable *t, Term key, Term *out, bool *found);

#endif
