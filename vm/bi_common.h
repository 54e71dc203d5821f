// Helpers shared by the bi_*.c built-in files: argument errors worded like Elixir 1.14, list,
// iodata and chardata walking, text and atom conversion, and mixed int/float arithmetic.
// Everything here runs inside a built-in: it may allocate on the process heap (never moving
// anything) and raises only through error.h, returning TERM_NONE.
#ifndef EMBER_VM_BI_COMMON_H
#define EMBER_VM_BI_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "inspect.h"
#include "process.h"
#include "term.h"

// Raises ArgumentError "errors were found at the given arguments:\n\n  * <n>th argument: <why>\n"
// as Erlang BIFs do. [argno] is 1-based. Returns TERM_NONE.
Term bi_badarg(Process *p, int argno, const char *why);
// Raises FunctionClauseError "no function clause matching in <mfa>" ([mfa] like
// "String.upcase/2"). Returns TERM_NONE.
Term bi_function_clause(Process *p, const char *mfa);
// Raises ArithmeticError with Erlang's message. Returns TERM_NONE.
Term bi_badarith(Process *p);

// Length of proper list [list] in *[len]; false when [list] is not a proper list.
bool bi_list_length(Term list, size_t *len);
// The elements of proper list [list] in a new em_malloc'd array *[out] (caller frees; NULL
// when empty) and their count in *[len]. False (nothing allocated) when improper.
bool bi_list_to_array(Term list, Term **out, size_t *len);
// The list [elems[0], ..., elems[len-1] | tail].
Term bi_list_from_array(Process *p, const Term *elems, size_t len, Term tail);
// Reverses proper list [list] onto [tail].
Term bi_list_reverse(Process *p, Term list, Term tail);

// The bytes of binary [t] in *[bytes], *[size]; false when [t] is not a binary.
bool bi_text(Term t, const uint8_t **bytes, size_t *size);
// Appends iodata [t] (binaries, bytes 0..255, nested lists, binary tails). False on bad data.
bool bi_iodata_append(Term t, StrBuf *out);
// Appends chardata [t] (binaries, codepoints written as UTF-8, nested lists). False on bad data.
bool bi_chardata_append(Term t, StrBuf *out);
// A binary holding [b]'s bytes (the buffer stays owned by the caller).
Term bi_binary_from_buf(Process *p, const StrBuf *b);
// A binary holding NUL-terminated [s].
Term bi_binary_from_cstr(Process *p, const char *s);
// The list of Unicode codepoints of UTF-8 text [s] of [size] bytes (invalid bytes as themselves).
Term bi_charlist_from_utf8(Process *p, const uint8_t *s, size_t size);
// Appends codepoint [cp] encoded as UTF-8.
void bi_utf8_append(StrBuf *out, uint32_t cp);

// The text of atom [atom] (NUL-terminated), its byte length in *[len] when not NULL.
const char *bi_atom_text(Process *p, Term atom, size_t *len);
// The atom named by [len] bytes at [s]; raises SystemLimitError (TERM_NONE) when too long.
Term bi_atom_from_text(Process *p, const char *s, size_t len);
// The atom named [s] (NUL-terminated; must fit ATOM_MAX_SIZE).
Term bi_atom(Process *p, const char *s);

// {a, b}, {:ok, v}, {a, b, c}.
Term bi_tuple2(Process *p, Term a, Term b);
Term bi_ok(Process *p, Term v);
Term bi_tuple3(Process *p, Term a, Term b, Term c);

// The value of number [t] as a double in *[out]; false when [t] is not a number.
bool bi_to_double(Term t, double *out);
// A float term for [d], raising ArithmeticError (TERM_NONE) when [d] is not finite.
Term bi_float_result(Process *p, double d);
// a + b, a - b, a * b, a / b on any numbers; ArithmeticError (TERM_NONE) on non-numbers.
Term bi_num_add(Process *p, Term a, Term b);
Term bi_num_sub(Process *p, Term a, Term b);
Term bi_num_mul(Process *p, Term a, Term b);
Term bi_num_fdiv(Process *p, Term a, Term b);
// True when integer [t] fits int64, stored in *[out].
bool bi_int64(Term t, int64_t *out);

// Parses the longest prefix of [s] ([size] bytes) that is an optionally signed integer in
// [base] (2..36, letters in either case). Stores the value in *[out] and the bytes used in
// *[used]; false when no digit is found (bi_integer.c).
bool bi_parse_int_prefix(Process *p, const uint8_t *s, size_t size, unsigned base, Term *out,
                         size_t *used);
// Parses the longest float prefix of [s] ([size] bytes): sign, digits, optional fraction,
// optional exponent. With [strict] a fraction is required (binary_to_float syntax). Stores the
// value and bytes used; false when there is no number or it overflows (bi_float.c).
bool bi_parse_float_prefix(const uint8_t *s, size_t size, bool strict, double *out,
                           size_t *used);

// Grapheme cluster boundaries of UTF-8 text [s] ([size] bytes): an em_malloc'd array of
// *[count] + 1 byte offsets, from 0 to [size] (caller frees). Invalid bytes are one grapheme
// each (bi_string.c).
size_t *bi_graphemes(const uint8_t *s, size_t size, size_t *count);

// Stable merge sort of [len] terms in [elems] by Erlang term order; with [key_pos] >= 0 the
// terms are tuples compared by their element [key_pos] only (bi_lists.c).
void bi_sort_terms(Term *elems, size_t len, int64_t key_pos);

// A structural 64-bit hash of [t]: terms that are =:= hash alike (1 and 1.0 differ).
// Nesting deeper than a fixed depth is not looked at. Used by phash2 and the Enum helpers.
uint64_t bi_hash_term(Term t);

// A hash set over an array of terms compared by exact (=:=) equality: maps each key to the
// index of its first occurrence. Owns only its slot array (free with bi_key_index_free).
typedef struct BiKeyIndex {
    uint32_t *slots; // key index + 1; 0 = empty
    size_t mask;
    const Term *keys;
} BiKeyIndex;

// Prepares [ix] for up to [n] keys of the array [keys] (which must outlive [ix]).
void bi_key_index_init(BiKeyIndex *ix, const Term *keys, size_t n);
// The index of the first key =:= keys[i] added so far; adds i (and returns it) when new.
uint32_t bi_key_index_find_or_add(BiKeyIndex *ix, uint32_t i);
// Frees the slot array of [ix].
void bi_key_index_free(BiKeyIndex *ix);

// inspect([t], [opts]) as a new binary.
Term bi_inspect_binary(Process *p, Term t, const InspectOpts *opts);
// Reads inspect options from keyword list [kw] into [opts] (limit, pretty, width, charlists;
// others are ignored) and the label: value into *[label] when [label] is not NULL (TERM_NONE
// when absent). False when [kw] is not a proper list of 2-tuples.
bool bi_inspect_opts(Process *p, Term kw, InspectOpts *opts, Term *label);
// An exception struct %{__struct__: [module], __exception__: true, message: [message]}.
Term bi_exception_struct(Process *p, Term module, Term message);
// Raises the :error exception struct [exc]. Returns TERM_NONE.
Term bi_raise_struct(Process *p, Term exc);
// Raises an exception of module [module_text] (e.g. "Enum.OutOfBoundsError") carrying
// message [msg]: a VM-known kind goes through error_raise, others get a plain struct.
Term bi_raise_module(Process *p, const char *module_text, const char *msg);

#endif
