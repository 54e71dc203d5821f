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
    int charlists_as_lists; // 1: never print 'abc'
} InspectOpts;

// Elixir's defaults for IO.inspect / inspect: limit 50, pretty: false... (see docs/builtins.md).
InspectOpts inspect_default_opts(void);

// Appends inspect([t]) to [out]. [vm] supplies atom names.
void inspect_term(Vm *vm, Term t, const InspectOpts *opts, StrBuf *out);

// Appends to_string([t]) for the String.Chars types (binaries, atoms, numbers, charlists).
// Returns false (appending nothing) when [t] does not implement String.Chars.
bool inspect_to_string(Vm *vm, Term t, StrBuf *out);

// Writes [d] the way Erlang/Elixir print floats: shortest digits that round-trip,
// "1.0e20" style exponents past 1.0e16 ... into [buf] (at least 32 bytes). Returns length.
size_t inspect_format_float(double d, char *buf);

#endif
