// Out-of-line slow paths of the interpreter: arithmetic beyond small integers, comparisons,
// function resolution, closures, apply, stack traces. Each returns TERM_NONE after raising.
#ifndef EMBER_VM_INTERP_SLOW_H
#define EMBER_VM_INTERP_SLOW_H

#include "module.h"
#include "opcodes.h"
#include "term.h"

// [a] op [b] for op in ADD SUB MUL FDIV on any terms; ArithmeticError on non-numbers.
Term interp_arith(Process *p, Opcode op, Term a, Term b);
// -[a].
Term interp_negate(Process *p, Term a);
// The comparison opcodes EQ..GE on any terms: the atom true or false.
Term interp_compare(Opcode op, Term a, Term b);
// True when [t] passes type test [test].
bool interp_type_test(Term t, uint32_t test);

// The function that import [imp] names, loading its module on first use; NULL after raising
// UndefinedFunctionError. Caches the result in [imp].
const Function *interp_resolve_import(Process *p, Import *imp);
// The exported [module].[name]/[arity], loading on first use; NULL after raising.
const Function *interp_resolve(Process *p, Term module, Term name, uint32_t arity);

// A new closure over lambda [fn] capturing [count] values from [values].
Term interp_make_closure(Process *p, const Function *fn, const Term *values, uint32_t count);
// The &Mod.f/n fun for import [imp].
Term interp_make_export_fun(Process *p, const Import *imp);

// Builds p->exc_stack from the current frame ([fn] at [pc]) and the caller frames.
void interp_capture_stacktrace(Process *p, const Function *fn, const uint32_t *pc);

// Raises FunctionClauseError for [fn] called with [args] (fn->arity of them).
Term interp_function_clause(Process *p, const Function *fn, const Term *args);
// Raises BadFunctionError/BadArityError for calling [fun] with [argc] arguments at [args].
Term interp_bad_call(Process *p, Term fun, const Term *args, uint32_t argc);
// Concatenates [n] binaries at [regs]; ArgumentError on a non-binary.
Term interp_bin_concat(Process *p, const Term *regs, uint32_t n);
// %{map | k => v ...}; BadMapError / KeyError.
Term interp_map_update(Process *p, Term map, const Term *pairs, uint32_t count);
// If binary [bin] starts with binary [prefix], the rest as a sub-binary; else TERM_NONE.
Term interp_bin_prefix(Process *p, Term bin, Term prefix);

// Binary pattern segments. [op] is BIN_GET_INT (arg = bits), BIN_GET_UTF8 or BIN_GET_BYTES
// (arg = byte count term). On a match stores the value and the rest of [bin] in out[0], out[1]
// and returns true; false (nothing raised) when [bin] does not match.
bool interp_bin_get(Process *p, Opcode op, Term bin, Term arg, Term *out);

#endif
