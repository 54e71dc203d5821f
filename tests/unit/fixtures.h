// Test fixtures: a bare Vm (atom table only) and Process (heap and a small register stack)
// for unit tests of the data layer, independent of vm_new/proc_new.
#ifndef EMBER_TESTS_FIXTURES_H
#define EMBER_TESTS_FIXTURES_H

#include "process.h"
#include "vm.h"

// Registers in a fixture process's stack (all usable as GC roots via stack_top).
#define FIXTURE_STACK_SIZE 256

// A zeroed Vm with the atom table. Free with fixture_free.
Vm *fixture_vm(void);
// A process of [vm] with an empty heap, FIXTURE_STACK_SIZE registers (stack_top 0), no
// exception and an empty dictionary.
Process *fixture_process(Vm *vm);
// Frees [p] (may be NULL) and then [vm] (may be NULL).
void fixture_free(Vm *vm, Process *p);

// Interns [name] and returns the atom term.
Term fixture_atom(Vm *vm, const char *name);



// Builds the term written in Elixir literal syntax [src] on [p]'s heap: integers (any size),
// floats, atoms (:a, :"a b", :+, Foo, nil), strings with escapes, charlists, lists (with
// `| tail` and `key: value` sugar), tuples, maps (%{k => v, a: 1}), structs (%Foo{a: 1}),
// binaries (<<1, 2>>) and ranges (1..5, 1..9//2). Returns TERM_NONE on a syntax error.
Term fixture_parse(Process *p, const char *src);
#endif
