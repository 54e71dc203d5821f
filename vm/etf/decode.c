// binary_to_term's decoder, in two passes over untrusted bytes. scan_term checks the whole
// encoding first: every length against the bytes left, every atom's text, that pids,
// references and funs are ones Ember can represent; it counts the terms still owed in one
// integer (never more than the bytes left), so a forged count fails before anything is
// allocated. build_term then makes the term on the process heap, filling slots from an explicit
// task stack instead of recursing. Nothing is allocated and no atom is created for an invalid
// input (a map with a repeated key is the one error found in the second pass).
#include "etf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "builtins.h"
#include "heap.h"
#include "map.h"
#include "module.h"
#include "process.h"
#include "vm.h"

// Words a reference ID can hold, as NEWER_REFERENCE_EXT allows (OTP writes 3, or 4-5 for
// references that carry a pid: those are not local to Ember).
#define REF_MAX_WORDS 5
// Longest FLOAT_EXT text.
#define FLOAT_EXT_SIZE 31

// ==== Bounds-checked reading ====

typedef struct Reader {
    const uint8_t *pos;
    const uint8_t *end;
} Reader;

static size_t left(const Reader *r) { return (size_t)(r->end - r->pos); }

static bool take(Reader *r, size_t n, const uint8_t **out)
{
    if (left(r) < n) {
        return false;
    }
    *out = r->pos;
    r->pos += n;
    return true;
}

static bool get_u8(Reader *r, uint32_t *v)
{
    const uint8_t *b;
    if (!take(r, 1, &b)) {
        return false;
    }
    *v = b[0];
    return true;
}

static bool get_u16(Reader *r, uint32_t *v)
{
    const uint8_t *b;
    if (!take(r, 2, &b)) {
        return false;
    }
    *v = (uint32_t)b[0] << 8 | b[1];
    return true;
}

static bool get_u32(Reader *r, uint32_t *v)
{
    const uint8_t *b;
    if (!take(r, 4, &b)) {
        return false;
    }
    *v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    return true;
}

// ==== Atoms ====

typedef struct AtomText {
    uint8_t utf8[ATOM_MAX_SIZE];
    size_t len;
} AtomText;

// Code points in UTF-8 [s] ([len] bytes), or -1 when it is not valid UTF-8 (overlong forms,
// surrogates and values past U+10FFFF are invalid, as in Erlang).
static long utf8_chars(const uint8_t *s, size_t len)
{
    long chars = 0;
    for (size_t i = 0; i < len; chars++) {
        uint8_t c = s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
                   (c & 0xf8) == 0xf0 ? 4 : 0;
        if (n == 0 || i + n > len) {
            return -1;
        }
        uint32_t cp = n == 1 ? c : c & (0x7f >> n);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xc0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_cp[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return -1;
        }
        i += n;
    }
    return chars;
}

// Reads one atom term (any of the four atom encodings) as UTF-8 text into [a].
static bool read_atom(Reader *r, AtomText *a)
{
    uint32_t tag;
    uint32_t len;
    const uint8_t *text;
    if (!get_u8(r, &tag)) {
        return false;
    }
    bool is_small = tag == ETF_SMALL_ATOM || tag == ETF_SMALL_ATOM_UTF8;
    bool is_latin1 = tag == ETF_ATOM || tag == ETF_SMALL_ATOM;
    if (!is_small && tag != ETF_ATOM && tag != ETF_ATOM_UTF8) {
        return false;
    }
    if (!(is_small ? get_u8(r, &len) : get_u16(r, &len)) || !take(r, len, &text)) {
        return false;
    }
    if (is_latin1) {
        if (len > ETF_ATOM_MAX_CHARS) {
            return false;
        }
        a->len = 0;
        for (uint32_t i = 0; i < len; i++) {
            if (text[i] < 0x80) {
                a->utf8[a->len++] = text[i];
            } else {
                a->utf8[a->len++] = (uint8_t)(0xc0 | text[i] >> 6);
                a->utf8[a->len++] = (uint8_t)(0x80 | (text[i] & 0x3f));
            }
        }
        return true;
    }
    long chars = len <= ATOM_MAX_SIZE ? utf8_chars(text, len) : -1;
    if (chars < 0 || chars > ETF_ATOM_MAX_CHARS) {
        return false;
    }
    memcpy(a->utf8, text, len);
    a->len = len;
    return true;
}

static bool atom_is(const AtomText *a, const char *s)
{
    return a->len == strlen(s) && memcmp(a->utf8, s, a->len) == 0;
}

// ==== Pids, references, funs: read whole, checked to be representable ====

// A local pid (PID_EXT or NEW_PID_EXT; the tag is already read) as *[out].
static bool read_pid_body(Reader *r, uint32_t tag, Term *out)
{
    AtomText node;
    uint32_t id;
    uint32_t serial;
    uint32_t creation;
    if (!read_atom(r, &node) || !get_u32(r, &id) || !get_u32(r, &serial) ||
        !(tag == ETF_PID ? get_u8(r, &creation) : get_u32(r, &creation))) {
        return false;
    }
    if (!atom_is(&node, ETF_LOCAL_NODE) || creation != 0 || serial > TERM_PID_SERIAL_MASK) {
        return false; // another node's pid: Ember has no distribution yet
    }
    *out = term_make_pid(id, serial);
    return true;
}

static bool read_pid(Reader *r, Term *out)
{
    uint32_t tag;
    return get_u8(r, &tag) && (tag == ETF_PID || tag == ETF_NEW_PID) &&
           read_pid_body(r, tag, out);
}

// A local reference (REFERENCE_EXT, NEW_REFERENCE_EXT or NEWER_REFERENCE_EXT) as the 64-bit
// number Ember keeps: the inverse of the encoder's three words (18, 32 and 14 bits).
static bool read_ref_body(Reader *r, uint32_t tag, uint64_t *out)
{
    uint32_t len = 1;
    AtomText node;
    uint32_t creation;
    if (tag != ETF_REFERENCE && !get_u16(r, &len)) {
        return false;
    }
    if (!read_atom(r, &node) || len == 0 || len > REF_MAX_WORDS) {
        return false;
    }
    bool creation_ok = tag == ETF_NEWER_REFERENCE ? get_u32(r, &creation) : get_u8(r, &creation);
    uint32_t words[REF_MAX_WORDS] = {0};
    for (uint32_t i = 0; i < len; i++) {
        if (!get_u32(r, &words[i])) {
            return false;
        }
    }
    if (!creation_ok || !atom_is(&node, ETF_LOCAL_NODE) || creation != 0 || len > 3 ||
        words[0] >= (1u << 18) || words[2] >= (1u << 14)) {
        return false; // another node's or another VM's reference: not representable
    }
    *out = words[0] | (uint64_t)words[1] << 18 | (uint64_t)words[2] << 50;
    return true;
}

// An integer encoded as SMALL_INTEGER_EXT or INTEGER_EXT.
static bool read_small_int(Reader *r, int64_t *out)
{
    uint32_t tag;
    uint32_t v;
    if (!get_u8(r, &tag)) {
        return false;
    }
    if (tag == ETF_SMALL_INTEGER && get_u8(r, &v)) {
        *out = v;
        return true;
    }
    if (tag == ETF_INTEGER && get_u32(r, &v)) {
        *out = (int32_t)v;
        return true;
    }
    return false;
}

// NEW_FUN_EXT up to its free variables (the tag is already read): the Function it names in a
// loaded module of [vm], which must have the same code (uniq) as the encoder's.
static bool read_fun_head(Reader *r, Vm *vm, const Function **fn, uint32_t *free_len)
{
    uint32_t size;
    uint32_t arity;
    uint32_t index;
    const uint8_t *uniq;
    AtomText module;
    int64_t old_index;
    int64_t old_uniq;
    Term pid;
    if (!get_u32(r, &size) || size > left(r) + 4 || !get_u8(r, &arity) || !take(r, 16, &uniq) ||
        !get_u32(r, &index) || !get_u32(r, free_len) || !read_atom(r, &module) ||
        !read_small_int(r, &old_index) || !read_small_int(r, &old_uniq) || !read_pid(r, &pid)) {
        return false;
    }
    uint32_t name;
    Module *mod = atom_lookup(vm->atoms, (const char *)module.utf8, module.len, &name)
                      ? vm_find_module(vm, term_from_atom(name))
                      : NULL;
    if (mod == NULL || index >= mod->function_count) {
        return false;
    }
    const Function *f = &mod->functions[index];
    uint8_t expected[16];
    etf_fun_uniq(f, expected);
    if (f->arity != arity || f->free_count != *free_len || memcmp(expected, uniq, 16) != 0) {
        return false;
    }
    *fn = f;
    return true;
}

// EXPORT_EXT after its tag: module and function atoms and an arity 0..255 (OTP writes it as
// SMALL_INTEGER_EXT and also reads INTEGER_EXT).
static bool read_export(Reader *r, AtomText *module, AtomText *name, uint32_t *arity)
{
    int64_t v;
    if (!read_atom(r, module) || !read_atom(r, name) || !read_small_int(r, &v) || v < 0 ||
        v > 255) {
        return false;
    }
    *arity = (uint32_t)v;
    return true;
}

// ==== Bitstrings ====

// BIT_BINARY_EXT after its tag: [len] bytes of a bitstring whose last byte uses *[bits] bits
// (1..8; OTP also accepts no bytes with 0 bits, the empty bitstring).
static bool read_bit_binary(Reader *r, const uint8_t **bytes, uint32_t *len, uint32_t *bits)
{
    return get_u32(r, len) && get_u8(r, bits) &&
           (*len > 0 ? *bits >= 1 && *bits <= 8 : *bits == 0) && take(r, *len, bytes);
}

// ==== Pass 1: check and measure ====

typedef struct Scan {
    Vm *vm;
    bool is_safe;
    bool saw_unsafe;
    size_t terms;     // terms seen
    size_t map_words; // scratch words for the pairs of every map (an upper bound of the need)
} Scan;

// An atom is fine to decode: with is_safe it must exist already.
static bool scan_atom(Reader *r, Scan *sc)
{
    AtomText a;
    if (!read_atom(r, &a)) {
        return false;
    }
    uint32_t index;
    if (sc->is_safe && !atom_lookup(sc->vm->atoms, (const char *)a.utf8, a.len, &index)) {
        sc->saw_unsafe = true;
        return false;
    }
    return true;
}

static const uint8_t *skip_digits(const uint8_t *s)
{
    while (*s >= '0' && *s <= '9') {
        s++;
    }
    return s;
}

// FLOAT_EXT's text ([b], FLOAT_EXT_SIZE bytes) as OTP reads it: [+-]digits[.,]digits, an
// optional exponent e[+-]digits, then a NUL (what follows the NUL is ignored); finite only.
static bool parse_float_ext(const uint8_t *b, double *out)
{
    uint8_t text[FLOAT_EXT_SIZE + 1];
    memcpy(text, b, FLOAT_EXT_SIZE);
    text[FLOAT_EXT_SIZE] = '\0';
    const uint8_t *s = text + (text[0] == '+' || text[0] == '-');
    const uint8_t *after = skip_digits(s);
    if (after == s || (*after != '.' && *after != ',')) {
        return false;
    }
    text[after - text] = '.'; // strtod's decimal point (the C locale)
    s = after + 1;
    after = skip_digits(s);
    if (after == s) {
        return false;
    }
    if (*after == 'e' || *after == 'E') {
        s = after + 1 + (after[1] == '+' || after[1] == '-');
        after = skip_digits(s);
        if (after == s) {
            return false;
        }
    }
    if (*after != '\0') {
        return false;
    }
    *out = strtod((const char *)text, NULL);
    return isfinite(*out);
}

static bool scan_number(Reader *r, uint32_t tag)
{
    const uint8_t *b;
    uint32_t len;
    switch (tag) {
    case ETF_SMALL_INTEGER:
        return take(r, 1, &b);
    case ETF_INTEGER:
        return take(r, 4, &b);
    case ETF_SMALL_BIG:
    case ETF_LARGE_BIG:
        return (tag == ETF_SMALL_BIG ? get_u8(r, &len) : get_u32(r, &len)) &&
               take(r, 1 + (size_t)len, &b);
    case ETF_NEW_FLOAT: {
        if (!take(r, 8, &b)) {
            return false;
        }
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | b[i];
        }
        double d;
        memcpy(&d, &bits, sizeof d);
        return isfinite(d);
    }
    default: { // ETF_FLOAT: text
        double d;
        return take(r, FLOAT_EXT_SIZE, &b) && parse_float_ext(b, &d);
    }
    }
}

// A tuple, list or map header: the terms that follow in *[children] (a list's tail included).
static bool scan_compound(Reader *r, Scan *sc, uint32_t tag, size_t *children)
{
    uint32_t len;
    if (!(tag == ETF_SMALL_TUPLE ? get_u8(r, &len) : get_u32(r, &len))) {
        return false;
    }
    *children = len;
    if (tag == ETF_LIST) {
        *children = (size_t)len + 1;
    } else if (tag == ETF_MAP) {
        *children = 2 * (size_t)len;
        sc->map_words += 2 * (size_t)len;
    }
    return true;
}

// True when [module].[name]/[arity] can be called: a built-in, or a public function of a module
// that is loaded or loadable (the stdlib, the code path).
static bool export_exists(Vm *vm, Term module, Term name, uint32_t arity)
{
    BuiltinId id;
    if (vm->builtins.slots != NULL && builtin_lookup(&vm->builtins, module, name, arity, &id)) {
        return true;
    }
    Module *mod = vm_get_module(vm, module);
    return mod != NULL && module_find_function(mod, name, arity) != NULL;
}

// EXPORT_EXT; with is_safe, like OTP, only a function that exists (and no new atom).
static bool scan_export(Reader *r, Scan *sc)
{
    AtomText module;
    AtomText name;
    uint32_t arity;
    if (!read_export(r, &module, &name, &arity)) {
        return false;
    }
    if (!sc->is_safe) {
        return true;
    }
    uint32_t m;
    uint32_t f;
    if (!atom_lookup(sc->vm->atoms, (const char *)module.utf8, module.len, &m) ||
        !atom_lookup(sc->vm->atoms, (const char *)name.utf8, name.len, &f) ||
        !export_exists(sc->vm, term_from_atom(m), term_from_atom(f), arity)) {
        sc->saw_unsafe = true;
        return false;
    }
    return true;
}

// Checks the compound or leaf term whose tag [tag] was just read; *[children] receives how many
// further terms it contains (read next, in order).
static bool scan_one(Reader *r, Scan *sc, uint32_t tag, size_t *children)
{
    const uint8_t *b;
    uint32_t len;
    Term pid;
    uint64_t ref;
    *children = 0;
    switch (tag) {
    case ETF_SMALL_INTEGER: case ETF_INTEGER: case ETF_SMALL_BIG: case ETF_LARGE_BIG:
    case ETF_NEW_FLOAT: case ETF_FLOAT:
        return scan_number(r, tag);
    case ETF_ATOM: case ETF_SMALL_ATOM: case ETF_ATOM_UTF8: case ETF_SMALL_ATOM_UTF8:
        r->pos--; // read_atom reads the tag itself
        return scan_atom(r, sc);
    case ETF_NIL:
        return true;
    case ETF_STRING:
        return get_u16(r, &len) && take(r, len, &b);
    case ETF_BINARY:
        return get_u32(r, &len) && take(r, len, &b);
    case ETF_BIT_BINARY: {
        uint32_t bits;
        return read_bit_binary(r, &b, &len, &bits);
    }
    case ETF_SMALL_TUPLE: case ETF_LARGE_TUPLE: case ETF_LIST: case ETF_MAP:
        return scan_compound(r, sc, tag, children);
    case ETF_PID: case ETF_NEW_PID:
        return read_pid_body(r, tag, &pid);
    case ETF_REFERENCE: case ETF_NEW_REFERENCE: case ETF_NEWER_REFERENCE:
        return read_ref_body(r, tag, &ref);
    case ETF_EXPORT:
        return scan_export(r, sc);
    case ETF_NEW_FUN: {
        const Function *fn;
        if (!read_fun_head(r, sc->vm, &fn, &len)) {
            return false;
        }
        *children = len;
        return true;
    }
    default: // ports (Ember has none), ATOM_CACHE_REF (distribution only), unknown tags
        return false;
    }
}

// Checks that [r] starts with one complete term. Every term takes at least one byte, so the
// terms still owed never exceed the bytes left: a forged count fails here, cheaply.
static bool scan_term(Reader *r, Scan *sc)
{
    size_t pending = 1;
    while (pending > 0) {
        pending--;
        uint32_t tag;
        size_t children;
        if (!get_u8(r, &tag) || !scan_one(r, sc, tag, &children)) {
            return false;
        }
        if (pending > left(r) || children > left(r) - pending) {
            return false;
        }
        pending += children;
        sc->terms++;
    }
    return true;
}

// ==== Pass 2: build ====

typedef enum TaskKind {
    TASK_FILL,     // decode [n] terms into dst, dst + stride, ...
    TASK_MAP_DONE, // make the map of the [n] pairs at scratch[at] and store it in *dst
} TaskKind;

typedef struct Task {
    TaskKind kind;
    uint32_t stride;
    Term *dst;
    size_t n;
    size_t at;
} Task;

// Atoms made recently, by text: an encoding usually repeats a few atoms many times, and each
// atom_intern takes the VM-wide atom table's lock. Direct-mapped; short names only.
#define ATOM_CACHE_SLOTS 64
#define ATOM_CACHE_TEXT 24

typedef struct AtomCacheSlot {
    uint32_t len; // 0: empty (the empty atom is not cached)
    uint32_t index;
    uint8_t text[ATOM_CACHE_TEXT];
} AtomCacheSlot;

typedef struct Builder {
    Process *p;
    Reader r;
    Task *tasks;
    size_t task_len;
    size_t task_cap;
    Term *scratch; // map pairs waiting for their map, used as a stack
    size_t scratch_top;
    AtomCacheSlot atom_cache[ATOM_CACHE_SLOTS];
} Builder;

static void push_task(Builder *b, Task t)
{
    if (b->task_len == b->task_cap) {
        b->task_cap = b->task_cap == 0 ? 64 : b->task_cap * 2;
        b->tasks = em_realloc(b->tasks, b->task_cap * sizeof *b->tasks);
    }
    b->tasks[b->task_len++] = t;
}

static void push_fill(Builder *b, Term *dst, size_t n, uint32_t stride)
{
    if (n > 0) {
        push_task(b, (Task){TASK_FILL, stride, dst, n, 0});
    }
}

static Term make_atom(Builder *b, const AtomText *a)
{
    AtomCacheSlot *slot = NULL;
    if (a->len > 0 && a->len <= ATOM_CACHE_TEXT) {
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < a->len; i++) {
            h = (h ^ a->utf8[i]) * 16777619u;
        }
        slot = &b->atom_cache[h % ATOM_CACHE_SLOTS];
        if (slot->len == a->len && memcmp(slot->text, a->utf8, a->len) == 0) {
            return term_from_atom(slot->index);
        }
    }
    uint32_t index = 0;
    atom_intern(b->p->vm->atoms, (const char *)a->utf8, a->len, &index); // text checked: fits
    if (slot != NULL) {
        slot->len = (uint32_t)a->len;
        slot->index = index;
        memcpy(slot->text, a->utf8, a->len);
    }
    return term_from_atom(index);
}

// The integer with [len] little-endian magnitude bytes at [digits], negative when [is_neg].
static Term make_big(Process *p, const uint8_t *digits, size_t len, bool is_neg)
{
    while (len > 0 && digits[len - 1] == 0) {
        len--;
    }
    if (len <= 8) {
        uint64_t m = 0;
        for (size_t i = len; i > 0; i--) {
            m = m << 8 | digits[i - 1];
        }
        if (!is_neg && m <= (uint64_t)SMALL_MAX) {
            return term_from_small((int64_t)m);
        }
        if (is_neg && m <= (uint64_t)SMALL_MAX + 1) {
            return term_from_small(-(int64_t)(m - 1) - 1);
        }
    }
    size_t limbs = (len + 7) / 8;
    Term *obj = heap_alloc(p, 1 + limbs);
    obj[0] = term_make_header(is_neg ? TERM_TYPE_BIGNEG : TERM_TYPE_BIGPOS, limbs);
    memset(obj + 1, 0, limbs * sizeof(Term));
    for (size_t i = 0; i < len; i++) {
        obj[1 + i / 8] |= (Term)digits[i] << (8 * (i % 8));
    }
    return term_from_boxed(obj);
}

static bool build_number(Builder *b, uint32_t tag, Term *dst)
{
    const uint8_t *d;
    uint32_t v;
    uint32_t sign;
    switch (tag) {
    case ETF_SMALL_INTEGER:
        return get_u8(&b->r, &v) && (*dst = term_from_small(v), true);
    case ETF_INTEGER:
        return get_u32(&b->r, &v) && (*dst = term_from_small((int32_t)v), true);
    case ETF_SMALL_BIG:
    case ETF_LARGE_BIG:
        if (!(tag == ETF_SMALL_BIG ? get_u8(&b->r, &v) : get_u32(&b->r, &v)) ||
            !get_u8(&b->r, &sign) || !take(&b->r, v, &d)) {
            return false;
        }
        *dst = make_big(b->p, d, v, sign != 0);
        return true;
    case ETF_NEW_FLOAT: {
        uint32_t hi;
        uint32_t lo;
        if (!get_u32(&b->r, &hi) || !get_u32(&b->r, &lo)) {
            return false;
        }
        uint64_t bits = (uint64_t)hi << 32 | lo;
        double f;
        memcpy(&f, &bits, sizeof f);
        *dst = term_make_float(b->p, f);
        return true;
    }
    default: { // ETF_FLOAT, checked by scan_number
        double f;
        if (!take(&b->r, FLOAT_EXT_SIZE, &d) || !parse_float_ext(d, &f)) {
            return false;
        }
        *dst = term_make_float(b->p, f);
        return true;
    }
    }
}

// [len] list cells on the heap, each linked to the next; the heads are [] for now.
static Term *alloc_cells(Process *p, size_t len)
{
    Term *cells = heap_alloc(p, 2 * len);
    for (size_t i = 0; i < len; i++) {
        cells[2 * i] = TERM_NIL;
        cells[2 * i + 1] = i + 1 < len ? term_from_cons(cells + 2 * i + 2) : TERM_NIL;
    }
    return cells;
}

static bool build_string(Builder *b, Term *dst)
{
    uint32_t len;
    const uint8_t *bytes;
    if (!get_u16(&b->r, &len) || !take(&b->r, len, &bytes)) {
        return false;
    }
    if (len == 0) {
        *dst = TERM_NIL;
        return true;
    }
    Term *cells = alloc_cells(b->p, len);
    for (uint32_t i = 0; i < len; i++) {
        cells[2 * i] = term_from_small(bytes[i]);
    }
    *dst = term_from_cons(cells);
    return true;
}

static bool build_list(Builder *b, Term *dst)
{
    uint32_t len;
    if (!get_u32(&b->r, &len)) {
        return false;
    }
    if (len == 0) {
        push_fill(b, dst, 1, 1); // only the tail
        return true;
    }
    Term *cells = alloc_cells(b->p, len);
    *dst = term_from_cons(cells);
    push_fill(b, &cells[2 * (size_t)len - 1], 1, 1); // the tail, after the heads
    push_fill(b, cells, len, 2);
    return true;
}

static bool build_tuple(Builder *b, uint32_t tag, Term *dst)
{
    uint32_t arity;
    if (!(tag == ETF_SMALL_TUPLE ? get_u8(&b->r, &arity) : get_u32(&b->r, &arity))) {
        return false;
    }
    *dst = term_make_tuple(b->p, arity, NULL);
    push_fill(b, term_tuple_elems(*dst), arity, 1);
    return true;
}

static bool build_map(Builder *b, Term *dst)
{
    uint32_t len;
    if (!get_u32(&b->r, &len)) {
        return false;
    }
    if (len == 0) {
        *dst = map_new(b->p);
        return true;
    }
    size_t at = b->scratch_top;
    b->scratch_top += 2 * (size_t)len;
    push_task(b, (Task){TASK_MAP_DONE, 1, dst, len, at});
    push_fill(b, b->scratch + at, 2 * (size_t)len, 1);
    return true;
}

static bool build_fun(Builder *b, Term *dst)
{
    const Function *fn;
    uint32_t free_len;
    if (!read_fun_head(&b->r, b->p->vm, &fn, &free_len)) {
        return false;
    }
    Term *obj = heap_alloc(b->p, 2 + (size_t)free_len);
    obj[0] = term_make_header(TERM_TYPE_CLOSURE, 1 + (uint64_t)free_len);
    obj[1] = (Term)(uintptr_t)fn;
    for (uint32_t i = 0; i < free_len; i++) {
        obj[2 + i] = TERM_NIL;
    }
    *dst = term_from_boxed(obj);
    push_fill(b, obj + 2, free_len, 1);
    return true;
}

static bool build_export(Builder *b, Term *dst)
{
    AtomText module;
    AtomText name;
    uint32_t arity;
    if (!read_export(&b->r, &module, &name, &arity)) {
        return false;
    }
    Term *obj = heap_alloc(b->p, 4);
    obj[0] = term_make_header(TERM_TYPE_EXPORT, 3);
    obj[1] = make_atom(b, &module);
    obj[2] = make_atom(b, &name);
    obj[3] = term_from_small(arity);
    *dst = term_from_boxed(obj);
    return true;
}

static bool build_ref(Builder *b, uint32_t tag, Term *dst)
{
    uint64_t n;
    if (!read_ref_body(&b->r, tag, &n)) {
        return false;
    }
    Term *obj = heap_alloc(b->p, 2);
    obj[0] = term_make_header(TERM_TYPE_REF, 1);
    obj[1] = n;
    *dst = term_from_boxed(obj);
    return true;
}

static bool build_binary(Builder *b, uint32_t tag, Term *dst)
{
    uint32_t len;
    uint32_t bits = 8;
    const uint8_t *bytes;
    bool ok = tag == ETF_BIT_BINARY ? read_bit_binary(&b->r, &bytes, &len, &bits)
                                    : get_u32(&b->r, &len) && take(&b->r, len, &bytes);
    if (ok && bits == 8) {
        *dst = term_make_binary(b->p, bytes, len);
    } else if (ok) { // a bitstring: len - 1 whole bytes and [bits] more (0 bits: <<>>)
        uint8_t *out;
        size_t bit_size = len > 0 ? (size_t)(len - 1) * 8 + bits : 0;
        *dst = term_make_bitstring_uninit(b->p, bit_size, &out);
        if (len > 0) {
            memcpy(out, bytes, len);
            out[len - 1] &= (uint8_t)(0xFFu << (8 - bits)); // OTP ignores the unused low bits
        }
    }
    return ok;
}

// Reads one term's head into *[dst]; the parts of a compound are scheduled as tasks.
static bool build_one(Builder *b, Term *dst)
{
    uint32_t tag;
    AtomText a;
    if (!get_u8(&b->r, &tag)) {
        return false;
    }
    switch (tag) {
    case ETF_ATOM: case ETF_SMALL_ATOM: case ETF_ATOM_UTF8: case ETF_SMALL_ATOM_UTF8:
        b->r.pos--;
        return read_atom(&b->r, &a) && (*dst = make_atom(b, &a), true);
    case ETF_NIL:
        *dst = TERM_NIL;
        return true;
    case ETF_STRING:
        return build_string(b, dst);
    case ETF_LIST:
        return build_list(b, dst);
    case ETF_SMALL_TUPLE: case ETF_LARGE_TUPLE:
        return build_tuple(b, tag, dst);
    case ETF_MAP:
        return build_map(b, dst);
    case ETF_BINARY: case ETF_BIT_BINARY:
        return build_binary(b, tag, dst);
    case ETF_PID: case ETF_NEW_PID:
        return read_pid_body(&b->r, tag, dst);
    case ETF_REFERENCE: case ETF_NEW_REFERENCE: case ETF_NEWER_REFERENCE:
        return build_ref(b, tag, dst);
    case ETF_EXPORT:
        return build_export(b, dst);
    case ETF_NEW_FUN:
        return build_fun(b, dst);
    default:
        return build_number(b, tag, dst);
    }
}

// Runs one task: a map whose pairs are all decoded, or the next slot to fill.
static bool run_task(Builder *b, Task t)
{
    if (t.kind == TASK_MAP_DONE) {
        Term map = map_from_pairs(b->p, b->scratch + t.at, (uint32_t)t.n);
        b->scratch_top = t.at;
        *t.dst = map;
        return map_size(map) == t.n; // a repeated key is invalid, as in OTP
    }
    if (t.n > 1) {
        push_task(b, (Task){TASK_FILL, t.stride, t.dst + t.stride, t.n - 1, 0});
    }
    return build_one(b, t.dst);
}

static bool build_term(Process *p, Reader r, size_t map_words, Term *out)
{
    Builder b = {.p = p, .r = r}; // about 2 KB with its atom cache
    b.scratch = map_words > 0 ? em_malloc(map_words * sizeof(Term)) : NULL;
    *out = TERM_NIL;
    push_fill(&b, out, 1, 1);
    bool ok = true;
    while (ok && b.task_len > 0) {
        Task t = b.tasks[--b.task_len];
        ok = run_task(&b, t);
    }
    free(b.tasks);
    free(b.scratch);
    return ok;
}

// ==== Entry point ====

static EtfDecodeStatus decode_plain(Process *p, const uint8_t *data, size_t size, bool is_safe,
                                    Term *out, size_t *used, size_t *work)
{
    Reader r = {data, data + size};
    Scan sc = {.vm = p->vm, .is_safe = is_safe};
    if (!scan_term(&r, &sc)) {
        return sc.saw_unsafe ? ETF_DECODE_UNSAFE : ETF_DECODE_INVALID;
    }
    *used = (size_t)(r.pos - data);
    *work += sc.terms + *used / 8;
    Reader again = {data, data + *used};
    return build_term(p, again, sc.map_words, out) ? ETF_DECODE_OK : ETF_DECODE_INVALID;
}

EtfDecodeStatus etf_decode(Process *p, const uint8_t *data, size_t size, bool is_safe, Term *out,
                           size_t *used, size_t *work)
{
    *work = 0;
    if (size < 2 || data[0] != ETF_VERSION) {
        return ETF_DECODE_INVALID;
    }
    if (data[1] != ETF_COMPRESSED) {
        EtfDecodeStatus st = decode_plain(p, data + 1, size - 1, is_safe, out, used, work);
        *used += 1;
        return st;
    }
    if (size < 6) {
        return ETF_DECODE_INVALID;
    }
    size_t declared = (size_t)data[2] << 24 | (size_t)data[3] << 16 | (size_t)data[4] << 8 |
                      data[5];
    uint8_t *plain;
    size_t z_used;
    if (!etf_inflate(data + 6, size - 6, declared, &plain, &z_used)) {
        return ETF_DECODE_INVALID;
    }
    *work += declared / 8;
    size_t plain_used;
    EtfDecodeStatus st = decode_plain(p, plain, declared, is_safe, out, &plain_used, work);
    free(plain);
    *used = 6 + z_used; // the stream's end, as OTP counts (bytes left in [plain] are ignored)
    return st;
}
