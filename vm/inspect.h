// Text renderings of terms: inspect/2 (Inspect protocol for built-in types, Elixir 1.14 byte
// for byte), to_string (String.Chars), and float formatting (shortest round-trip).
#ifndef EMBER_VM_INSPECT_H
#define EMBER_VM_INSPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "term.h"

// A growable byte buffer.
typedef struct StrBuf {
    char *data;
    size_t len;
    size_t cap;
} StrBuf;

void strbuf_init(StrBuf *b);
void strbuf_free(StrBuf *b);
void strbuf_append(StrBuf *b, const void *bytes, size_t len);
void strbuf_append_cstr(StrBuf *b, const char *s);
void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

typedef struct InspectOpts {
    int limit;        // max items per collection before "...", Elixir's default 50; <0 = infinity
    bool pretty;      // wrap at width like IO.inspect does (width 80)
    int width;
    int charlists_as_lists; // 1: never print 'abc' (charlists: :as_lists)
    int charlists_as_charlists; // 1: any list of code points prints as a charlist
    int base;               // integers in base 10 (default), 16, 8 or 2 (base: :hex ...)
    int binaries_as_binaries; // 1: binaries print as <<bytes>> even when printable
    int printable_limit;    // max characters of a string/charlist shown (default 4096); <0 = all
    // Optional hook: the fields of struct module [name] in definition order (a list of atoms
    // without __struct__), or TERM_NONE when [name] defines no struct. Elixir prints struct
    // fields in definition order and prints a struct whose keys differ as a plain map. NULL
    // (the default): the fields come from vm_struct_fields (vm.h); a struct it knows nothing
    // about prints its fields in key order.
    Term (*struct_fields)(Vm *vm, Term name);
} InspectOpts;

// Elixir's defaults for IO.inspect / inspect: limit 50, pretty: false... (see docs/builtins.md).
InspectOpts inspect_default_opts(void);

// Appends inspect([t]) to [out]. [vm] supplies atom names.
void inspect_term(Vm *vm, Term t, const InspectOpts *opts, StrBuf *out);

// Appends to_string([t]) for the String.Chars types (binaries, atoms, numbers, charlists).
// Returns false (appending nothing) when [t] does not implement String.Chars.
bool inspect_to_string(Vm *vm, Term t, StrBuf *out);

// Writes [d] the way inspect/1 prints floats into [buf] (at least 32 bytes), NUL-terminated;
// returns the length. Shortest digits that round-trip; integral values 1 <= |d| < 1e16 print
// as "123.0", others as Erlang's float_to_binary(d, [:short]) ("1.0e20", "1.0e-5", "0.001").
size_t inspect_format_float(double d, char *buf);
// Float.to_string/1 and to_string/1: Erlang's float_to_binary(d, [:short]) exactly ("1.0e15"
// where inspect prints "1000000000000000.0"). Same buffer contract.
size_t inspect_format_float_short(double d, char *buf);

#endif
