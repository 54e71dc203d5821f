// The shell's pieces that need no terminal: compile_repl's shape of an input (arguments for
// earlier bindings, the incomplete/wrong distinction the prompt relies on) and the names TAB
// completes. The interactive behaviour is tested end to end in tests/repl/.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"
#include "disasm.h"
#include "repl_names.h"
#include "vm.h"

static bool compile_input(const char *src, const char *const *bound, uint32_t count,
                          char **dis, Diag *diag)
{
    CompileRepl shape = {.module = "ember_eval_t", .bound = bound, .bound_count = count};
    CompileOutput out;
    if (!compile_repl(src, strlen(src), "ember", &shape, &out, diag)) {
        return false;
    }
    size_t size = 0;
    FILE *mem = open_memstream(dis, &size);
    for (size_t i = 0; i < out.count; i++) {
        disasm_module_bytes(out.modules[i].bytes, out.modules[i].size, mem);
    }
    fclose(mem);
    compile_output_free(&out);
    return true;
}

Test(repl, earlier_bindings_become_arguments)
{
    const char *bound[] = {"x", "y"};
    char *dis = NULL;
    Diag diag;
    cr_assert(compile_input("z = x + y", bound, 2, &dis, &diag), "%s", diag.message);
    cr_assert_not_null(strstr(dis, "__script__/2"), "%s", dis);
    free(dis);
}

Test(repl, an_unbound_variable_is_a_compile_error)
{
    char *dis = NULL;
    Diag diag;
    cr_assert_not(compile_input("x + 1", NULL, 0, &dis, &diag));
    cr_assert_str_eq(diag.kind, "CompileError");
    cr_assert_not(diag.incomplete);
}

Test(repl, incomplete_input_is_told_from_wrong_input)
{
    const char *incomplete[] = {"[1,", "defmodule M do", "\"abc", "fn x ->", "foo(", "%{a: 1,"};
    for (size_t i = 0; i < sizeof incomplete / sizeof incomplete[0]; i++) {
        char *dis = NULL;
        Diag diag;
        cr_assert_not(compile_input(incomplete[i], NULL, 0, &dis, &diag), "%s", incomplete[i]);
        cr_assert(diag.incomplete, "%s should ask for more input (%s: %s)", incomplete[i],
                  diag.kind, diag.message);
    }
    const char *wrong[] = {"1 +* 2", ")", "end", "[1, 2]]"};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        char *dis = NULL;
        Diag diag;
        cr_assert_not(compile_input(wrong[i], NULL, 0, &dis, &diag), "%s", wrong[i]);
        cr_assert_not(diag.incomplete, "%s is wrong, not incomplete", wrong[i]);
    }
}

Test(repl, helpers_are_imported_only_at_the_prompt)
{
    char *dis = NULL;
    Diag diag;
    cr_assert(compile_input("v(1)", NULL, 0, &dis, &diag), "%s", diag.message);
    cr_assert_not_null(strstr(dis, "Ember.Repl.Helpers"), "%s", dis);
    free(dis);
    CompileOutput out;
    cr_assert_not(compile_source("v(1)", 4, "t.exs", COMPILE_SCRIPT, &out, &diag));
}

static bool has(const NameList *names, const char *name)
{
    for (uint32_t i = 0; i < names->count; i++) {
        if (strcmp(names->items[i], name) == 0) {
            return true;
        }
    }
    return false;
}

Test(repl, completes_module_and_function_names)
{
    Vm *vm = vm_new();
    NameList names;
    repl_names_complete(vm, "Stri", 4, &names);
    cr_assert(has(&names, "String"));
    cr_assert_eq(names.prefix_len, 0);
    repl_names_free(&names);

    repl_names_complete(vm, "String.upc", 10, &names);
    cr_assert(has(&names, "upcase"));
    cr_assert_eq(names.prefix_len, 7);
    cr_assert_geq(repl_names_common_prefix(&names), 6);
    repl_names_free(&names);

    repl_names_complete(vm, "String.", 7, &names);
    cr_assert_gt(names.count, 5, "every String function is offered");
    for (uint32_t i = 1; i < names.count; i++) {
        cr_assert_lt(strcmp(names.items[i - 1], names.items[i]), 0, "sorted and unique");
    }
    repl_names_free(&names);

    repl_names_complete(vm, "lowercase", 9, &names);
    cr_assert_eq(names.count, 0, "variables and local calls are not completed");
    repl_names_free(&names);
    vm_free(vm);
}

Test(repl, word_characters)
{
    cr_assert(repl_names_word_char('a'));
    cr_assert(repl_names_word_char('.'));
    cr_assert(repl_names_word_char('?'));
    cr_assert_not(repl_names_word_char('('));
    cr_assert_not(repl_names_word_char(' '));
}
