// Inspect for %Regex{} (Elixir's Inspect.Regex): ~r/source/opts, with the source escaped the
// way Elixir 1.14 prints it. vm/inspect.c calls these; they only read terms.
#ifndef EMBER_VM_REGEX_INSPECT_H
#define EMBER_VM_REGEX_INSPECT_H

#include <stdbool.h>

#include "inspect.h"
#include "term.h"
#include "types.h"

// True when [map] is a %Regex{} struct whose source is a binary: its source and opts fields
// in *[source] and *[opts]. Any thread; reads [vm]'s atom table only.
bool regex_inspect_fields(Vm *vm, Term map, Term *source, Term *opts);

// Appends ~r/[source]/[opts] to [out] ([opts] is the modifier text): "/" is escaped (a
// backslash and the ASCII character after it are kept as a pair), \n \r \t \v \f \a are
// written as escapes, and bytes outside printable UTF-8 as \xHH.
void regex_inspect_sigil(const uint8_t *src, size_t size, const uint8_t *opts, size_t opts_size,
                         StrBuf *out);

#endif
