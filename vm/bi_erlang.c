// :erlang built-ins that Elixir code calls directly: tuple and list conversion, atom/integer/
// float/binary conversion, iolist_to_binary, a deterministic phash2, and time sources. Many
// are thin wrappers over the Kernel versions with the argument order Erlang uses.
#include "builtins.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bi_common.h"
#include "bigint.h"
#include "map.h"
#include "vm.h"

Term bi_erlang_element_2(Process *p, Term *args)
{
    if (!term_is_tuple(args[1])) {
        return bi_badarg(p, 2, "not a tuple");
    }
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 1 ||
        term_to_small(args[0]) > term_tuple_arity(args[1])) {
        return bi_badarg(p, 1, "out of range");
    }
    return term_tuple_elems(args[1])[term_to_small(args[0]) - 1];
}

Term bi_erlang_setelement_3(Process *p, Term *args)
{
    if (!term_is_small(args[0])) {
        return bi_badarg(p, 1, "out of range");
    }
    Term a[3] = {args[1], term_from_small(term_to_small(args[0]) - 1), args[2]};
    return bi_kernel_put_elem_3(p, a);
}

Term bi_erlang_tuple_to_list_1(Process *p, Term *args) { return bi_tuple_to_list_1(p, args); }
Term bi_erlang_list_to_tuple_1(Process *p, Term *args) { return bi_list_to_tuple_1(p, args); }

Term bi_erlang_make_tuple_2(Process *p, Term *args)
{
    Term a[2] = {args[1], args[0]};
    return bi_tuple_duplicate_2(p, a);
}

Term bi_erlang_append_element_2(Process *p, Term *args) { return bi_tuple_append_2(p, args); }

Term bi_erlang_atom_to_binary_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_badarg(p, 1, "not an atom");
    }
    size_t len;
    const char *name = bi_atom_text(p, args[0], &len);
    return term_make_binary(p, name, len);
}

Term bi_erlang_atom_to_binary_2(Process *p, Term *args)
{
    return bi_erlang_atom_to_binary_1(p, args);
}
Term bi_erlang_binary_to_atom_1(Process *p, Term *args) { return bi_string_to_atom_1(p, args); }
Term bi_erlang_binary_to_atom_2(Process *p, Term *args) { return bi_string_to_atom_1(p, args); }

Term bi_erlang_atom_to_list_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_badarg(p, 1, "not an atom");
    }
    size_t len;
    const char *name = bi_atom_text(p, args[0], &len);
    return bi_charlist_from_utf8(p, (const uint8_t *)name, len);
}

Term bi_erlang_integer_to_binary_1(Process *p, Term *args)
{
    return bi_integer_to_string_1(p, args);
}

Term bi_erlang_integer_to_binary_2(Process *p, Term *args)
{
    return bi_integer_to_string_2(p, args);
}

Term bi_erlang_integer_to_list_1(Process *p, Term *args)
{
    return bi_integer_to_charlist_1(p, args);
}
Term bi_erlang_binary_to_integer_1(Process *p, Term *args)
{
    return bi_string_to_integer_1(p, args);
}

Term bi_erlang_binary_to_integer_2(Process *p, Term *args)
{
    return bi_string_to_integer_2(p, args);
}

Term bi_erlang_float_to_binary_1(Process *p, Term *args)
{
    if (!term_is_float(args[0])) {
        return bi_badarg(p, 1, "not a float");
    }
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%.20e", term_to_float(args[0]));
    return term_make_binary(p, buf, (size_t)n);
}

Term bi_erlang_binary_to_float_1(Process *p, Term *args) { return bi_string_to_float_1(p, args); }
Term bi_erlang_iolist_to_binary_1(Process *p, Term *args)
{
    return bi_io_iodata_to_binary_1(p, args);
}
Term bi_erlang_list_to_binary_1(Process *p, Term *args)
{
    return bi_io_iodata_to_binary_1(p, args);
}

Term bi_erlang_binary_to_list_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    Term acc = TERM_NIL;
    for (size_t i = size; i > 0; i--) {
        acc = term_make_cons(p, term_from_small(s[i - 1]), acc);
    }
    return acc;
}

Term bi_erlang_length_1(Process *p, Term *args) { return bi_kernel_length_1(p, args); }
Term bi_erlang_hd_1(Process *p, Term *args) { return bi_kernel_hd_1(p, args); }
Term bi_erlang_tl_1(Process *p, Term *args) { return bi_kernel_tl_1(p, args); }
Term bi_erlang_abs_1(Process *p, Term *args) { return bi_kernel_abs_1(p, args); }
Term bi_erlang_max_2(Process *p, Term *args) { return bi_kernel_max_2(p, args); }
Term bi_erlang_min_2(Process *p, Term *args) { return bi_kernel_min_2(p, args); }
Term bi_erlang_byte_size_1(Process *p, Term *args) { return bi_kernel_byte_size_1(p, args); }
Term bi_erlang_tuple_size_1(Process *p, Term *args) { return bi_kernel_tuple_size_1(p, args); }
Term bi_erlang_map_size_1(Process *p, Term *args) { return bi_kernel_map_size_1(p, args); }
Term bi_erlang_op_append_2(Process *p, Term *args) { return bi_kernel_op_append_2(p, args); }
Term bi_erlang_op_subtract_2(Process *p, Term *args) { return bi_kernel_op_subtract_2(p, args); }

// ==== phash2 ====

#define PHASH_FNV_PRIME UINT64_C(1099511628211)
#define PHASH_FNV_BASIS UINT64_C(14695981039346656037)
// Erlang's default phash2 range.
#define PHASH_DEFAULT_RANGE (UINT64_C(1) << 27)

static uint64_t mix(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        h = (h ^ ((v >> (8 * i)) & 0xFF)) * PHASH_FNV_PRIME;
    }
    return h;
}

// A structural hash of [t] that is equal for =:= terms; nesting is hashed iteratively
// through lists (tails) and recursively only through tuple/map elements up to a depth.
static uint64_t hash_term(Process *p, Term t, uint64_t h, int depth)
{
    if (depth > 64) {
        return mix(h, 0xDEAD);
    }
    while (term_is_cons(t)) {
        h = hash_term(p, term_hd(t), mix(h, 'L'), depth + 1);
        t = term_tl(t);
    }
    if (term_is_atom(t)) {
        size_t len;
        const char *name = bi_atom_text(p, t, &len);
        h = mix(h, 'A');
        for (size_t i = 0; i < len; i++) {
            h = (h ^ (uint8_t)name[i]) * PHASH_FNV_PRIME;
        }
        return h;
    }
    if (term_is_binary(t)) {
        size_t size;
        const uint8_t *s = term_binary_bytes(t, &size);
        h = mix(h, 'B');
        for (size_t i = 0; i < size; i++) {
            h = (h ^ s[i]) * PHASH_FNV_PRIME;
        }
        return h;
    }
    if (term_is_tuple(t) || term_is_map(t)) {
        uint32_t n = term_is_tuple(t) ? term_tuple_arity(t) : map_size(t) * 2;
        const Term *elems = term_is_tuple(t) ? term_tuple_elems(t) : map_keys(t);
        h = mix(h, term_is_tuple(t) ? 'T' : 'M');
        for (uint32_t i = 0; i < n; i++) {
            h = hash_term(p, elems[i], h, depth + 1);
        }
        return h;
    }
    if (term_is_float(t)) {
        double d = term_to_float(t);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix(mix(h, 'F'), bits);
    }
    if (term_is_bignum(t)) {
        StrBuf b;
        strbuf_init(&b);
        bigint_to_string(t, 16, &b);
        for (size_t i = 0; i < b.len; i++) {
            h = (h ^ (uint8_t)b.data[i]) * PHASH_FNV_PRIME;
        }
        strbuf_free(&b);
        return h;
    }
    return mix(h, t); // small ints, nil, pids: immediates hash by value
}

Term bi_erlang_phash2_2(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 1) {
        return bi_badarg(p, 2, "out of range");
    }
    uint64_t h = hash_term(p, args[0], PHASH_FNV_BASIS, 0);
    return term_from_small((int64_t)(h % (uint64_t)term_to_small(args[1])));
}

Term bi_erlang_phash2_1(Process *p, Term *args)
{
    Term a[2] = {args[0], term_from_small((int64_t)PHASH_DEFAULT_RANGE)};
    return bi_erlang_phash2_2(p, a);
}

// ==== Time and unique integers ====

Term bi_erlang_unique_integer_0(Process *p, Term *args)
{
    (void)args;
    uint64_t n = atomic_fetch_add(&p->vm->next_ref, 1);
    return term_make_int(p, (int64_t)(n & (uint64_t)SMALL_MAX));
}

// Nanoseconds on [clock].
static Term clock_ns(Process *p, clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return term_make_int(p, (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

Term bi_erlang_monotonic_time_0(Process *p, Term *args)
{
    (void)args;
    return clock_ns(p, CLOCK_MONOTONIC);
}

Term bi_erlang_system_time_0(Process *p, Term *args)
{
    (void)args;
    return clock_ns(p, CLOCK_REALTIME);
}

// ==== Atom ====

Term bi_atom_to_string_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_function_clause(p, "Atom.to_string/1");
    }
    return bi_erlang_atom_to_binary_1(p, args);
}

Term bi_atom_to_charlist_1(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_function_clause(p, "Atom.to_charlist/1");
    }
    return bi_erlang_atom_to_list_1(p, args);
}
