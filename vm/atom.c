// The atom table: interned atom names in chunked arrays that never move, so a name is read
// by index without a lock; interning takes the table mutex and uses an open-addressing hash
// index. Atoms are global to the OS process as in BEAM: every Vm shares one reference-counted
// table, which is what lets term_compare order atoms by text with no Vm at hand.
#include "atom.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "vm.h"

// Chunk k holds ATOM_CHUNK0 << k entries; 24 chunks give ~17 billion atoms, more than a
// 32-bit index can name, so the chunk array never has to grow.
#define ATOM_CHUNK0_BITS 10
#define ATOM_CHUNK0 (1u << ATOM_CHUNK0_BITS)
#define ATOM_MAX_CHUNKS 24
// Initial hash index slots (a power of two), kept under 50% full.
#define ATOM_INDEX_INITIAL 512

typedef struct AtomEntry {
    const char *name;
    uint32_t len;
    uint32_t hash;
} AtomEntry;

struct AtomTable {
    pthread_mutex_t lock;
    _Atomic(AtomEntry *) chunks[ATOM_MAX_CHUNKS];
    atomic_uint count;
    uint32_t *index;     // slot: atom index + 1, 0 = empty
    uint32_t index_mask; // slots - 1
};

// The process-wide table and its reference count (see the file comment).
static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(AtomTable *) shared_table;
static unsigned shared_refs;

static uint32_t hash_name(const char *name, size_t len)
{
    uint32_t h = 2166136261u; // FNV-1a
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (uint8_t)name[i]) * 16777619u;
    }
    return h;
}

static AtomEntry *entry_at(const AtomTable *table, uint32_t index)
{
    uint64_t j = (uint64_t)index + ATOM_CHUNK0;
    unsigned k = (unsigned)(63 - __builtin_clzll(j)) - ATOM_CHUNK0_BITS;
    AtomEntry *chunk = atomic_load_explicit(
        &((AtomTable *)table)->chunks[k], memory_order_acquire);
    return &chunk[j - ((uint64_t)ATOM_CHUNK0 << k)];
}

// Finds [name] in the hash index; caller holds the lock.
static bool find_locked(AtomTable *table, const char *name, size_t len, uint32_t hash,
                        uint32_t *out)
{
    for (uint32_t slot = hash & table->index_mask;; slot = (slot + 1) & table->index_mask) {
        uint32_t v = table->index[slot];
        if (v == 0) {
            return false;
        }
        AtomEntry *e = entry_at(table, v - 1);
        if (e->hash == hash && e->len == len && memcmp(e->name, name, len) == 0) {
            *out = v - 1;
            return true;
        }
    }
}

static void index_insert(uint32_t *index, uint32_t mask, uint32_t hash, uint32_t value)
{
    uint32_t slot = hash & mask;
    while (index[slot] != 0) {
        slot = (slot + 1) & mask;
    }
    index[slot] = value;
}

static void grow_index(AtomTable *table, uint32_t count)
{
    uint32_t mask = table->index_mask * 2 + 1;
    uint32_t *index = em_calloc((size_t)mask + 1, sizeof *index);
    for (uint32_t i = 0; i < count; i++) {
        index_insert(index, mask, entry_at(table, i)->hash, i + 1);
    }
    free(table->index);
    table->index = index;
    table->index_mask = mask;
}

// Appends a new atom; caller holds the lock and checked it is absent.
static uint32_t add_locked(AtomTable *table, const char *name, size_t len, uint32_t hash)
{
    uint32_t n = atomic_load_explicit(&table->count, memory_order_relaxed);
    if ((uint64_t)(n + 1) * 2 > (uint64_t)table->index_mask + 1) {
        grow_index(table, n);
    }
    uint64_t j = (uint64_t)n + ATOM_CHUNK0;
    unsigned k = (unsigned)(63 - __builtin_clzll(j)) - ATOM_CHUNK0_BITS;
    if (atomic_load_explicit(&table->chunks[k], memory_order_relaxed) == NULL) {
        AtomEntry *chunk = em_calloc((size_t)ATOM_CHUNK0 << k, sizeof *chunk);
        atomic_store_explicit(&table->chunks[k], chunk, memory_order_release);
    }
    char *copy = em_malloc(len + 1);
    memcpy(copy, name, len);
    copy[len] = '\0';
    AtomEntry *e = entry_at(table, n);
    e->name = copy;
    e->len = (uint32_t)len;
    e->hash = hash;
    index_insert(table->index, table->index_mask, hash, n + 1);
    atomic_store_explicit(&table->count, n + 1, memory_order_release);
    return n;
}

static AtomTable *create_table(void)
{
    AtomTable *table = em_calloc(1, sizeof *table);
    pthread_mutex_init(&table->lock, NULL);
    table->index_mask = ATOM_INDEX_INITIAL - 1;
    table->index = em_calloc(ATOM_INDEX_INITIAL, sizeof *table->index);
    static const char *const well_known[] = {
#define ATOM(id, text) text,
#include "atoms.def"
#undef ATOM
    };
    for (size_t i = 0; i < sizeof well_known / sizeof well_known[0]; i++) {
        size_t len = strlen(well_known[i]);
        add_locked(table, well_known[i], len, hash_name(well_known[i], len));
    }
    return table;
}

AtomTable *atom_table_new(void)
{
    pthread_mutex_lock(&shared_lock);
    AtomTable *table = atomic_load(&shared_table);
    if (table == NULL) {
        table = create_table();
        atomic_store(&shared_table, table);
    }
    shared_refs++;
    pthread_mutex_unlock(&shared_lock);
    return table;
}

void atom_table_free(AtomTable *table)
{
    if (table == NULL) {
        return;
    }
    pthread_mutex_lock(&shared_lock);
    bool last = --shared_refs == 0;
    if (last) {
        atomic_store(&shared_table, NULL);
    }
    pthread_mutex_unlock(&shared_lock);
    if (!last) {
        return;
    }
    uint32_t n = atomic_load(&table->count);
    for (uint32_t i = 0; i < n; i++) {
        free((char *)entry_at(table, i)->name);
    }
    for (unsigned k = 0; k < ATOM_MAX_CHUNKS; k++) {
        free(atomic_load(&table->chunks[k]));
    }
    free(table->index);
    pthread_mutex_destroy(&table->lock);
    free(table);
}

bool atom_intern(AtomTable *table, const char *name, size_t len, uint32_t *out)
{
    if (len > ATOM_MAX_SIZE) {
        return false;
    }
    uint32_t hash = hash_name(name, len);
    pthread_mutex_lock(&table->lock);
    if (!find_locked(table, name, len, hash, out)) {
        *out = add_locked(table, name, len, hash);
    }
    pthread_mutex_unlock(&table->lock);
    return true;
}

bool atom_lookup(AtomTable *table, const char *name, size_t len, uint32_t *out)
{
    if (len > ATOM_MAX_SIZE) {
        return false;
    }
    uint32_t hash = hash_name(name, len);
    pthread_mutex_lock(&table->lock);
    bool found = find_locked(table, name, len, hash, out);
    pthread_mutex_unlock(&table->lock);
    return found;
}

const char *atom_name(const AtomTable *table, uint32_t index, size_t *len)
{
    const AtomEntry *e = entry_at(table, index);
    if (len != NULL) {
        *len = e->len;
    }
    return e->name;
}

uint32_t atom_count(const AtomTable *table)
{
    return atomic_load_explicit(&((AtomTable *)table)->count, memory_order_acquire);
}

int atom_compare(uint32_t a, uint32_t b)
{
    if (a == b) {
        return 0;
    }
    const AtomTable *table = atomic_load_explicit(&shared_table, memory_order_acquire);
    const AtomEntry *ea = entry_at(table, a);
    const AtomEntry *eb = entry_at(table, b);
    size_t n = ea->len < eb->len ? ea->len : eb->len;
    int c = memcmp(ea->name, eb->name, n);
    if (c != 0) {
        return c < 0 ? -1 : 1;
    }
    return ea->len < eb->len ? -1 : (ea->len > eb->len ? 1 : 0);
}
