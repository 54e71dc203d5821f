// Exit reasons and crash reports of processes that die of an uncaught exception. Each
// exception is raised with the same error.c call the VM uses, and the expected reason is what
// real Elixir 1.14 showed in the {:DOWN, ...} message of a spawn_monitor'ed process doing the
// same thing (tests/golden/logger/down_reasons.exs runs them end to end).
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "bi_common.h"
#include "error.h"
#include "exit_report.h"
#include "fixtures.h"
#include "inspect.h"

static Vm *vm;
static Process *proc;

static void setup(void)
{
    vm = fixture_vm();
    pthread_mutex_init(&vm->output_lock, NULL);
    atomic_store(&vm->logger_level, LOG_DEFAULT);
    proc = fixture_process(vm);
    proc->pid = term_make_pid(99, 0);
}

static void teardown(void)
{
    pthread_mutex_destroy(&vm->output_lock);
    fixture_free(vm, proc);
}

TestSuite(exit_report, .init = setup, .fini = teardown, .timeout = 10);

static Term parse(const char *src)
{
    Term t = fixture_parse(proc, src);
    cr_assert_neq(t, TERM_NONE, "cannot parse %s", src);
    return t;
}

static Term atom(const char *name)
{
    return fixture_atom(vm, name);
}

// Asserts inspect(exit_reason_of(proc)) == [expected].
static void assert_reason(const char *expected)
{
    StrBuf out;
    strbuf_init(&out);
    InspectOpts opts = inspect_default_opts();
    inspect_term(vm, exit_reason_of(proc), &opts, &out);
    cr_assert_eq(out.len, strlen(expected), "got %.*s, expected %s", (int)out.len, out.data,
                 expected);
    cr_assert(memcmp(out.data, expected, out.len) == 0, "got %.*s, expected %s", (int)out.len,
              out.data, expected);
    strbuf_free(&out);
}

Test(exit_report, runtime_errors_map_back_to_erlang_terms)
{
    error_raise_arith(proc, "+", (Term[]){term_from_small(1), atom("a")}, 2);
    proc->exc_stack = TERM_NIL;
    assert_reason("{:badarith, []}");
    error_raise_value(proc, ERR_MATCH, parse("{:error, 2}"));
    assert_reason("{{:badmatch, {:error, 2}}, []}");
    error_raise_value(proc, ERR_CASE_CLAUSE, term_from_small(2));
    assert_reason("{{:case_clause, 2}, []}");
    error_raise_value(proc, ERR_WITH_CLAUSE, term_from_small(2));
    assert_reason("{{:with_clause, 2}, []}");
    error_raise_value(proc, ERR_TRY_CLAUSE, term_from_small(2));
    assert_reason("{{:try_clause, 2}, []}");
    error_raise_value(proc, ERR_COND_CLAUSE, TERM_NIL);
    assert_reason("{:cond_clause, []}");
    error_raise_value(proc, ERR_BAD_MAP, term_from_small(2));
    assert_reason("{{:badmap, 2}, []}");
    error_raise_value(proc, ERR_BAD_FUNCTION, term_from_small(2));
    assert_reason("{{:badfun, 2}, []}");
    error_raise_bad_boolean(proc, atom("and"), term_from_small(2));
    assert_reason("{{:badbool, :and, 2}, []}");
    error_raise_value(proc, ERR_SYSTEM_LIMIT, TERM_NIL);
    assert_reason("{:system_limit, []}");
}

Test(exit_report, call_errors_map_back_to_erlang_terms)
{
    error_raise_function_clause(proc, atom("Elixir.M"), atom("one"), 1);
    assert_reason("{:function_clause, []}");
    // As in BEAM, the stack starts with the missing function.
    error_raise_undefined(proc, atom("Elixir.M"), atom("nope"), 1, true);
    assert_reason("{:undef, [{M, :nope, 1, []}]}");
    error_raise_undefined(proc, atom("Elixir.Nope"), atom("nope"), 0, false);
    proc->exc_stack = parse("[{Nope, :nope, 0, [line: 2]}]");
    assert_reason("{:undef, [{Nope, :nope, 0, [line: 2]}]}");
}

Test(exit_report, badarg_only_for_runtime_argument_errors)
{
    error_raise(proc, ERR_ARGUMENT, "argument error");
    assert_reason("{:badarg, []}");
    bi_badarg(proc, 1, "out of range");
    assert_reason("{:badarg, []}");
    error_raise(proc, ERR_ARGUMENT, "custom");
    assert_reason("{%ArgumentError{message: \"custom\"}, []}");
    error_raise(proc, ERR_ARITHMETIC, "mine");
    assert_reason("{%ArithmeticError{message: \"mine\"}, []}");
}

Test(exit_report, key_errors_of_map_operations_are_badkey)
{
    // As in BEAM, the failing lookup tops the stack (it tells the map).
    error_raise_key(proc, atom("b"), parse("%{a: 2}"));
    assert_reason("{{:badkey, :b}, [{:erlang, :map_get, [:b, %{a: 2}], []}]}");
    error_raise_key(proc, atom("b"), term_nil_atom()); // %{m | b: 1}
    assert_reason("{{:badkey, :b}, []}");
    // Keyword.fetch!/2 and `raise KeyError, key: :b, term: %{a: 2}` raise the struct from
    // Elixir code, which stays a struct.
    proc_raise(proc, atom("error"), parse("%KeyError{key: :b, term: [a: 2], message: nil}"));
    assert_reason("{%KeyError{key: :b, term: [a: 2], message: nil}, []}");
    proc_raise(proc, atom("error"), parse("%KeyError{key: :b, term: %{a: 2}, message: nil}"));
    assert_reason("{%KeyError{key: :b, term: %{a: 2}, message: nil}, []}");
}

Test(exit_report, elixir_exceptions_stay_structs)
{
    error_raise(proc, ERR_RUNTIME, "boom");
    assert_reason("{%RuntimeError{message: \"boom\"}, []}");
    proc_raise(proc, atom("error"), parse("%Oops{code: 7}"));
    assert_reason("{%Oops{code: 7}, []}");
    proc_raise(proc, atom("error"), error_normalize(proc, parse("{:weird, 2}")));
    assert_reason("{{:weird, 2}, []}");
}

Test(exit_report, throw_exit_and_stack)
{
    proc_raise(proc, atom("throw"), parse("{:ball, 2}"));
    assert_reason("{{:nocatch, {:ball, 2}}, []}");
    proc_raise(proc, atom("exit"), parse("{:shutdown, 2}"));
    assert_reason("{:shutdown, 2}");
    error_raise(proc, ERR_RUNTIME, "boom");
    proc->exc_stack = parse("[{M, :f, 1, [file: 'a.exs', line: 3]}]");
    assert_reason("{%RuntimeError{message: \"boom\"}, [{M, :f, 1, [file: 'a.exs', line: 3]}]}");
}

// Runs exit_report_print and returns what it wrote to stdout, with the timestamp masked.
// stdout is swapped for a temporary file (glibc lets a program assign it).
static char *report_text(char *buf, size_t size)
{
    FILE *saved = stdout;
    FILE *capture = tmpfile();
    cr_assert_not_null(capture);
    stdout = capture;
    exit_report_print(vm, proc);
    stdout = saved;
    rewind(capture);
    size_t n = fread(buf, 1, size - 1, capture);
    fclose(capture);
    buf[n] = '\0';
    if (n > 13 && buf[0] == '\n' && buf[3] == ':' && buf[9] == '.') {
        memcpy(buf + 1, "XX:XX:XX.XXX", 12);
    }
    return buf;
}

Test(exit_report, report_of_a_raise_in_a_script_lambda)
{
    char buf[1024];
    error_raise(proc, ERR_RUNTIME, "boom");
    proc->exc_stack =
        parse("[{:ember_script, :\"-__script__/0-fun-0-\", 0, [file: 'c1.exs', line: 1]}]");
    cr_assert_str_eq(report_text(buf, sizeof buf),
                     "\nXX:XX:XX.XXX [error] Process #PID<0.99.0> raised an exception\n"
                     "** (RuntimeError) boom\n"
                     "    c1.exs:1: anonymous fn/0 in :elixir_compiler_0.__FILE__/1\n");
}

Test(exit_report, report_has_no_blame_and_shows_call_arguments)
{
    char buf[1024];
    error_raise_function_clause(proc, atom("Elixir.Crash"), atom("only_one"), 1);
    proc->exc_stack = parse("[{Crash, :only_one, [2], [file: 'c.exs', line: 18]}]");
    cr_assert_str_eq(report_text(buf, sizeof buf),
                     "\nXX:XX:XX.XXX [error] Process #PID<0.99.0> raised an exception\n"
                     "** (FunctionClauseError) no function clause matching in Crash.only_one/1\n"
                     "    c.exs:18: Crash.only_one(2)\n");
}

Test(exit_report, report_of_a_throw)
{
    char buf[1024];
    proc_raise(proc, atom("throw"), parse("{:ball, \"thrown\"}"));
    cr_assert_str_eq(report_text(buf, sizeof buf),
                     "\nXX:XX:XX.XXX [error] Process #PID<0.99.0> raised an exception\n"
                     "** (ErlangError) Erlang error: {:nocatch, {:ball, \"thrown\"}}\n");
}

Test(exit_report, no_report_for_exits_or_when_silenced)
{
    char buf[256];
    proc_raise(proc, atom("exit"), atom("some_reason"));
    cr_assert_str_eq(report_text(buf, sizeof buf), "");
    error_raise(proc, ERR_RUNTIME, "boom");
    atomic_store(&vm->logger_level, LOG_NONE);
    cr_assert_str_eq(report_text(buf, sizeof buf), "");
    atomic_store(&vm->logger_level, LOG_CRITICAL);
    cr_assert_str_eq(report_text(buf, sizeof buf), "");
    atomic_store(&vm->logger_level, LOG_ERROR);
    cr_assert_neq(report_text(buf, sizeof buf)[0], '\0');
}

Test(exit_report, level_names_round_trip)
{
    for (int level = LOG_ALL; level <= LOG_NONE; level++) {
        int parsed = -99;
        cr_assert(exit_report_level_parse(exit_report_level_name(level), &parsed));
        cr_assert_eq(parsed, level);
    }
    int parsed = -99;
    cr_assert(exit_report_level_parse("warn", &parsed));
    cr_assert_eq(parsed, LOG_WARNING);
    cr_assert_not(exit_report_level_parse("loud", &parsed));
    cr_assert_str_eq(exit_report_level_name(LOG_DEFAULT), "debug");
    cr_assert_eq(LOG_DEFAULT, 0, "a zeroed Vm must have Elixir's default level");
}

// Raw Erlang reasons turned back into exceptions, as a linked process receiving the exit
// reason does; messages are what Exception.message(Exception.normalize(:error, raw, stack))
// gave in Elixir 1.14.
typedef struct NormalizeCase {
    const char *raw;
    const char *stack;
    const char *message;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
    {":badarith", "[]", "bad argument in arithmetic expression"},
    {":badarg", "[]", "argument error"},
    {":system_limit", "[]", "a system limit has been reached"},
    {":cond_clause", "[]", "no cond clause evaluated to a truthy value"},
    {"{:badmatch, 1}", "[]", "no match of right hand side value: 1"},
    {"{:case_clause, 1}", "[]", "no case clause matching: 1"},
    {"{:with_clause, 1}", "[]", "no with clause matching: 1"},
    {"{:try_clause, 1}", "[]", "no try clause matching: 1"},
    {"{:badmap, 1}", "[]", "expected a map, got: 1"},
    {"{:badfun, 1}", "[]", "expected a function, got: 1"},
    {"{:badbool, :and, 1}", "[]", "expected a boolean on left-side of \"and\", got: 1"},
    {"{:badkey, :k}", "[]", "key :k not found"},
    {"{:badkey, :k, %{a: 1}}", "[]", "key :k not found in: %{a: 1}"},
    {"{:badkey, :k}", "[{:erlang, :map_get, [:k, %{a: 1}], []}]", "key :k not found in: %{a: 1}"},
    {":undef", "[{Nope, :f, [], []}]", "function Nope.f/0 is undefined (module Nope is not available)"},
    {":function_clause", "[{N, :run, [1], [file: 'n.exs', line: 2]}]",
     "no function clause matching in N.run/1"},
    {":undef", "[]", "Erlang error: :undef"},
    {"{:nocatch, 1}", "[]", "Erlang error: {:nocatch, 1}"},
    {":timeout", "[]", "Erlang error: :timeout"},
};

Test(exit_report, raw_reasons_normalize_back_to_exceptions)
{
    for (size_t i = 0; i < sizeof normalize_cases / sizeof normalize_cases[0]; i++) {
        const NormalizeCase *c = &normalize_cases[i];
        Term exc = error_normalize_stack(proc, parse(c->raw), parse(c->stack));
        Term msg = error_message(proc, exc);
        size_t size;
        const uint8_t *bytes = term_binary_bytes(msg, &size);
        cr_expect(size == strlen(c->message) && memcmp(bytes, c->message, size) == 0,
                  "%s: got %.*s, expected %s", c->raw, (int)size, bytes, c->message);
    }
}

static void assert_format_exit(Term reason, const char *expected)
{
    StrBuf out;
    strbuf_init(&out);
    exit_report_format_exit(vm, proc, reason, &out);
    cr_assert(out.len == strlen(expected) && memcmp(out.data, expected, out.len) == 0,
              "got %.*s, expected %s", (int)out.len, out.data, expected);
    strbuf_free(&out);
}

// Expected texts: what Elixir 1.14 printed after "** (EXIT from #PID<0.96.0>) " when a linked
// process ended that way.
Test(exit_report, format_exit_of_a_linked_crash)
{
    error_raise_arith(proc, "+", (Term[]){term_from_small(1), atom("a")}, 2);
    Term stack = term_make_cons(
        proc, term_hd(proc->exc_stack),
        parse("[{:ember_script, :\"-__script__/0-fun-0-\", 0, [file: 'ex.exs', line: 3]}]"));
    proc->exc_stack = stack;
    assert_format_exit(exit_reason_of(proc),
                       "an exception was raised:\n"
                       "    ** (ArithmeticError) bad argument in arithmetic expression\n"
                       "        :erlang.+(1, :a)\n"
                       "        ex.exs:3: anonymous fn/0 in :elixir_compiler_0.__FILE__/1");
    error_raise_key(proc, atom("b"), parse("%{a: 1}"));
    assert_format_exit(exit_reason_of(proc), "an exception was raised:\n"
                                             "    ** (KeyError) key :b not found in: %{a: 1}\n"
                                             "        :erlang.map_get(:b, %{a: 1})");
    proc_raise(proc, atom("throw"), atom("x"));
    proc->exc_stack = parse("[{M, :f, 0, [file: 'ex.exs', line: 1]}]");
    assert_format_exit(exit_reason_of(proc), "an exception was raised:\n"
                                             "    ** (ErlangError) Erlang error: {:nocatch, :x}\n"
                                             "        ex.exs:1: M.f/0");
}

Test(exit_report, format_exit_of_plain_reasons)
{
    assert_format_exit(atom("boom"), ":boom");
    assert_format_exit(atom("killed"), "killed");
    assert_format_exit(atom("shutdown"), "shutdown");
    assert_format_exit(parse("{:shutdown, 1}"), "shutdown: 1");
    assert_format_exit(parse("{:boom, [1]}"), "{:boom, [1]}");
    assert_format_exit(parse("{:timeout, {GenServer, :call, [1]}}"),
                       "exited in: GenServer.call(1)\n    ** (EXIT) time out");
}
