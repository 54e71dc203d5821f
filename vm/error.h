// Elixir exceptions raised by the VM: building exception structs from errors.def kinds,
// raising them in a process, and rendering `** (Kind) message` lines (Exception.message/1).
#ifndef EMBER_VM_ERROR_H
#define EMBER_VM_ERROR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "inspect.h"
#include "term.h"

typedef enum ErrorKind {
#define ERROR(id, module, message) ERR_##id,
#include "errors.def"
#undef ERROR
    ERR_COUNT
} ErrorKind;

// For the exception structs the VM builds, their fields in Elixir's definition order as atoms
// in [out] (at most [max]); returns the count, 0 when [module] is not one of them.
uint32_t error_struct_fields(Vm *vm, Term module, Term *out, uint32_t max);

// The default message of [kind] from errors.def.
const char *error_default_message(ErrorKind kind);

// Raises error [kind] in [p] with a printf-formatted message (the struct's :message field).
// Returns TERM_NONE. Use for ArgumentError, RuntimeError, ArithmeticError, SystemLimitError.
Term error_raise(Process *p, ErrorKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

// Raises error [kind] whose struct carries [value] in its natural field:
// MatchError/CaseClauseError/WithClauseError/TryClauseError term:, BadMapError term:,
// BadBooleanError term:, BadFunctionError term:, ... Returns TERM_NONE.
Term error_raise_value(Process *p, ErrorKind kind, Term value);

// Raises BadBooleanError for operator atom [op] applied to non-boolean [value].
Term error_raise_bad_boolean(Process *p, Term op, Term value);

// Raises UndefinedFunctionError for [module].[name]/[arity]; [module_loaded] tells whether
// the module exists (the message differs). Returns TERM_NONE.
Term error_raise_undefined(Process *p, Term module, Term name, uint32_t arity, bool module_loaded);

// Raises FunctionClauseError for [module].[name]/[arity]. Returns TERM_NONE.
Term error_raise_function_clause(Process *p, Term module, Term name, uint32_t arity);

// Raises BadFunctionError (when [fun] is not a function) or BadArityError. Returns TERM_NONE.
Term error_raise_bad_call(Process *p, Term fun, const Term *args, uint32_t argc);

// How error_format renders an exception: as `elixir script.exs` reports an uncaught one
// (Exception.blame: ": 1 + :a" after an ArithmeticError, the argument listing after a
// FunctionClauseError, stack entries with arities), or as Logger's crash report of a process
// (the plain banner; a failing call's stack entry shows its arguments: "M.f(2)").
typedef enum ErrorStyle { ERROR_STYLE_UNCAUGHT, ERROR_STYLE_REPORT } ErrorStyle;

// Appends to [out] "** (Kind) message\n" and one "    location: M.f/1\n" line per entry of
// [stack], for exception [kind] (atom error/throw/exit) and [reason]; [message] as in
// error_print_uncaught. Reads terms only; callable from any thread that may read them.
void error_format(Vm *vm, Term kind, Term reason, Term stack, Term message, ErrorStyle style,
                  StrBuf *out);

// Appends only the "** (Kind) message" part of error_format (no newline).
void error_format_banner(Vm *vm, Term kind, Term reason, Term stack, Term message,
                         ErrorStyle style, StrBuf *out);

// Appends one stacktrace entry {module, fun, arity_or_args, location} as Elixir prints it,
// without indentation or newline: "file.exs:12: M.f/1", ":erlang.+(1, :a)"; nothing for a
// term that is not a 4-tuple.
void error_format_stack_entry(Vm *vm, Term entry, ErrorStyle style, StrBuf *out);

// Writes the uncaught-exception report Elixir prints for a script: "** (Kind) message" and
// the stack lines, for [kind] (error/throw/exit), [reason] and [stack], to [out]. For an
// exit, a binary [message] is the reason in Exception.format_exit's words. [message],
// when a binary, is the exception's message as its module's message/1 computed it; with
// TERM_NONE the message is rendered here (Exception.message/1 for the VM's own exceptions).
void error_print_uncaught(Vm *vm, Term kind, Term reason, Term stack, Term message, FILE *out);

// Raises ArithmeticError for operator [op] ("+", "div", ...) applied to [argc] [args]; the
// stack trace starts with {:erlang, op, args, []} so an uncaught report can blame the
// expression like Elixir's ("bad argument in arithmetic expression: 1 + :a"). Returns TERM_NONE.
Term error_raise_arith(Process *p, const char *op, const Term *args, uint32_t argc);

// Raises KeyError for [key] missing in [term] (a map, or nil for %{m | k: v}) as a failed
// BEAM map operation: with a map, the stack starts with {:erlang, :map_get, [key, map], []}.
// Returns TERM_NONE.
Term error_raise_key(Process *p, Term key, Term term);

// The Elixir exception struct for an arbitrary raised :error [reason] (Erlang-style reasons
// such as :badarith, {:badmatch, v}, {:badkey, k} are normalised like Exception.normalize/3
// does; anything else becomes ErlangError). Allocates on [p]'s heap.
Term error_normalize(Process *p, Term reason);
// error_normalize with the exception's [stack] (or NIL), which :undef and :function_clause
// need: their struct names the failing call at its top. Without one they stay ErlangError.
Term error_normalize_stack(Process *p, Term reason, Term stack);

// Exception.message/1: the message of exception struct [exc] as a new binary term.
Term error_message(Process *p, Term exc);

#endif
