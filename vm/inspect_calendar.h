// ISO 8601 text of the calendar structs (%Date{}, %Time{}, %NaiveDateTime{}, UTC %DateTime{}),
// shared by inspect (~D[2024-01-31]) and to_string / interpolation (2024-01-31).
#ifndef EMBER_VM_INSPECT_CALENDAR_H
#define EMBER_VM_INSPECT_CALENDAR_H

#include <stdbool.h>

#include "inspect.h"

// Appends the ISO text of calendar struct [map] to [out] as Calendar.ISO's to_string does, and
// stores its sigil letter ('D', 'T', 'N' or 'U') in [*sigil] (may be NULL). Returns false and
// appends nothing when [map] is not one of those structs with Calendar.ISO and integer fields.
// Any thread; reads [vm]'s atom table only.
bool inspect_calendar_text(Vm *vm, Term map, StrBuf *out, char *sigil);

#endif
