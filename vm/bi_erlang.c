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
    if (term_is_binary(args[0])) {
        return args[0];
    }
    StrBuf b;
    strbuf_init(&b);
    bool ok = bi_iodata_append(args[0], &b);
    Term r = ok ? bi_binary_from_buf(p, &b) : bi_badarg(p, 1, "not an iolist term");
    strbuf_free(&b);
    return r;
}
Term bi_erlang_list_to_binary_1(Process *p, Term *args)
{
    if (!term_is_list(args[0])) {
        return bi_badarg(p, 1, "not an iolist term");
    }
    return bi_erlang_iolist_to_binary_1(p, args);
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

// Erlang's default phash2 range.
#define PHASH_DEFAULT_RANGE (UINT64_C(1) << 27)

Term bi_erlang_phash2_2(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 1) {
        return bi_badarg(p, 2, "out of range");
    }
    uint64_t h = bi_hash_term(args[0]);
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
