// The code generator: snippets compile to the expected instruction sequences (checked on the
// disassembly), CompileErrors carry Elixir 1.14's wording, and every golden program compiles
// into modules that the loader and verifier accept.
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"
#include "disasm.h"
#include "loader.h"
#include "vm.h"

// Compiles script [src]; returns the disassembly of every module (malloc'd), or NULL with
// [diag] filled.
static char *compile_dis_mode(const char *src, CompileMode mode, Diag *diag)
{
    CompileOutput out;
    if (!compile_source(src, strlen(src), "t.exs", mode, &out, diag)) {
        return NULL;
    }
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    for (size_t i = 0; i < out.count; i++) {
        disasm_module_bytes(out.modules[i].bytes, out.modules[i].size, mem);
    }
    fclose(mem);
    compile_output_free(&out);
    return text;
}

static char *compile_dis(const char *src, Diag *diag)
{
    return compile_dis_mode(src, COMPILE_SCRIPT, diag);
}

static char *dis_ok(const char *src)
{
    Diag diag;
    char *text = compile_dis(src, &diag);
    cr_assert_not_null(text, "compile failed: %s:%u: %s", diag.file, diag.line, diag.message);
    return text;
}

static void assert_has(const char *text, const char *needle)
{
    cr_assert_not_null(strstr(text, needle), "expected \"%s\" in:\n%s", needle, text);
}

// A script whose defmodule fails compiles into a deferred raise, so sources that are only
// modules are compiled as a library file, where the error is reported directly.
static void assert_error_kind(const char *src, uint32_t line, const char *kind,
                              const char *message)
{
    Diag diag;
    CompileMode mode = strncmp(src, "defmodule", 9) == 0 ? COMPILE_MODULES : COMPILE_SCRIPT;
    char *text = compile_dis_mode(src, mode, &diag);
    free(text);
    cr_assert_null(text, "expected a %s for:\n%s", kind, src);
    cr_assert_str_eq(diag.kind, kind);
    cr_assert_eq(diag.line, line, "line %u, expected %u", diag.line, line);
    cr_assert_str_eq(diag.message, message);
}

static void assert_error(const char *src, uint32_t line, const char *message)
{
    assert_error_kind(src, line, "CompileError", message);
}

Test(codegen, arithmetic_and_remote_call)
{
    char *t = dis_ok("x = 2\nIO.puts(x * 3 + 1)\n");
    assert_has(t, "LOAD_INT         r0, 2");
    assert_has(t, "MUL ");
    assert_has(t, "ADD_INT "); // + of a small literal uses the immediate form
    assert_has(t, "TAIL_CALL_EXT");
    assert_has(t, "Elixir.IO.puts/1");
    free(t);
}

Test(codegen, self_recursion_is_a_tail_call)
{
    char *t = dis_ok("defmodule M do\n"
                     "  def loop(0, acc), do: acc\n"
                     "  def loop(n, acc), do: loop(n - 1, acc + n)\n"
                     "end\n");
    assert_has(t, "function f0 loop/2  free=0");
    assert_has(t, "TEST_INT         r0, 0,");
    assert_has(t, "TAIL_CALL ");
    assert_has(t, "FUNC_CLAUSE");
    cr_assert_null(strstr(t, "  CALL "), "no body call expected:\n%s", t);
    free(t);
}

Test(codegen, body_call_result_lands_in_call_register)
{
    char *t = dis_ok("defmodule M do\n"
                     "  def len([]), do: 0\n"
                     "  def len([_ | t]), do: 1 + len(t)\n"
                     "end\n");
    assert_has(t, "TEST_NIL");
    assert_has(t, "TEST_CONS");
    assert_has(t, "GET_TL");
    assert_has(t, "CALL             r");
    free(t);
}

Test(codegen, case_clauses_and_case_clause_error)
{
    char *t = dis_ok("r = case {:ok, 1} do\n  {:ok, v} when v > 0 -> v\n  _ -> 0\nend\n"
                     "IO.inspect(r)\n");
    assert_has(t, "TEST_TUPLE");
    assert_has(t, "GET_ELEM");
    assert_has(t, "JUMP_UNLESS_GT_INT"); // the guard v > 0 is one fused test
    free(t);
    t = dis_ok("case 1 do\n  2 -> :two\nend\n");
    assert_has(t, "RAISE_ERROR      6,");
    free(t);
}

Test(codegen, match_error_for_failing_match)
{
    char *t = dis_ok("{a, b} = {1, 2}\nIO.inspect(a + b)\n");
    assert_has(t, "RAISE_ERROR      10,");
    free(t);
}

Test(codegen, closures_capture_free_variables)
{
    char *t = dis_ok("x = 10\nf = fn y -> x + y end\nIO.inspect(f.(1))\n");
    assert_has(t, "MAKE_CLOSURE");
    assert_has(t, "-__script__/0-fun-0-/1  free=1");
    assert_has(t, "CALL_FUN");
    free(t);
}

Test(codegen, interpolation_uses_to_string_and_concat)
{
    char *t = dis_ok("n = 3\nIO.puts(\"n=#{n}!\")\n");
    assert_has(t, "Elixir.Kernel.to_string/1");
    assert_has(t, "BIN_CONCAT");
    assert_has(t, "\"n=\"");
    free(t);
}

Test(codegen, captures)
{
    char *t = dis_ok("f = &Enum.map/2\ng = &(&1 + 1)\nIO.inspect({f, g})\n");
    assert_has(t, "MAKE_EXT_FUN");
    assert_has(t, "Elixir.Enum.map/2");
    assert_has(t, "-__script__/0-fun-0-/1");
    free(t);
}

Test(codegen, default_arguments_generate_a_head)
{
    char *t = dis_ok("defmodule M do\n  def f(a, b \\\\ 2), do: a + b\nend\n");
    assert_has(t, "f/2  free=0");
    assert_has(t, "f/1  free=0");
    assert_has(t, "LOAD_INT         r2, 2");
    free(t);
}

Test(codegen, try_rescue_after)
{
    char *t = dis_ok("try do\n  raise \"boom\"\nrescue\n  e in RuntimeError -> e\n"
                     "after\n  IO.puts(\"after\")\nend\n");
    assert_has(t, "TRY ");
    assert_has(t, "TRY_END");
    assert_has(t, "RERAISE");
    assert_has(t, ":Elixir.RuntimeError");
    assert_has(t, "Elixir.Kernel.raise/1");
    free(t);
}

Test(codegen, after_runs_under_its_own_handler)
{
    char *t = dis_ok("try do\n  :ok\nafter\n  IO.puts(\"done\")\nend\n");
    assert_has(t, "TRY ");
    assert_has(t, "RERAISE");
    // the after body is emitted once for the normal path and once before re-raising
    const char *a = strstr(t, "CALL_EXT");
    cr_assert_not_null(a);
    cr_assert_not_null(strstr(a + 1, "CALL_EXT"), "after emitted once:\n%s", t);
    free(t);
}

Test(codegen, imported_functions_are_remote_calls)
{
    char *t = dis_ok("defmodule U do\n  def d(x), do: x * 2\nend\n"
                     "defmodule V do\n  import U, only: [d: 1]\n  def go, do: d(1)\nend\n");
    assert_has(t, "Elixir.U.d/1");
    free(t);
}

Test(codegen, type_guards_become_type_tests)
{
    char *t = dis_ok("defmodule M do\n  def f(x) when is_integer(x), do: x\n  def f(_), do: 0\nend\n");
    assert_has(t, "TEST_TYPE        r0, 0,");
    free(t);
}

Test(codegen, raising_guards_run_under_a_handler)
{
    char *t = dis_ok("defmodule M do\n  def f(x) when length(x) > 1, do: x\nend\n");
    assert_has(t, "TRY ");
    assert_has(t, "Elixir.Kernel.length/1");
    free(t);
}

Test(codegen, structs_get_struct_functions)
{
    char *t = dis_ok("defmodule P do\n  defstruct [:x, y: 0]\nend\n"
                     "IO.inspect(%P{x: 1})\n");
    assert_has(t, "__struct__/0");
    assert_has(t, "__struct__/1");
    assert_has(t, "__struct_fields__/0");
    assert_has(t, "[:x, :y | []]");
    assert_has(t, "MAKE_MAP");
    free(t);
}

Test(codegen, for_comprehension_uses_reduce)
{
    char *t = dis_ok("IO.inspect(for x <- [1, 2, 3], x > 1, do: x * 2)\n");
    assert_has(t, "Elixir.Enum.reduce/3");
    assert_has(t, "lists.reverse/1");
    free(t);
}

Test(codegen, module_body_expressions_run_at_definition)
{
    char *t = dis_ok("defmodule M do\n  IO.puts(\"hi\")\n  def f, do: 1\nend\n");
    assert_has(t, "__module_body__/0");
    assert_has(t, "Elixir.M.__module_body__/0");
    free(t);
}

Test(codegen, rebinding_reuses_the_register)
{
    char *t = dis_ok("x = 1\nx = x + 1\nx = x * 3\nIO.inspect(x)\n");
    assert_has(t, "ADD_INT          r1, r0, 1");
    assert_has(t, "MOVE             r0, r1");
    assert_has(t, "frame=3");
    free(t);
}

Test(codegen, variables_bound_in_arguments_survive_the_call)
{
    // x lives in r2, below the window of the call (d = r3, argument copied into r4).
    char *t = dis_ok("IO.inspect(x = 5)\nIO.inspect(x)\n");
    assert_has(t, "LOAD_INT         r2, 5");
    assert_has(t, "MOVE             r4, r1");
    assert_has(t, "CALL_EXT         r3, 1");
    assert_has(t, "MOVE             r3, r2");
    free(t);
}

Test(codegen, undefined_function_in_script)
{
    assert_error("IO.puts 1\nfoo(1)\n", 2, "undefined function foo/1 (there is no such import)");
}

Test(codegen, undefined_variable_is_an_undefined_call)
{
    assert_error("x = 1\nIO.puts(y + x)\n", 2, "undefined function y/0 (there is no such import)");
}

Test(codegen, undefined_function_in_module)
{
    assert_error("defmodule A do\n  def f, do: bar(1)\nend\n", 2,
                 "undefined function bar/1 (expected A to define such a function or for it to "
                 "be imported, but none are available)");
}

Test(codegen, undefined_pinned_variable)
{
    assert_error("a = 1\n^b = 2\n", 2,
                 "undefined variable ^b. No variable \"b\" has been defined before the current "
                 "pattern");
}

Test(codegen, receive_compiles_to_a_mailbox_loop)
{
    Diag diag;
    char *t = compile_dis("receive do\n  {:a, x} when x > 1 -> x\nafter\n  5 -> 0\nend\n", &diag);
    cr_assert_not_null(t, "%s", diag.message);
    const char *order[] = {"RECV_PEEK", "RECV_ACCEPT", "RECV_NEXT", "RECV_WAIT"};
    const char *at = t;
    for (int i = 0; i < 4; i++) {
        at = strstr(at, order[i]);
        cr_assert_not_null(at, "%s missing or out of order in\n%s", order[i], t);
    }
    free(t);
    cr_assert_null(compile_dis("receive do\n  x -> x\nafter\n  1 -> 2\n  3 -> 4\nend\n", &diag));
    cr_assert_str_eq(diag.kind, "CompileError");
}

Test(codegen, output_free_empties)
{
    CompileOutput out;
    Diag diag;
    cr_assert(compile_source("1", 1, "t.exs", COMPILE_SCRIPT, &out, &diag));
    cr_assert_eq(out.count, 1);
    cr_assert_str_eq(out.modules[0].name, COMPILE_SCRIPT_MODULE);
    compile_output_free(&out);
    cr_assert_eq(out.count, 0);
    cr_assert_null(out.modules);
}

// Compiles [path] and loads (verifies) every module it produces. Returns false only when the
// verifier refuses a module; compile errors are the parser's or the test's business.
static bool compile_and_verify(Vm *vm, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return true;
    }
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    CompileOutput out;
    Diag diag;
    if (!compile_source(buf, len, path, COMPILE_SCRIPT, &out, &diag)) {
        return true;
    }
    bool ok = true;
    for (size_t i = 0; i < out.count; i++) {
        char err[256];
        Module *mod = loader_load(vm, out.modules[i].bytes, out.modules[i].size, err, sizeof err);
        if (!mod) {
            cr_log_error("%s: module %s refused: %s", path, out.modules[i].name, err);
            ok = false;
        }
        loader_free_module(mod);
    }
    compile_output_free(&out);
    return ok;
}

static uint32_t verify_dir(Vm *vm, const char *dir, uint32_t *count)
{
    uint32_t bad = 0;
    DIR *d = opendir(dir);
    if (!d) {
        return 0;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char path[1024];
        if (e->d_name[0] == '.') {
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t n = strlen(path);
        if (n > 4 && strcmp(path + n - 4, ".exs") == 0) {
            (*count)++;
            bad += compile_and_verify(vm, path) ? 0 : 1;
        } else if (strchr(e->d_name, '.') == NULL) {
            bad += verify_dir(vm, path, count);
        }
    }
    closedir(d);
    return bad;
}

Test(codegen, golden_programs_verify, .timeout = 60)
{
    Vm *vm = vm_new();
    uint32_t count = 0;
    uint32_t bad = verify_dir(vm, "tests/golden", &count);
    vm_free(vm);
    cr_assert_eq(bad, 0, "%u of %u golden programs produced unverifiable modules", bad, count);
}

Test(codegen, put_in_path_uses_key_list)
{
    char *t = dis_ok("m = %{a: %{b: 1}}\nput_in(m.a[:b], 2)\n");
    assert_has(t, "Elixir.Kernel.put_in/3");
    assert_has(t, "Elixir.Access.key!/1");
    free(t);
}

Test(codegen, dot_access_on_non_map_raises_key_error)
{
    char *t = dis_ok("x = 5\nx.field\n");
    assert_has(t, "Elixir.Map.fetch!/2");
    assert_has(t, "Elixir.KeyError");
    free(t);
}

Test(codegen, enforce_keys_missing_in_literal)
{
    assert_error_kind("defmodule S do\n  @enforce_keys [:a, :b]\n  defstruct [:a, :b]\nend\n"
                      "defmodule T do\n  def f, do: %S{a: 1}\nend\n",
                      6, "ArgumentError",
                      "the following keys must also be given when building struct S: [:b]");
}

Test(codegen, module_info_functions)
{
    char *t = dis_ok("defmodule A do\n  def f, do: 1\n  defp g, do: 2\nend\n");
    assert_has(t, "__info__/1");
    free(t);
}

Test(codegen, binary_segments_compile_to_bs_instructions)
{
    char *t = dis_ok("<<c, n::16, u::utf8, d::binary-size(2), rest::binary>> = \"abcdef\"\n"
                     "IO.inspect({c, n, u, d, rest})\nIO.inspect(<<c, n::16, u::utf8>>)\n"
                     "<<\"ab\", x::4>> = <<\"ab\", 5::4>>\nIO.inspect(<<1, 2, \"three\">>)\n");
    assert_has(t, "BS_START");
    assert_has(t, "BS_GET");
    assert_has(t, "BS_MATCH_LIT");
    assert_has(t, "BS_TEST_END");
    assert_has(t, "BS_CONCAT");
    assert_has(t, "ember_bin.put/4");
    assert_has(t, "\"\\x01\\x02three\""); // constant bytes and strings fold into one literal
    free(t);
}
