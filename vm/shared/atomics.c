// :atomics and :counters: arrays of 64-bit integers updated with C11 atomics, shared by every
// process holding the reference. An array is an FFI cell of kind FFI_CELL_ATOMICS (vm/ffi_cell.h):
// an off-heap reference-counted block, so sending the reference to another process shares the
// array, and it is freed when the last term referring to it is collected. Arithmetic wraps
// around at 64 bits like OTP's; a counters reference is {:atomics, ref} or
// {:write_concurrency, ref} around the same kind of array (Ember keeps one word per counter in
// both cases: the array is already lock-free, only its cache behaviour under contention differs).
#include "builtins.h"

#include <stdatomic.h>
#include <string.h>

#include "atom.h"
#include "bi_common.h"
#include "bigint.h"
#include "ffi_cell.h"
#include "map.h"
#include "vm.h"

// The largest array (OTP tries to allocate anything; here a bigger one is "out of range").
#define ATOMICS_MAX_SIZE ((uint64_t)1 << 27)

typedef struct SharedAtomics {
    uint64_t size;
    bool is_signed;
    _Atomic uint64_t values[];
} SharedAtomics;

// ==== Integer conversions ====

// Integer [t] as the 64 bits an element stores, when it lies in [-2^63, 2^64 - 1] (what add
// accepts in either kind of array: the sum wraps).
static bool to_bits(Term t, uint64_t *out)
{
    int64_t v;
    if (bi_int64(t, &v)) {
        *out = (uint64_t)v;
        return true;
    }
    if (!term_is_bignum(t) || term_boxed_type(t) != TERM_TYPE_BIGPOS) {
        return false;
    }
    uint8_t be[9];
    bigint_to_bytes(t, be, sizeof be);
    if (be[0] != 0) {
        return false;
    }
    uint64_t u = 0;
    for (int i = 1; i < 9; i++) {
        u = (u << 8) | be[i];
    }
    *out = u;
    return true;
}

// Integer [t] as a value an array of [a]'s signedness holds (put, exchange, compare_exchange).
static bool to_value(const SharedAtomics *a, Term t, uint64_t *out)
{
    int64_t v;
    if (a->is_signed) {
        if (!bi_int64(t, &v)) {
            return false;
        }
        *out = (uint64_t)v;
        return true;
    }
    if (bi_int64(t, &v)) {
        *out = (uint64_t)v;
        return v >= 0;
    }
    return to_bits(t, out);
}

static Term from_value(Process *p, const SharedAtomics *a, uint64_t v)
{
    if (a->is_signed || v <= INT64_MAX) {
        return term_make_int(p, (int64_t)v);
    }
    uint8_t be[8];
    for (int i = 0; i < 8; i++) {
        be[i] = (uint8_t)(v >> (56 - 8 * i));
    }
    return bigint_from_bytes(p, be, sizeof be, 64, false);
}

// ==== Arguments ====

// The array [ref] names, or NULL after raising "invalid atomics reference".
static SharedAtomics *array_of(Process *p, Term ref)
{
    SharedAtomics *a = ffi_cell_from_handle(ref, FFI_CELL_ATOMICS, NULL);
    if (a == NULL) {
        bi_badarg(p, 1, "invalid atomics reference");
    }
    return a;
}

// The array of counters reference {:atomics | :write_concurrency, ref}, or NULL after raising.
static SharedAtomics *counters_of(Process *p, Term ref)
{
    if (term_is_tuple(ref) && term_tuple_arity(ref) == 2) {
        Term tag = term_tuple_elems(ref)[0];
        if (tag == term_from_atom(ATOM_atomics) || tag == term_from_atom(ATOM_write_concurrency)) {
            return array_of(p, term_tuple_elems(ref)[1]);
        }
    }
    bi_badarg(p, 1, "invalid atomics reference");
    return NULL;
}

// The element [ix] (1-based) of [a], or NULL after raising about argument 2.
static _Atomic uint64_t *slot_of(Process *p, SharedAtomics *a, Term ix)
{
    if (!term_is_integer(ix)) {
        bi_badarg(p, 2, "not an integer");
        return NULL;
    }
    if (!term_is_small(ix) || term_to_small(ix) < 1 || (uint64_t)term_to_small(ix) > a->size) {
        bi_badarg(p, 2, "out of range");
        return NULL;
    }
    return &a->values[term_to_small(ix) - 1];
}

// Argument [argno] as add's increment (to_bits) or as a stored value (to_value); false after
// raising.
static bool operand(Process *p, const SharedAtomics *a, Term t, int argno, bool is_incr,
                    uint64_t *out)
{
    if (!term_is_integer(t)) {
        bi_badarg(p, argno, "not an integer");
        return false;
    }
    if (!(is_incr ? to_bits(t, out) : to_value(a, t, out))) {
        bi_badarg(p, argno, "out of range");
        return false;
    }
    return true;
}

// ==== new ====

static Term make_array(Process *p, Term arity, bool is_signed)
{
    if (!term_is_integer(arity)) {
        return bi_badarg(p, 1, "not an integer");
    }
    if (!term_is_small(arity) || term_to_small(arity) < 1 ||
        (uint64_t)term_to_small(arity) > ATOMICS_MAX_SIZE) {
        return bi_badarg(p, 1, "out of range");
    }
    uint64_t size = (uint64_t)term_to_small(arity);
    Term handle;
    SharedAtomics *a = ffi_cell_new(p, FFI_CELL_ATOMICS,
                                    sizeof(SharedAtomics) + size * sizeof(uint64_t), &handle);
    if (a == NULL) {
        return error_raise(p, ERR_SYSTEM_LIMIT, "%s", error_default_message(ERR_SYSTEM_LIMIT));
    }
    a->size = size;
    a->is_signed = is_signed;
    return handle; // calloc'd: every element starts at 0
}

Term bi_atomics_new_2(Process *p, Term *args)
{
    bool is_signed = true;
    Term opts = args[1];
    for (; term_is_cons(opts); opts = term_tl(opts)) {
        Term o = term_hd(opts);
        Term v = term_is_tuple(o) && term_tuple_arity(o) == 2 ? term_tuple_elems(o)[1] : TERM_NONE;
        if (v == TERM_NONE || term_tuple_elems(o)[0] != term_from_atom(ATOM_signed) ||
            !term_is_boolean(v)) {
            return bi_badarg(p, 2, "invalid option in list");
        }
        is_signed = v == term_true();
    }
    if (!term_is_nil(opts)) {
        return bi_badarg(p, 2, "not a list");
    }
    return make_array(p, args[0], is_signed);
}

Term bi_counters_new_2(Process *p, Term *args)
{
    Term tag = term_from_atom(ATOM_atomics);
    Term opts = args[1];
    size_t count = 0;
    for (; term_is_cons(opts); opts = term_tl(opts), count++) {
        Term o = term_hd(opts);
        if ((o != term_from_atom(ATOM_atomics) && o != term_from_atom(ATOM_write_concurrency)) ||
            (count > 0 && o != tag)) {
            return bi_badarg(p, 2, "invalid option in list");
        }
        tag = o;
    }
    if (!term_is_nil(opts)) {
        return bi_badarg(p, 2, "not a list");
    }
    Term handle = make_array(p, args[0], true);
    return handle == TERM_NONE ? TERM_NONE : bi_tuple2(p, tag, handle);
}

// ==== Operations ====

// The element and operand of a call (ref, ix, value) on [a]; NULL after raising.
static _Atomic uint64_t *prepare(Process *p, SharedAtomics *a, Term *args, bool is_incr,
                                 uint64_t *value)
{
    if (a == NULL) {
        return NULL;
    }
    _Atomic uint64_t *slot = slot_of(p, a, args[1]);
    if (slot == NULL || !operand(p, a, args[2], 3, is_incr, value)) {
        return NULL;
    }
    return slot;
}

// add/sub and their _get forms on atomics array [a]; [sign] is 1 or -1.
static Term add_op(Process *p, SharedAtomics *a, Term *args, int sign, bool want_result)
{
    uint64_t v;
    _Atomic uint64_t *slot = prepare(p, a, args, true, &v);
    if (slot == NULL) {
        return TERM_NONE;
    }
    uint64_t delta = sign > 0 ? v : (uint64_t)0 - v; // wraps like OTP
    uint64_t old = atomic_fetch_add_explicit(slot, delta, memory_order_seq_cst);
    return want_result ? from_value(p, a, old + delta) : term_from_atom(ATOM_ok);
}

Term bi_atomics_add_3(Process *p, Term *args)
{
    return add_op(p, array_of(p, args[0]), args, 1, false);
}

Term bi_atomics_add_get_3(Process *p, Term *args)
{
    return add_op(p, array_of(p, args[0]), args, 1, true);
}

Term bi_atomics_sub_3(Process *p, Term *args)
{
    return add_op(p, array_of(p, args[0]), args, -1, false);
}

Term bi_atomics_sub_get_3(Process *p, Term *args)
{
    return add_op(p, array_of(p, args[0]), args, -1, true);
}

static Term put_op(Process *p, SharedAtomics *a, Term *args)
{
    uint64_t v;
    _Atomic uint64_t *slot = prepare(p, a, args, false, &v);
    if (slot == NULL) {
        return TERM_NONE;
    }
    atomic_store_explicit(slot, v, memory_order_seq_cst);
    return term_from_atom(ATOM_ok);
}

Term bi_atomics_put_3(Process *p, Term *args)
{
    return put_op(p, array_of(p, args[0]), args);
}

static Term get_op(Process *p, SharedAtomics *a, Term ix)
{
    _Atomic uint64_t *slot = a == NULL ? NULL : slot_of(p, a, ix);
    return slot == NULL ? TERM_NONE
                        : from_value(p, a, atomic_load_explicit(slot, memory_order_seq_cst));
}

Term bi_atomics_get_2(Process *p, Term *args)
{
    return get_op(p, array_of(p, args[0]), args[1]);
}

Term bi_atomics_exchange_3(Process *p, Term *args)
{
    SharedAtomics *a = array_of(p, args[0]);
    uint64_t v;
    _Atomic uint64_t *slot = prepare(p, a, args, false, &v);
    return slot == NULL ? TERM_NONE : from_value(p, a, atomic_exchange(slot, v));
}

// :ok when the element held [expected] and now holds [desired], else the value it holds.
Term bi_atomics_compare_exchange_4(Process *p, Term *args)
{
    SharedAtomics *a = array_of(p, args[0]);
    uint64_t expected;
    _Atomic uint64_t *slot = prepare(p, a, args, false, &expected);
    uint64_t desired;
    if (slot == NULL || !operand(p, a, args[3], 4, false, &desired)) {
        return TERM_NONE;
    }
    if (atomic_compare_exchange_strong(slot, &expected, desired)) {
        return term_from_atom(ATOM_ok);
    }
    return from_value(p, a, expected);
}

// %{max:, memory:, min:, size:} with OTP's memory figure (a header plus a word per element).
static Term info_of(Process *p, const SharedAtomics *a, bool with_range)
{
    Term pairs[8];
    uint32_t n = 0;
    if (with_range) {
        pairs[n++] = term_from_atom(ATOM_max);
        pairs[n++] = a->is_signed ? term_make_int(p, INT64_MAX) : from_value(p, a, UINT64_MAX);
    }
    pairs[n++] = term_from_atom(ATOM_memory);
    pairs[n++] = term_make_int(p, (int64_t)(40 + 8 * a->size));
    if (with_range) {
        pairs[n++] = term_from_atom(ATOM_min);
        pairs[n++] = term_make_int(p, a->is_signed ? INT64_MIN : 0);
    }
    pairs[n++] = term_from_atom(ATOM_size);
    pairs[n++] = term_make_int(p, (int64_t)a->size);
    return map_from_pairs(p, pairs, n / 2);
}

Term bi_atomics_info_1(Process *p, Term *args)
{
    SharedAtomics *a = array_of(p, args[0]);
    return a == NULL ? TERM_NONE : info_of(p, a, true);
}

// ==== :counters (always signed) ====

Term bi_counters_add_3(Process *p, Term *args)
{
    return add_op(p, counters_of(p, args[0]), args, 1, false);
}

Term bi_counters_sub_3(Process *p, Term *args)
{
    return add_op(p, counters_of(p, args[0]), args, -1, false);
}

Term bi_counters_put_3(Process *p, Term *args)
{
    return put_op(p, counters_of(p, args[0]), args);
}

Term bi_counters_get_2(Process *p, Term *args)
{
    return get_op(p, counters_of(p, args[0]), args[1]);
}

Term bi_counters_info_1(Process *p, Term *args)
{
    // OTP answers an :atomics kind with the atomics info (max and min included).
    SharedAtomics *a = counters_of(p, args[0]);
    return a == NULL ? TERM_NONE
                     : info_of(p, a, term_tuple_elems(args[0])[0] == term_from_atom(ATOM_atomics));
}
