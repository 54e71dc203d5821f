// Erlang term order and the two equalities. One recursive comparison serves all three, with
// a flag for exactness: in exact mode an integer and a float are never equal and every
// integer sorts before every float (the map-key order), which is also how map keys compare
// in any mode. Lists are walked iteratively along their tails; nesting deeper than
// RECURSION_MAX_DEPTH continues on an explicit heap stack (compare_deep), so a million-deep
// term (binary_to_term accepts them) compares without exhausting the C stack.
#include "term.h"

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bigint.h"
#include "bitstring.h"
#include "map.h"
#include "module.h"
#include "vm.h"

enum {
    RANK_NUMBER,
    RANK_ATOM,
    RANK_REF,
    RANK_FUN,
    RANK_PORT,
    RANK_PID,
    RANK_TUPLE,
    RANK_MAP,
    RANK_LIST,
    RANK_BITSTRING,
};

// Nesting handled by C recursion; deeper pairs go to compare_deep (an explicit stack).
#define RECURSION_MAX_DEPTH 2000

static int compare(Term a, Term b, bool exact, int depth);
static int compare_deep(Term a, Term b, bool exact);

static int rank_of(Term t)
{
    if (term_is_small(t)) {
        return RANK_NUMBER;
    }
    if (term_is_cons(t) || term_is_nil(t)) {
        return RANK_LIST;
    }
    if (term_is_atom(t)) {
        return RANK_ATOM;
    }
    if (term_is_pid(t)) {
        return RANK_PID;
    }
    switch (term_boxed_type(t)) {
    case TERM_TYPE_TUPLE:
        return RANK_TUPLE;
    case TERM_TYPE_FLOAT:
    case TERM_TYPE_BIGPOS:
    case TERM_TYPE_BIGNEG:
        return RANK_NUMBER;
    case TERM_TYPE_MAP:
    case TERM_TYPE_MAPTREE:
        return RANK_MAP;
    case TERM_TYPE_CLOSURE:
    case TERM_TYPE_EXPORT:
        return RANK_FUN;
    case TERM_TYPE_REF:
        return RANK_REF;
    default:
        return RANK_BITSTRING;
    }
}

static int compare_numbers(Term a, Term b, bool exact)
{
    bool af = term_is_float(a);
    bool bf = term_is_float(b);
    if (af && bf) {
        double x = term_to_float(a);
        double y = term_to_float(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (!af && !bf) {
        if (term_is_small(a) && term_is_small(b)) {
            int64_t x = term_to_small(a);
            int64_t y = term_to_small(b);
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        return bigint_compare(a, b);
    }
    if (exact) {
        return af ? 1 : -1; // integers before floats
    }
    if (af) {
        return -bigint_compare_float(b, term_to_float(a));
    }
    return bigint_compare_float(a, term_to_float(b));
}

static int compare_binaries(Term a, Term b)
{
    size_t la;
    size_t lb;
    const uint8_t *pa = term_binary_bytes(a, &la);
    const uint8_t *pb = term_binary_bytes(b, &lb);
    return bits_compare(pa, la * 8 + term_bitstring_tail_bits(a), pb,
                        lb * 8 + term_bitstring_tail_bits(b));
}

static int compare_seq(const Term *x, const Term *y, uint64_t n, bool exact, int depth)
{
    for (uint64_t i = 0; i < n; i++) {
        int c = compare(x[i], y[i], exact, depth + 1);
        if (c != 0) {
            return c;
        }
    }
    return 0;
}

static int compare_u64(uint64_t x, uint64_t y) { return x < y ? -1 : (x > y ? 1 : 0); }

// Maps: by size, then keys (always exact: 1 and 1.0 are distinct keys), then values.
// Both forms are walked in key order, so the result never depends on the representation.
static int compare_maps(Term a, Term b, bool exact, int depth)
{
    if (map_size(a) != map_size(b)) {
        return compare_u64(map_size(a), map_size(b));
    }
    for (int pass = 0; pass < 2; pass++) { // all keys (exact), then all values
        MapIter ia;
        MapIter ib;
        map_iter_init(&ia, a);
        map_iter_init(&ib, b);
        Term x[2];
        Term y[2];
        while (map_iter_next(&ia, &x[0], &x[1]) && map_iter_next(&ib, &y[0], &y[1])) {
            int c = x[pass] == y[pass] ? 0
                                       : compare(x[pass], y[pass], pass == 0 || exact, depth + 1);
            if (c != 0) {
                return c;
            }
        }
    }
    return 0;
}

// Funs: local closures before exports; closures by module, function, then captured values.
static int compare_funs(Term a, Term b, bool exact, int depth)
{
    const Term *pa = term_boxed_ptr(a);
    const Term *pb = term_boxed_ptr(b);
    TermType ta = term_header_type(pa[0]);
    TermType tb = term_header_type(pb[0]);
    if (ta != tb) {
        return ta == TERM_TYPE_CLOSURE ? -1 : 1;
    }
    if (ta == TERM_TYPE_EXPORT) {
        return compare_seq(pa + 1, pb + 1, 3, exact, depth);
    }
    const Function *fa = (const Function *)(uintptr_t)pa[1];
    const Function *fb = (const Function *)(uintptr_t)pb[1];
    if (fa != fb) {
        int c = compare(fa->module->name, fb->module->name, exact, depth + 1);
        return c != 0 ? c : compare_u64(fa->index, fb->index);
    }
    uint64_t na = term_header_size(pa[0]);
    uint64_t nb = term_header_size(pb[0]);
    if (na != nb) {
        return compare_u64(na, nb);
    }
    return compare_seq(pa + 2, pb + 2, na - 1, exact, depth);
}

static int compare_same_rank(Term a, Term b, int rank, bool exact, int depth)
{
    switch (rank) {
    case RANK_NUMBER:
        return compare_numbers(a, b, exact);
    case RANK_ATOM:
        return atom_compare(term_to_atom(a), term_to_atom(b));
    case RANK_REF:
        return compare_u64(term_boxed_ptr(a)[1], term_boxed_ptr(b)[1]);
    case RANK_FUN:
        return compare_funs(a, b, exact, depth);
    case RANK_PID:
        if (term_pid_index(a) != term_pid_index(b)) {
            return compare_u64(term_pid_index(a), term_pid_index(b));
        }
        return compare_u64(term_pid_serial(a), term_pid_serial(b));
    case RANK_TUPLE: {
        uint32_t n = term_tuple_arity(a);
        if (n != term_tuple_arity(b)) {
            return compare_u64(n, term_tuple_arity(b));
        }
        return compare_seq(term_tuple_elems(a), term_tuple_elems(b), n, exact, depth);
    }
    case RANK_MAP:
        return compare_maps(a, b, exact, depth);
    default:
        return compare_binaries(a, b);
    }
}

static int compare(Term a, Term b, bool exact, int depth)
{
    if (depth > RECURSION_MAX_DEPTH) {
        return compare_deep(a, b, exact);
    }
    for (;;) {
        if (a == b) {
            return 0;
        }
        int ra = rank_of(a);
        int rb = rank_of(b);
        if (ra != rb) {
            return ra < rb ? -1 : 1;
        }
        if (ra != RANK_LIST) {
            return compare_same_rank(a, b, ra, exact, depth);
        }
        if (term_is_nil(a) || term_is_nil(b)) {
            return term_is_nil(a) ? -1 : 1; // [] is the smallest list; a == b handled above
        }
        int c = compare(term_hd(a), term_hd(b), exact, depth + 1);
        if (c != 0) {
            return c;
        }
        a = term_tl(a);
        b = term_tl(b);
    }
}

// ==== Deeply nested terms: an explicit stack instead of C recursion ====

typedef struct Pending {
    Term a;
    Term b;
    bool exact;
} Pending;

typedef struct PendingStack {
    Pending *items;
    size_t len;
    size_t cap;
    Pending local[64];
} PendingStack;

static void pending_push(PendingStack *s, Term a, Term b, bool exact)
{
    if (s->len == s->cap) {
        size_t cap = s->cap * 2;
        Pending *grown = em_malloc(cap * sizeof(Pending));
        memcpy(grown, s->items, s->len * sizeof(Pending));
        if (s->items != s->local) {
            free(s->items);
        }
        s->items = grown;
        s->cap = cap;
    }
    s->items[s->len++] = (Pending){a, b, exact};
}

// Pushes the key pairs (exact) and value pairs of two maps of equal size, so that they pop in
// compare_maps' order: every key first, then every value.
static void push_map_pairs(PendingStack *s, Term a, Term b, bool exact)
{
    uint32_t n = map_size(a);
    Term *kv = em_malloc(4 * (size_t)(n > 0 ? n : 1) * sizeof(Term));
    MapIter ia;
    MapIter ib;
    map_iter_init(&ia, a);
    map_iter_init(&ib, b);
    for (uint32_t i = 0; i < n; i++) {
        map_iter_next(&ia, &kv[4 * i], &kv[4 * i + 1]);
        map_iter_next(&ib, &kv[4 * i + 2], &kv[4 * i + 3]);
    }
    for (uint32_t i = n; i-- > 0;) {
        pending_push(s, kv[4 * i + 1], kv[4 * i + 3], exact);
    }
    for (uint32_t i = n; i-- > 0;) {
        pending_push(s, kv[4 * i], kv[4 * i + 2], true);
    }
    free(kv);
}

// One step of compare_deep: the order of [a] and [b] when it is decided by their own heads,
// or 0 after pushing their children (lists, tuples, maps, closures of one function).
static int compare_step(PendingStack *s, Term a, Term b, bool exact)
{
    if (a == b) {
        return 0;
    }
    int ra = rank_of(a);
    int rb = rank_of(b);
    if (ra != rb) {
        return ra < rb ? -1 : 1;
    }
    if (ra == RANK_LIST) {
        if (term_is_nil(a) || term_is_nil(b)) {
            return term_is_nil(a) ? -1 : 1;
        }
        pending_push(s, term_tl(a), term_tl(b), exact);
        pending_push(s, term_hd(a), term_hd(b), exact);
        return 0;
    }
    if (ra == RANK_TUPLE && term_tuple_arity(a) == term_tuple_arity(b)) {
        for (uint32_t i = term_tuple_arity(a); i-- > 0;) {
            pending_push(s, term_tuple_elems(a)[i], term_tuple_elems(b)[i], exact);
        }
        return 0;
    }
    if (ra == RANK_MAP && map_size(a) == map_size(b)) {
        push_map_pairs(s, a, b, exact);
        return 0;
    }
    // Leaves, and containers whose sizes differ: decided without looking deeper (closures
    // recurse into captured values only here, which nothing nests deeply in practice).
    return compare_same_rank(a, b, ra, exact, 0);
}

// compare() for terms nested deeper than RECURSION_MAX_DEPTH: the same order, walked with a
// heap-allocated stack of pending pairs, so no input can exhaust the C stack.
static int compare_deep(Term a, Term b, bool exact)
{
    PendingStack s = {.items = NULL, .len = 0, .cap = 64};
    s.items = s.local;
    pending_push(&s, a, b, exact);
    int result = 0;
    while (result == 0 && s.len > 0) {
        Pending p = s.items[--s.len];
        result = compare_step(&s, p.a, p.b, p.exact);
    }
    if (s.items != s.local) {
        free(s.items);
    }
    return result;
}

// ==== Equality: a dedicated walk, cheaper than a full ordering ====

static bool equal(Term a, Term b, bool exact, int depth);

static bool equal_seq(const Term *x, const Term *y, uint64_t n, bool exact, int depth)
{
    for (uint64_t i = 0; i < n; i++) {
        if (x[i] != y[i] && !equal(x[i], y[i], exact, depth + 1)) {
            return false;
        }
    }
    return true;
}

// Two maps of any form, walked in key order: keys exactly equal, values per [exact].
static bool equal_maps(Term a, Term b, bool exact, int depth)
{
    if (map_size(a) != map_size(b)) {
        return false;
    }
    MapIter ia;
    MapIter ib;
    map_iter_init(&ia, a);
    map_iter_init(&ib, b);
    Term ka;
    Term va;
    Term kb;
    Term vb;
    while (map_iter_next(&ia, &ka, &va) && map_iter_next(&ib, &kb, &vb)) {
        if ((ka != kb && !equal(ka, kb, true, depth + 1)) ||
            (va != vb && !equal(va, vb, exact, depth + 1))) {
            return false;
        }
    }
    return true;
}

// Two boxed objects of the same type.
static bool equal_boxed(const Term *pa, const Term *pb, bool exact, int depth)
{
    uint64_t n = term_header_size(pa[0]);
    switch (term_header_type(pa[0])) {
    case TERM_TYPE_TUPLE:
        return pa[0] == pb[0] && equal_seq(pa + 1, pb + 1, n, exact, depth);
    case TERM_TYPE_MAP:
        return pa[0] == pb[0] && equal_seq(pa + 2, pb + 2, pa[1], true, depth) &&
               equal_seq(pa + 2 + pa[1], pb + 2 + pa[1], pa[1], exact, depth);
    case TERM_TYPE_MAPTREE:
        return equal_maps(term_from_boxed(pa), term_from_boxed(pb), exact, depth);
    case TERM_TYPE_BIGPOS:
    case TERM_TYPE_BIGNEG:
    case TERM_TYPE_REF:
        return pa[0] == pb[0] && memcmp(pa + 1, pb + 1, n * sizeof(Term)) == 0;
    default:
        return compare(term_from_boxed(pa), term_from_boxed(pb), exact, depth + 1) == 0;
    }
}

static bool equal(Term a, Term b, bool exact, int depth)
{
    if (depth > RECURSION_MAX_DEPTH) {
        return compare_deep(a, b, exact) == 0; // == is compare's 0 for every pair of terms
    }
    for (;;) {
        if (a == b) {
            return true;
        }
        if (term_is_cons(a)) {
            if (!term_is_cons(b) || !equal(term_hd(a), term_hd(b), exact, depth + 1)) {
                return false;
            }
            a = term_tl(a);
            b = term_tl(b);
            continue;
        }
        bool ba = term_is_boxed(a);
        bool bb = term_is_boxed(b);
        if (!ba && !bb) {
            return false; // distinct immediates (small integers, atoms, pids, [])
        }
        if (ba && bb && term_boxed_type(a) == term_boxed_type(b)) {
            return equal_boxed(term_boxed_ptr(a), term_boxed_ptr(b), exact, depth);
        }
        if (ba && bb && term_is_map(a) && term_is_map(b)) {
            return equal_maps(a, b, exact, depth); // a flat map and a tree: both forms, to be safe
        }
        // Different types: only an integer and a float (==) or two kinds of bitstring can still
        // be equal.
        bool numbers = term_is_number(a) && term_is_number(b);
        if ((numbers && !exact) || (term_is_bitstring(a) && term_is_bitstring(b))) {
            return compare(a, b, exact, depth + 1) == 0;
        }
        return false;
    }
}

int term_compare(Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        int64_t x = term_to_small(a);
        int64_t y = term_to_small(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    return compare(a, b, false, 0);
}

bool term_equal(Term a, Term b)
{
    return a == b || equal(a, b, false, 0);
}

bool term_exact_equal(Term a, Term b)
{
    return a == b || equal(a, b, true, 0);
}

int term_compare_exact(Term a, Term b)
{
    return compare(a, b, true, 0);
}
