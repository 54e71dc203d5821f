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

// [d] with [decimals] digits after the point (none and no point when 0), rounded half away
// from zero on the exact binary value as Erlang does (2.5 -> "3", 0.125 -> "0.13", 2.675 ->
// "2.67"). glibc prints the exact expansion (at most 1074 fractional digits), which is then
// rounded by hand. Returns the length written to [buf].
static int decimals_text(double d, int decimals, char *buf, size_t cap)
{
    char exact[1600];
    int n = snprintf(exact, sizeof exact, "%.1080f", d);
    if (n < 0 || (size_t)n >= sizeof exact) {
        n = (int)sizeof exact - 1;
    }
    int dot = (int)(strchr(exact, '.') - exact);
    int keep = decimals == 0 ? dot : dot + 1 + decimals; // chars kept
    bool up = exact[dot + 1 + decimals] >= '5';
    int start = exact[0] == '-' ? 1 : 0;
    // Digits only (no sign, no point), then the carry.
    char digits[1600];
    int nd = 0;
    for (int i = start; i < keep; i++) {
        if (exact[i] != '.') {
            digits[nd++] = exact[i];
        }
    }
    int intlen = dot - start;
    if (up) {
        int i = nd - 1;
        while (i >= 0 && digits[i] == '9') {
            digits[i--] = '0';
        }
        if (i >= 0) {
            digits[i]++;
        } else {
            memmove(digits + 1, digits, (size_t)nd);
            digits[0] = '1';
            nd++;
            intlen++;
        }
    }
    size_t o = 0;
    if (start) {
        buf[o++] = '-';
    }
    for (int i = 0; i < nd && o + 2 < cap; i++) {
        if (i == intlen) {
            buf[o++] = '.';
        }
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return (int)o;
}

// Erlang's :short format of finite [d]: the shortest round-trip digits, written as a plain
// decimal ("123456.0", "0.00125") or in scientific form ("1.0e3", "1.5e-7"), whichever is
// shorter, the decimal one on a tie. Returns the length written to [buf] (>= 400 bytes).
static int short_text(double d, char *buf)
{
    char sci[64];
    int prec = 1;
    for (; prec < 17; prec++) {
        snprintf(sci, sizeof sci, "%.*e", prec - 1, d);
        if (strtod(sci, NULL) == d) {
            break;
        }
    }
    snprintf(sci, sizeof sci, "%.*e", prec - 1, d);
    // sci is [-]D[.DDD]e(+|-)XX: collect the digits and the exponent.
    char digits[32];
    int nd = 0;
    const char *c = sci;
    bool neg = *c == '-';
    if (neg) {
        c++;
    }
    for (; *c != 'e'; c++) {
        if (*c != '.') {
            digits[nd++] = *c;
        }
    }
    int exp = atoi(c + 1);
    while (nd > 1 && digits[nd - 1] == '0') {
        nd--;
    }
    char a[400], b[64];
    int na = 0, nb = 0;
    // Scientific: D.DDD (at least one decimal) e exp.
    if (neg) {
        b[nb++] = '-';
    }
    b[nb++] = digits[0];
    b[nb++] = '.';
    if (nd == 1) {
        b[nb++] = '0';
    }
    for (int i = 1; i < nd; i++) {
        b[nb++] = digits[i];
    }
    nb += snprintf(b + nb, sizeof b - (size_t)nb, "e%d", exp);
    // Plain decimal.
    if (neg) {
        a[na++] = '-';
    }
    if (exp < 0) {
        a[na++] = '0';
        a[na++] = '.';
        for (int i = -1; i > exp; i--) {
            a[na++] = '0';
        }
        for (int i = 0; i < nd; i++) {
            a[na++] = digits[i];
        }
    } else {
        for (int i = 0; i <= exp; i++) {
            a[na++] = i < nd ? digits[i] : '0';
        }
        a[na++] = '.';
        if (nd > exp + 1) {
            for (int i = exp + 1; i < nd; i++) {
                a[na++] = digits[i];
            }
        } else {
            a[na++] = '0';
        }
    }
    if (na <= nb) {
        memcpy(buf, a, (size_t)na);
        return na;
    }
    memcpy(buf, b, (size_t)nb);
    return nb;
}

// float_to_binary(f, opts): decimals: N (0..253, "%.Nf", :compact drops trailing zeros but
// keeps one decimal), scientific: N (0..249, "%.Ne"), :short (shortest round trip). The last
// format option wins, as in Erlang. A decimals result longer than 255 bytes is badarg, as
// in Erlang (1.0e256 with decimals: 0, 1.0e10 with decimals: 250).
Term bi_erlang_float_to_binary_2(Process *p, Term *args)
{
    if (!term_is_float(args[0])) {
        return bi_badarg(p, 1, "not a float");
    }
    enum { FMT_SCI, FMT_DEC, FMT_SHORT } fmt = FMT_SCI;
    int64_t digits = 20;
    bool compact = false;
    Term l = args[1];
    for (; term_is_cons(l); l = term_tl(l)) {
        Term o = term_hd(l);
        if (o == bi_atom(p, "compact")) {
            compact = true;
            continue;
        }
        if (o == bi_atom(p, "short")) {
            fmt = FMT_SHORT;
            continue;
        }
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2 ||
            !term_is_small(term_tuple_elems(o)[1])) {
            return bi_badarg(p, 2, "invalid option in list");
        }
        Term key = term_tuple_elems(o)[0];
        int64_t n = term_to_small(term_tuple_elems(o)[1]);
        if (key == bi_atom(p, "decimals") && n >= 0 && n <= 253) {
            fmt = FMT_DEC;
        } else if (key == bi_atom(p, "scientific") && n >= 0 && n <= 249) {
            fmt = FMT_SCI;
        } else {
            return bi_badarg(p, 2, "invalid option in list");
        }
        digits = n;
    }
    if (!term_is_nil(l)) {
        return bi_badarg(p, 2, "not a list");
    }
    double d = term_to_float(args[0]);
    char buf[1600];
    int n;
    if (fmt == FMT_SHORT) {
        n = short_text(d, buf);
    } else if (fmt == FMT_SCI) {
        n = snprintf(buf, sizeof buf, "%.*e", (int)digits, d);
    } else {
        n = decimals_text(d, (int)digits, buf, sizeof buf);
        if (n > 255) {
            return bi_badarg(p, 2, "invalid option in list");
        }
        if (compact && digits > 0) {
            while (n > 0 && buf[n - 1] == '0' && buf[n - 2] != '.') {
                n--;
            }
        }
    }
    return term_make_binary(p, buf, (size_t)n);
}

Term bi_erlang_map_get_2(Process *p, Term *args)
{
    if (!term_is_map(args[1])) {
        return error_raise_value(p, ERR_BAD_MAP, args[1]);
    }
    Term v;
    if (!map_get(args[1], args[0], &v)) {
        return error_raise_key(p, args[0], args[1]);
    }
    return v;
}

Term bi_erlang_is_map_key_2(Process *p, Term *args)
{
    Term a[2] = {args[1], args[0]};
    return bi_kernel_is_map_key_2(p, a);
}

// :erlang.error/1,2 raise [reason] as an :error. The reason is normalised here, as Elixir's
// rescue does (:badarg becomes ArgumentError, other terms ErlangError), because the
// interpreter's rescue does not normalise raw reasons; `catch :error, r` therefore sees the
// exception struct rather than the raw reason.
Term bi_erlang_error_1(Process *p, Term *args)
{
    return proc_raise(p, term_from_atom(ATOM_error), error_normalize(p, args[0]));
}

Term bi_erlang_error_2(Process *p, Term *args) { return bi_erlang_error_1(p, args); }

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
Term bi_erlang_bit_size_1(Process *p, Term *args) { return bi_kernel_bit_size_1(p, args); }
Term bi_erlang_is_bitstring_1(Process *p, Term *args) { return bi_kernel_is_bitstring_1(p, args); }
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

// :erlang.list_to_pid(~c"<0.index.serial>"): the inverse of how pids print (the shell's pid/1).
Term bi_erlang_list_to_pid_1(Process *p, Term *args)
{
    char text[64];
    size_t n = 0;
    for (Term l = args[0]; term_is_cons(l); l = term_tl(l)) {
        Term c = term_hd(l);
        if (!term_is_small(c) || term_to_small(c) <= 0 || term_to_small(c) > 127 ||
            n + 1 == sizeof text) {
            return bi_badarg(p, 1, "not a textual representation of a pid");
        }
        text[n++] = (char)term_to_small(c);
    }
    text[n] = '\0';
    unsigned node;
    unsigned long index;
    unsigned long serial;
    int used = 0;
    if (sscanf(text, "<%u.%lu.%lu>%n", &node, &index, &serial, &used) != 3 || used != (int)n ||
        node != 0 || index > UINT32_MAX || serial > TERM_PID_SERIAL_MASK) {
        return bi_badarg(p, 1, "not a textual representation of a pid");
    }
    return term_make_pid((uint32_t)index, (uint32_t)serial);
}

// :erlang.raise(kind, reason, stacktrace): raises as if the exception had happened where
// [stacktrace] says (what `catch kind, reason -> :erlang.raise(kind, reason, __STACKTRACE__)`
// rethrows with).
Term bi_erlang_raise_3(Process *p, Term *args)
{
    Term kind = args[0];
    if (kind != term_from_atom(ATOM_error) && kind != term_from_atom(ATOM_throw) &&
        kind != term_from_atom(ATOM_exit)) {
        return bi_badarg(p, 1, "not :error, :throw or :exit");
    }
    if (!term_is_cons(args[2]) && args[2] != TERM_NIL) {
        return bi_badarg(p, 3, "not a stacktrace");
    }
    // An :error reason is an exception struct from here on, as for :erlang.error/1.
    Term reason = kind == term_from_atom(ATOM_error) ? error_normalize(p, args[1]) : args[1];
    Term r = proc_raise(p, kind, reason);
    p->exc_stack = args[2];
    return r;
}
