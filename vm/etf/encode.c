// term_to_binary's encoder: writes a term in the external term format exactly as OTP 25 does
// (tags chosen by the same rules: SMALL_INTEGER/INTEGER/SMALL_BIG/LARGE_BIG by value, STRING
// for proper byte lists shorter than 64 KiB, ATOM for Latin-1 atoms below minor_version 2).
// The walk keeps its pending work on an explicit stack, so deep or long terms cost no C stack;
// one walk either writes into a growing buffer or only counts (external_size).
#include "etf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "map.h"
#include "module.h"
#include "vm.h"

// Longest list OTP writes as STRING_EXT (its length field has 16 bits).
#define STRING_EXT_MAX_LEN 0xffff
// FLOAT_EXT's fixed text field ("%.20e", NUL padded).
#define FLOAT_EXT_SIZE 31

// ==== Output buffer ====

// Writes into a buffer of the exact size a counting walk measured first, so the output is
// never reallocated or copied (a 40 MB encoding would otherwise be moved several times).
typedef struct Writer {
    uint8_t *buf;         // NULL when only counting
    size_t len;           // bytes written (or counted) so far
    size_t cap;           // size of buf
    bool is_counting;
    bool overflowed;      // the term wrote more than was counted (a bug: nothing past cap)
    unsigned minor;       // minor_version: 0, 1 or 2
    const AtomTable *atoms;
} Writer;

static void put_bytes(Writer *w, const void *bytes, size_t n)
{
    if (!w->is_counting) {
        if (n > w->cap - w->len) {
            w->overflowed = true;
            return;
        }
        memcpy(w->buf + w->len, bytes, n);
    }
    w->len += n;
}

static void put_u8(Writer *w, uint8_t v) { put_bytes(w, &v, 1); }

static void put_u16(Writer *w, uint32_t v)
{
    uint8_t b[2] = {(uint8_t)(v >> 8), (uint8_t)v};
    put_bytes(w, b, 2);
}

static void put_u32(Writer *w, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    put_bytes(w, b, 4);
}

// ==== Numbers ====

// A magnitude as SMALL_BIG_EXT / LARGE_BIG_EXT: little-endian bytes without high zeros.
static void put_big(Writer *w, const uint64_t *limbs, size_t n, bool is_negative)
{
    size_t bytes = n * 8;
    while (bytes > 0 && ((limbs[(bytes - 1) / 8] >> (8 * ((bytes - 1) % 8))) & 0xff) == 0) {
        bytes--;
    }
    if (bytes <= 255) {
        put_u8(w, ETF_SMALL_BIG);
        put_u8(w, (uint8_t)bytes);
    } else {
        put_u8(w, ETF_LARGE_BIG);
        put_u32(w, (uint32_t)bytes);
    }
    put_u8(w, is_negative ? 1 : 0);
    for (size_t i = 0; i < bytes; i++) {
        put_u8(w, (uint8_t)(limbs[i / 8] >> (8 * (i % 8))));
    }
}

static void put_int(Writer *w, int64_t v)
{
    if (v >= 0 && v <= 255) {
        put_u8(w, ETF_SMALL_INTEGER);
        put_u8(w, (uint8_t)v);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        put_u8(w, ETF_INTEGER);
        put_u32(w, (uint32_t)(int32_t)v);
    } else {
        uint64_t magnitude = v < 0 ? -(uint64_t)v : (uint64_t)v;
        put_big(w, &magnitude, 1, v < 0);
    }
}

static void put_bignum(Writer *w, Term t)
{
    const Term *obj = term_boxed_ptr(t);
    put_big(w, (const uint64_t *)(obj + 1), term_header_size(obj[0]),
            term_header_type(obj[0]) == TERM_TYPE_BIGNEG);
}

static void put_float(Writer *w, double d)
{
    if (w->minor == 0) {
        char text[FLOAT_EXT_SIZE + 16] = {0};
        snprintf(text, sizeof text, "%.20e", d);
        memset(text + strlen(text), 0, sizeof text - strlen(text));
        put_u8(w, ETF_FLOAT);
        put_bytes(w, text, FLOAT_EXT_SIZE);
        return;
    }
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    put_u8(w, ETF_NEW_FLOAT);
    put_u32(w, (uint32_t)(bits >> 32));
    put_u32(w, (uint32_t)bits);
}

// ==== Atoms ====

// True when UTF-8 [s] ([len] bytes) holds only code points below 256; their Latin-1 bytes go to
// [latin1] (room for [len] bytes) and their count to *[out_len].
static bool to_latin1(const uint8_t *s, size_t len, uint8_t *latin1, size_t *out_len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80) {
            latin1[n++] = s[i];
        } else if ((s[i] == 0xc2 || s[i] == 0xc3) && i + 1 < len && (s[i + 1] & 0xc0) == 0x80) {
            latin1[n++] = (uint8_t)(((s[i] & 0x03) << 6) | (s[i + 1] & 0x3f));
            i++;
        } else {
            return false;
        }
    }
    *out_len = n;
    return true;
}

static void put_atom_text(Writer *w, const uint8_t *name, size_t len)
{
    uint8_t latin1[ATOM_MAX_SIZE];
    size_t latin1_len;
    if (w->minor < 2 && len <= ATOM_MAX_SIZE && to_latin1(name, len, latin1, &latin1_len)) {
        put_u8(w, ETF_ATOM);
        put_u16(w, (uint32_t)latin1_len);
        put_bytes(w, latin1, latin1_len);
    } else if (len <= 255) {
        put_u8(w, ETF_SMALL_ATOM_UTF8);
        put_u8(w, (uint8_t)len);
        put_bytes(w, name, len);
    } else {
        put_u8(w, ETF_ATOM_UTF8);
        put_u16(w, (uint32_t)len);
        put_bytes(w, name, len);
    }
}

static void put_atom(Writer *w, Term atom)
{
    size_t len;
    const char *name = atom_name(w->atoms, term_to_atom(atom), &len);
    put_atom_text(w, (const uint8_t *)name, len);
}

// ==== Pids, references, funs ====

static void put_pid(Writer *w, uint32_t index, uint32_t serial)
{
    put_u8(w, ETF_NEW_PID);
    put_atom_text(w, (const uint8_t *)ETF_LOCAL_NODE, strlen(ETF_LOCAL_NODE));
    put_u32(w, index);
    put_u32(w, serial);
    put_u32(w, 0); // creation: 0 for nonode@nohost
}

// A reference's 64-bit number as three ID words, the first with 18 bits as in BEAM.
static void put_ref(Writer *w, uint64_t n)
{
    put_u8(w, ETF_NEWER_REFERENCE);
    put_u16(w, 3);
    put_atom_text(w, (const uint8_t *)ETF_LOCAL_NODE, strlen(ETF_LOCAL_NODE));
    put_u32(w, 0); // creation
    put_u32(w, (uint32_t)(n & 0x3ffff));
    put_u32(w, (uint32_t)(n >> 18));
    put_u32(w, (uint32_t)(n >> 50));
}

void etf_fun_uniq(const Function *fn, uint8_t uniq[16])
{
    // FNV-1a over the function's code, twice with different offsets: a changed function (or
    // module) gives a different uniq, so a fun encoded by other code is refused on decoding.
    uint64_t h1 = 0xcbf29ce484222325u;
    uint64_t h2 = 0x84222325cbf29ce4u ^ fn->index;
    const uint8_t *code = (const uint8_t *)fn->code;
    for (size_t i = 0; i < (size_t)fn->code_len * sizeof *fn->code; i++) {
        h1 = (h1 ^ code[i]) * 0x100000001b3u;
        h2 = (h2 ^ code[i]) * 0x100000001b3u;
    }
    for (int i = 0; i < 8; i++) {
        uniq[i] = (uint8_t)(h1 >> (8 * i));
        uniq[8 + i] = (uint8_t)(h2 >> (8 * i));
    }
}

// NEW_FUN_EXT up to its free variables (Ember's payload, README.md); returns the offset of the
// Size field, which is patched once the free variables are written.
static size_t put_fun_head(Writer *w, const Function *fn, uint32_t free_len)
{
    uint8_t uniq[16];
    etf_fun_uniq(fn, uniq);
    put_u8(w, ETF_NEW_FUN);
    size_t size_at = w->len;
    put_u32(w, 0);
    put_u8(w, (uint8_t)fn->arity);
    put_bytes(w, uniq, sizeof uniq);
    put_u32(w, fn->index);
    put_u32(w, free_len);
    put_atom(w, fn->module->name);
    put_int(w, fn->index);
    put_int(w, (int32_t)(uniq[0] | (uint32_t)uniq[1] << 8 | (uint32_t)uniq[2] << 16 |
                         (uint32_t)uniq[3] << 24));
    put_pid(w, 0, 0);
    return size_at;
}

// ==== The walk ====

typedef enum WorkKind {
    WORK_TERM,      // encode [t]
    WORK_LIST_REST, // encode the elements of list [t] from here on, then its tail
    WORK_ARRAY,     // encode the [n] terms at [elems]
    WORK_MAP_PAIRS, // encode pairs [n].. of flat map [t]
    WORK_MAP_TREE,  // encode the pairs of map tree node [t] ([] for none), in key order
    WORK_FUN_SIZE,  // patch the NEW_FUN_EXT Size field at offset [n]
} WorkKind;

typedef struct Work {
    WorkKind kind;
    Term t;
    const Term *elems;
    size_t n;
} Work;

typedef struct WorkStack {
    Work *items;
    size_t len;
    size_t cap;
} WorkStack;

static void push(WorkStack *s, WorkKind kind, Term t, const Term *elems, size_t n)
{
    if (s->len == s->cap) {
        s->cap = s->cap == 0 ? 64 : s->cap * 2;
        s->items = em_realloc(s->items, s->cap * sizeof *s->items);
    }
    s->items[s->len++] = (Work){kind, t, elems, n};
}

// The length of [list] when it is a proper list of bytes short enough for STRING_EXT, else -1.
static long string_ext_len(Term list)
{
    long len = 0;
    for (; term_is_cons(list); list = term_tl(list)) {
        Term h = term_hd(list);
        if (!term_is_small(h) || term_to_small(h) < 0 || term_to_small(h) > 255 ||
            len == STRING_EXT_MAX_LEN) {
            return -1;
        }
        len++;
    }
    return term_is_nil(list) ? len : -1;
}

static void put_list(Writer *w, WorkStack *s, Term list)
{
    long string_len = string_ext_len(list);
    if (string_len >= 0) {
        put_u8(w, ETF_STRING);
        put_u16(w, (uint32_t)string_len);
        for (; term_is_cons(list); list = term_tl(list)) {
            put_u8(w, (uint8_t)term_to_small(term_hd(list)));
        }
        return;
    }
    size_t len = 0;
    for (Term c = list; term_is_cons(c); c = term_tl(c)) {
        len++;
    }
    put_u8(w, ETF_LIST);
    put_u32(w, (uint32_t)len);
    push(s, WORK_LIST_REST, list, NULL, 0);
}

static void put_map(Writer *w, WorkStack *s, Term map)
{
    put_u8(w, ETF_MAP);
    put_u32(w, map_size(map));
    if (map_is_tree(map)) {
        push(s, WORK_MAP_TREE, map, NULL, 0);
    } else {
        push(s, WORK_MAP_PAIRS, map, NULL, 0);
    }
}

static void put_boxed(Writer *w, WorkStack *s, Term t)
{
    const Term *obj = term_boxed_ptr(t);
    switch (term_header_type(obj[0])) {
    case TERM_TYPE_TUPLE: {
        uint32_t arity = term_tuple_arity(t);
        if (arity <= 255) {
            put_u8(w, ETF_SMALL_TUPLE);
            put_u8(w, (uint8_t)arity);
        } else {
            put_u8(w, ETF_LARGE_TUPLE);
            put_u32(w, arity);
        }
        push(s, WORK_ARRAY, TERM_NONE, obj + 1, arity);
        return;
    }
    case TERM_TYPE_FLOAT:
        put_float(w, term_to_float(t));
        return;
    case TERM_TYPE_BIGPOS:
    case TERM_TYPE_BIGNEG:
        put_bignum(w, t);
        return;
    case TERM_TYPE_MAP:
    case TERM_TYPE_MAPTREE:
        put_map(w, s, t);
        return;
    case TERM_TYPE_EXPORT:
        put_u8(w, ETF_EXPORT);
        put_atom(w, obj[1]);
        put_atom(w, obj[2]);
        put_int(w, term_to_small(obj[3]));
        return;
    case TERM_TYPE_CLOSURE: {
        uint32_t free_len = (uint32_t)term_header_size(obj[0]) - 1;
        size_t size_at = put_fun_head(w, (const Function *)(uintptr_t)obj[1], free_len);
        push(s, WORK_FUN_SIZE, TERM_NONE, NULL, size_at);
        push(s, WORK_ARRAY, TERM_NONE, obj + 2, free_len);
        return;
    }
    case TERM_TYPE_REF:
        put_ref(w, obj[1]);
        return;
    default: { // every binary form; a bitstring with a partial last byte is BIT_BINARY_EXT:
               // the byte count, the bits used in the last byte, the bytes (unused bits 0)
        size_t size;
        const uint8_t *bytes = term_binary_bytes(t, &size);
        unsigned tail_bits = term_bitstring_tail_bits(t);
        put_u8(w, tail_bits > 0 ? ETF_BIT_BINARY : ETF_BINARY);
        put_u32(w, (uint32_t)(size + (tail_bits > 0)));
        if (tail_bits > 0) {
            put_u8(w, tail_bits);
        }
        put_bytes(w, bytes, size);
        if (tail_bits > 0) {
            put_u8(w, bytes[size] & (uint8_t)(0xFFu << (8 - tail_bits)));
        }
        return;
    }
    }
}

static void put_term(Writer *w, WorkStack *s, Term t)
{
    if (term_is_small(t)) {
        put_int(w, term_to_small(t));
    } else if (term_is_atom(t)) {
        put_atom(w, t);
    } else if (term_is_nil(t)) {
        put_u8(w, ETF_NIL);
    } else if (term_is_cons(t)) {
        put_list(w, s, t);
    } else if (term_is_pid(t)) {
        put_pid(w, term_pid_index(t), term_pid_serial(t));
    } else {
        put_boxed(w, s, t);
    }
}

// True when [t] is written whole by put_term, leaving no work behind (no elements).
static bool is_leaf(Term t)
{
    if (!term_is_boxed(t)) {
        return !term_is_cons(t);
    }
    TermType type = term_boxed_type(t);
    return type != TERM_TYPE_TUPLE && type != TERM_TYPE_MAP && type != TERM_TYPE_MAPTREE &&
           type != TERM_TYPE_CLOSURE;
}

// The [n] terms at [elems]: leaves are written at once, and at the first compound term the
// rest waits on the stack behind that term's own elements (pushing every element of a large
// structure cost more than writing it).
static void put_array(Writer *w, WorkStack *s, const Term *elems, size_t n)
{
    size_t i = 0;
    while (i < n && is_leaf(elems[i])) {
        put_term(w, s, elems[i++]);
    }
    if (i < n) {
        if (i + 1 < n) {
            push(s, WORK_ARRAY, TERM_NONE, elems + i + 1, n - i - 1);
        }
        put_term(w, s, elems[i]);
    }
}

// The elements of [list] from here on, then its tail ([] or the improper end), as put_array.
static void put_list_rest(Writer *w, WorkStack *s, Term list)
{
    while (term_is_cons(list) && is_leaf(term_hd(list))) {
        put_term(w, s, term_hd(list));
        list = term_tl(list);
    }
    if (term_is_cons(list)) {
        push(s, WORK_LIST_REST, term_tl(list), NULL, 0);
        put_term(w, s, term_hd(list));
    } else {
        put_term(w, s, list);
    }
}

// Pairs [i].. of flat map [map], as put_array.
static void put_map_pairs(Writer *w, WorkStack *s, Term map, size_t i)
{
    size_t n = map_size(map);
    const Term *keys = map_keys(map);
    const Term *values = map_values(map);
    while (i < n && is_leaf(keys[i]) && is_leaf(values[i])) {
        put_term(w, s, keys[i]);
        put_term(w, s, values[i]);
        i++;
    }
    if (i < n) {
        push(s, WORK_MAP_PAIRS, map, NULL, i + 1);
        push(s, WORK_TERM, values[i], NULL, 0);
        put_term(w, s, keys[i]);
    }
}

// One step of pending work [wk]: writes a term or schedules the next piece of a compound.
static void step(Writer *w, WorkStack *s, Work wk)
{
    switch (wk.kind) {
    case WORK_TERM:
        put_term(w, s, wk.t);
        return;
    case WORK_LIST_REST:
        put_list_rest(w, s, wk.t);
        return;
    case WORK_ARRAY:
        put_array(w, s, wk.elems, wk.n);
        return;
    case WORK_MAP_PAIRS:
        put_map_pairs(w, s, wk.t, wk.n);
        return;
    case WORK_MAP_TREE: {
        if (term_is_nil(wk.t)) {
            return;
        }
        const Term *node = term_boxed_ptr(wk.t);
        push(s, WORK_MAP_TREE, node[5], NULL, 0);
        push(s, WORK_TERM, node[3], NULL, 0);
        push(s, WORK_TERM, node[2], NULL, 0);
        push(s, WORK_MAP_TREE, node[4], NULL, 0);
        return;
    }
    case WORK_FUN_SIZE:
        if (!w->is_counting) {
            uint32_t size = (uint32_t)(w->len - wk.n);
            uint8_t b[4] = {(uint8_t)(size >> 24), (uint8_t)(size >> 16), (uint8_t)(size >> 8),
                            (uint8_t)size};
            memcpy(w->buf + wk.n, b, 4);
        }
        return;
    }
}

static size_t walk(Writer *w, Term t)
{
    WorkStack s = {0};
    size_t visited = 0;
    put_u8(w, ETF_VERSION);
    push(&s, WORK_TERM, t, NULL, 0);
    while (s.len > 0) {
        Work wk = s.items[--s.len];
        step(w, &s, wk);
        visited++;
    }
    free(s.items);
    return visited;
}

size_t etf_encoded_size(const AtomTable *atoms, Term t, unsigned minor_version, size_t *size)
{
    Writer w = {.is_counting = true, .minor = minor_version, .atoms = atoms};
    size_t visited = walk(&w, t);
    *size = w.len;
    return visited;
}

size_t etf_encode_into(const AtomTable *atoms, Term t, unsigned minor_version, uint8_t *out,
                       size_t size)
{
    Writer w = {.buf = out, .cap = size, .minor = minor_version, .atoms = atoms};
    size_t visited = walk(&w, t);
    if (w.overflowed || w.len != size) {
        fprintf(stderr, "ember: etf: encoding size mismatch (%zu counted, %zu written)\n", size,
                w.len);
        abort(); // an internal invariant: the two walks are the same code
    }
    return visited;
}

size_t etf_encode(const AtomTable *atoms, Term t, unsigned minor_version, uint8_t **out,
                  size_t *size)
{
    size_t visited = etf_encoded_size(atoms, t, minor_version, size);
    *out = em_malloc(*size);
    return visited + etf_encode_into(atoms, t, minor_version, *out, *size);
}
