// Regex entry points for other built-ins (vm/regex/bi_regex.c): `=~` with a %Regex{} on the
// right is answered in C, without a detour through Ember code.
#ifndef EMBER_VM_BI_REGEX_H
#define EMBER_VM_BI_REGEX_H

#include <stdbool.h>

#include "term.h"
#include "types.h"

// True when [t] is a map whose __struct__ is Regex.
bool bi_regex_is_struct(Process *p, Term t);
// Regex.match?([regex], [subject]) for binary [subject]: true/false, or TERM_NONE after
// raising ArgumentError (a forged re_pattern, a unicode pattern and a non-UTF-8 subject).
Term bi_regex_match_p(Process *p, Term regex, Term subject);

#endif
