// Text helpers shared by inspect.c: StrBuf is in inspect.h; here are atom spelling
// (Macro.inspect_atom), escaping (Code.Identifier.escape), printability tests, UTF-8
// decoding and float digits. Internal to the inspect module.
#ifndef EMBER_VM_INSPECT_TEXT_H
#define EMBER_VM_INSPECT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inspect.h"

// Macro.inspect_atom(:literal | :key | :remote_call, atom) for the atom text [name]/[len].
void inspect_atom_literal(const char *name, size_t len, StrBuf *out);
void inspect_atom_key(const char *name, size_t len, StrBuf *out);
void inspect_atom_remote(const char *name, size_t len, StrBuf *out);
// True when [name] is an alias atom text such as "Elixir.Foo.Bar".
bool inspect_atom_is_alias(const char *name, size_t len);

// Code.Identifier.escape([s], [delim], [limit]): appends the escaped text of at most [limit]
// characters ([limit] < 0: all) and returns how many bytes of [s] it consumed.
size_t inspect_escape(const uint8_t *s, size_t len, char delim, long limit, StrBuf *out);
// String.printable?([s], [limit]).
bool inspect_string_printable(const uint8_t *s, size_t len, long limit);
// Decodes one UTF-8 code point (strict: no overlongs, no surrogates) at [s]; returns its byte
// length, or 0 when [s] does not start with a valid sequence.
size_t inspect_utf8_decode(const uint8_t *s, size_t len, uint32_t *cp);
// Appends [cp] encoded as UTF-8; false when [cp] is not a Unicode scalar value.
bool inspect_utf8_encode(uint32_t cp, StrBuf *out);

#endif
