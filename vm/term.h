// Tagged 64-bit terms. Low bits tell the kind:
//   ...xxx1  small integer, 63-bit signed (value << 1 | 1)
//   ...x000  boxed pointer to a heap object whose first word is a header (0 is TERM_NONE)
//   ...x010  pointer | 2 to a cons cell (two words: head, tail), no header
//   ...x100  other immediates: bits 3-5 subtag (atom, pid, nil), payload from bit 6
//   ...x110  object header: bits 3-8 TermType, bits 9-63 payload size in words
// A header can never be mistaken for a term, so a heap can be scanned word by word. Accessors
// are static inline; everything that allocates takes the owning Process.
#ifndef EMBER_VM_TERM_H
#define EMBER_VM_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "types.h"

_Static_assert(sizeof(Term) == 8, "terms are 64-bit words");
_Static_assert(sizeof(void *) == 8, "Ember needs a 64-bit host");

#define TERM_NONE ((Term)0) // the non-value: "no result, an exception is pending"

enum {
    TERM_PRIMARY_MASK = 7,
    TERM_PRIMARY_BOXED = 0,
    TERM_PRIMARY_CONS = 2,
    TERM_PRIMARY_IMMED = 4,
    TERM_PRIMARY_HEADER = 6,
};

enum { TERM_IMMED_ATOM = 0, TERM_IMMED_PID = 1, TERM_IMMED_NIL = 2 };

typedef enum TermType {
#define TERM_TYPE(name, traced, doc) TERM_TYPE_##name,
#include "term_types.def"
#undef TERM_TYPE
    TERM_TYPE_COUNT
} TermType;

#define SMALL_MAX ((int64_t)((UINT64_C(1) << 62) - 1))
#define SMALL_MIN (-SMALL_MAX - 1)

// ==== Small integers ====
static inline bool term_is_small(Term t) { return (t & 1) != 0; }
static inline int64_t term_to_small(Term t) { return (int64_t)t >> 1; }
static inline Term term_from_small(int64_t v) { return ((uint64_t)v << 1) | 1; }
static inline bool small_fits(int64_t v) { return v >= SMALL_MIN && v <= SMALL_MAX; }

// ==== Immediates ====
static inline Term term_make_immed(unsigned subtag, uint64_t payload)
{
    return (payload << 6) | ((Term)subtag << 3) | TERM_PRIMARY_IMMED;
}
static inline bool term_is_immed(Term t, unsigned subtag)
{
    return (t & 0x3f) == (((Term)subtag << 3) | TERM_PRIMARY_IMMED);
}
static inline uint64_t term_immed_payload(Term t) { return t >> 6; }

#define TERM_NIL ((Term)((TERM_IMMED_NIL << 3) | TERM_PRIMARY_IMMED))
static inline bool term_is_nil(Term t) { return t == TERM_NIL; }

static inline bool term_is_atom(Term t) { return term_is_immed(t, TERM_IMMED_ATOM); }
static inline Term term_from_atom(uint32_t index) { return term_make_immed(TERM_IMMED_ATOM, index); }
static inline uint32_t term_to_atom(Term t) { return (uint32_t)term_immed_payload(t); }

static inline bool term_is_pid(Term t) { return term_is_immed(t, TERM_IMMED_PID); }
// Pid payload: bits 0-31 the process-table index, bits 32-57 a serial (reuse counter), so
// inspect prints #PID<0.index.serial>.
#define TERM_PID_SERIAL_MASK ((UINT32_C(1) << 26) - 1)
static inline Term term_make_pid(uint32_t index, uint32_t serial)
{
    return term_make_immed(TERM_IMMED_PID,
                           ((uint64_t)(serial & TERM_PID_SERIAL_MASK) << 32) | index);
}
static inline uint32_t term_pid_index(Term t) { return (uint32_t)term_immed_payload(t); }
static inline uint32_t term_pid_serial(Term t)
{
    return (uint32_t)(term_immed_payload(t) >> 32) & TERM_PID_SERIAL_MASK;
}

// ==== Headers and boxed objects ====
static inline Term term_make_header(TermType type, uint64_t size)
{
    return (size << 9) | ((Term)type << 3) | TERM_PRIMARY_HEADER;
}
static inline bool term_is_header(Term w) { return (w & TERM_PRIMARY_MASK) == TERM_PRIMARY_HEADER; }
static inline TermType term_header_type(Term h) { return (TermType)((h >> 3) & 0x3f); }
static inline uint64_t term_header_size(Term h) { return h >> 9; }

static inline bool term_is_boxed(Term t) { return t != TERM_NONE && (t & TERM_PRIMARY_MASK) == 0; }
static inline Term *term_boxed_ptr(Term t) { return (Term *)(uintptr_t)t; }
static inline Term term_from_boxed(const Term *p) { return (Term)(uintptr_t)p; }
static inline TermType term_boxed_type(Term t) { return term_header_type(*term_boxed_ptr(t)); }
static inline bool term_is_boxed_type(Term t, TermType type)
{
    return term_is_boxed(t) && term_boxed_type(t) == type;
}

// ==== Lists ====
static inline bool term_is_cons(Term t) { return (t & TERM_PRIMARY_MASK) == TERM_PRIMARY_CONS; }
static inline bool term_is_list(Term t) { return term_is_cons(t) || term_is_nil(t); }
static inline Term *term_cons_ptr(Term t) { return (Term *)(uintptr_t)(t - TERM_PRIMARY_CONS); }
static inline Term term_from_cons(const Term *cell) { return (Term)(uintptr_t)cell | TERM_PRIMARY_CONS; }
static inline Term term_hd(Term t) { return term_cons_ptr(t)[0]; }
static inline Term term_tl(Term t) { return term_cons_ptr(t)[1]; }

// ==== Tuples ====
static inline bool term_is_tuple(Term t) { return term_is_boxed_type(t, TERM_TYPE_TUPLE); }
static inline uint32_t term_tuple_arity(Term t) { return (uint32_t)term_header_size(*term_boxed_ptr(t)); }
static inline Term *term_tuple_elems(Term t) { return term_boxed_ptr(t) + 1; }

// ==== Floats ====
static inline bool term_is_float(Term t) { return term_is_boxed_type(t, TERM_TYPE_FLOAT); }
static inline double term_to_float(Term t)
{
    double d;
    memcpy(&d, term_boxed_ptr(t) + 1, sizeof d);
    return d;
}

// ==== Numbers ====
static inline bool term_is_bignum(Term t)
{
    return term_is_boxed(t) && (term_boxed_type(t) == TERM_TYPE_BIGPOS || term_boxed_type(t) == TERM_TYPE_BIGNEG);
}
static inline bool term_is_integer(Term t) { return term_is_small(t) || term_is_bignum(t); }
static inline bool term_is_number(Term t) { return term_is_integer(t) || term_is_float(t); }

// ==== Binaries and bitstrings ====
// A bitstring is a HEAPBIN, a REFBIN or a SUBBIN (a slice of one of those). Only a SUBBIN
// can have extra bits past its whole bytes (payload word 2, 0..7); a SUBBIN always starts on
// a byte boundary of its parent, so the bytes of every bitstring are one contiguous run.
static inline bool term_is_bitstring(Term t)
{
    if (!term_is_boxed(t)) {
        return false;
    }
    TermType type = term_boxed_type(t);
    return type == TERM_TYPE_HEAPBIN || type == TERM_TYPE_REFBIN || type == TERM_TYPE_SUBBIN;
}
// A bitstring of whole bytes.
static inline bool term_is_binary(Term t)
{
    return term_is_bitstring(t) &&
           (term_boxed_type(t) != TERM_TYPE_SUBBIN || term_boxed_ptr(t)[3] == 0);
}
// The extra bits (0..7) of bitstring [t] past its whole bytes.
static inline unsigned term_bitstring_tail_bits(Term t)
{
    return term_boxed_type(t) == TERM_TYPE_SUBBIN ? (unsigned)term_boxed_ptr(t)[3] : 0u;
}

// ==== Maps, funs, refs ====
// Both map forms: flat (<= 32 pairs) and the root of a MAPTREE (see map.h).
static inline bool term_is_map(Term t)
{
    return term_is_boxed(t) &&
           (term_boxed_type(t) == TERM_TYPE_MAP || term_boxed_type(t) == TERM_TYPE_MAPTREE);
}
static inline bool term_is_function(Term t)
{
    return term_is_boxed_type(t, TERM_TYPE_CLOSURE) || term_is_boxed_type(t, TERM_TYPE_EXPORT);
}
static inline bool term_is_ref(Term t) { return term_is_boxed_type(t, TERM_TYPE_REF); }

// ==== Constructors and views (term.c); all allocate on [p]'s heap and never fail ====

// A float term holding [d].
Term term_make_float(Process *p, double d);
// [v] as a small integer or a bignum.
Term term_make_int(Process *p, int64_t v);
// A tuple of [arity] elements copied from [elems] ([elems] may be NULL: elements are NIL).
Term term_make_tuple(Process *p, uint32_t arity, const Term *elems);
// [head | tail].
Term term_make_cons(Process *p, Term head, Term tail);
// A binary holding a copy of [size] bytes at [bytes] (a HEAPBIN up to 64 bytes, else a REFBIN).
Term term_make_binary(Process *p, const void *bytes, size_t size);
// A binary of [size] uninitialised bytes; *[out] points at them for the caller to fill.
Term term_make_binary_uninit(Process *p, size_t size, uint8_t **out);
// A REFBIN term on [p]'s heap taking over the one reference the caller holds on [bin]; the
// binary's bytes are the first [size] of bin->data ([size] <= bin->size). bin->size counts
// toward the off-heap GC budget. FFI cells (vm/ffi_cell.c) keep private state past [size].
Term term_make_refbin(Process *p, RefcBinary *bin, size_t size);
// The same, counting [charge] bytes toward the off-heap budget (an appended view: its growth).
Term term_make_refbin_charged(Process *p, RefcBinary *bin, size_t size, size_t charge);
// The bytes of any bitstring term [t] (caller checked term_is_bitstring): *[size] whole bytes,
// followed, when term_bitstring_tail_bits(t) > 0, by one more byte whose high bits are the
// tail. Valid until the next GC.
const uint8_t *term_binary_bytes(Term t, size_t *size);
// A slice of bitstring [bin]: [size] whole bytes plus [tail_bits] (0..7) starting at byte
// [offset] ([offset] + [size] bytes + tail within [bin]). Slices of up to HEAPBIN_MAX_SIZE
// bytes are copied into a heap binary, so a small slice never keeps a large parent alive;
// larger ones share the parent's bytes (a SUBBIN over the underlying HEAPBIN/REFBIN).
Term term_make_sub_binary(Process *p, Term bin, size_t offset, size_t size, unsigned tail_bits);
// A bitstring of [bit_size] bits whose bytes are to be written at *[out] by the caller
// (bit_size / 8 whole bytes, then the tail in the high bits of one more byte, the rest 0).
Term term_make_bitstring_uninit(Process *p, size_t bit_size, uint8_t **out);
// A proper list of [len] elements copied from [elems].
Term term_make_list(Process *p, size_t len, const Term *elems);
// A new reference (make_ref) with a VM-unique number.
Term term_make_ref(Process *p);

// ==== Copying between heaps (term.c): messages, spawn arguments ====
// Words a copy of [t] needs. Shared subterms count once per reference: a copy does not keep
// sharing (as in BEAM). Reads [t] only; any thread that may read [t] may call it.
size_t term_copy_size(Term t);
// Copies [t] into the term_copy_size([t]) words at [dst] and returns the copy. Off-heap
// binaries gain a reference and are chained (through payload word 2) onto *[offheap], for
// heap_adopt or heap_link_offheap. Reads [t] only; iterative, so deep lists are fine.
Term term_copy(Term t, Term *dst, Term **offheap);
// A copy of [t] (from any heap or literal area) on [p]'s heap. Only [p]'s owner may call it.
Term term_copy_to(Process *p, Term t);

// The well-known atoms as terms.
static inline Term term_true(void);
static inline Term term_false(void);
static inline bool term_is_boolean(Term t);

// ==== Comparison (term_compare.c) ====
// Erlang term order: <0, 0 or >0. Numbers compare by value (1 == 1.0 is 0 here).
int term_compare(Term a, Term b);
// `==`: numeric equality across int and float, structural otherwise.
bool term_equal(Term a, Term b);
// `===`: exact equality (1 !== 1.0).
bool term_exact_equal(Term a, Term b);
// Map-key order: term order, except that every integer sorts before every float, so 1 and 1.0
// are distinct (used for map keys, and consistent with term_exact_equal).
int term_compare_exact(Term a, Term b);

#include "atom.h"

static inline Term term_true(void) { return term_from_atom(ATOM_true); }
static inline Term term_false(void) { return term_from_atom(ATOM_false); }
static inline Term term_nil_atom(void) { return term_from_atom(ATOM_nil); }
static inline Term term_from_bool(bool b) { return b ? term_true() : term_false(); }
static inline bool term_is_boolean(Term t) { return t == term_true() || t == term_false(); }
static inline bool term_is_truthy(Term t) { return t != term_false() && t != term_nil_atom(); }

#endif
