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

// BS_GET: matches segment [desc] (size [size] when BS_FLAG_SIZE_REG) at the position of
// match [match] (the register pair: bitstring, bit position); stores the value in *[out] and
// advances the position. False when it does not match (or the pair is not a match).
bool interp_bs_get(Process *p, Term *match, uint32_t desc, Term size, Term *out);
// BS_MATCH_LIT: the bytes of binary [lit] come next in [match]; advances past them.
bool interp_bs_match_lit(Term *match, Term lit);
// BS_TEST_END: [match] has consumed all of its bitstring.
bool interp_bs_at_end(const Term *match);
// BS_CONCAT: the bitstrings [regs] ([n]) concatenated.
Term interp_bs_concat(Process *p, const Term *regs, uint32_t n);

#endif
