// Built-ins called directly on terms, checked against real Elixir 1.14: each row names a
// built-in by module/name, its arguments in Elixir literal syntax (a list) and what Elixir
// returned, as inspect/1 text, or "!Module: message" when it raised. The expected column was
// produced by running the same calls under `elixir` (see docs/builtins.md, "Testing").
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "error.h"
#include "fixtures.h"
#include "inspect.h"
#include "map.h"

static Vm *vm;
static Process *proc;

static void setup(void)
{
    vm = fixture_vm();
    proc = fixture_process(vm);
}

static void teardown(void)
{
    fixture_free(vm, proc);
}

TestSuite(builtins, .init = setup, .fini = teardown, .timeout = 30);

typedef struct Case {
    const char *module;
    const char *name;
    const char *args;     // an Elixir list literal: the arguments
    const char *expected; // inspect(result), or "!Module: message"
} Case;

static const Case cases[] = {
    {"Elixir.Kernel", "is_integer", "[1]", "true"},
    {"Elixir.Kernel", "is_integer", "[1.0]", "false"},
    {"Elixir.Kernel", "is_number", "[1.5]", "true"},
    {"Elixir.Kernel", "is_binary", "[\"a\"]", "true"},
    {"Elixir.Kernel", "is_boolean", "[nil]", "false"},
    {"Elixir.Kernel", "is_map_key", "[%{a: 1}, :a]", "true"},
    {"Elixir.Kernel", "is_struct", "[1..2]", "true"},
    {"Elixir.Kernel", "is_struct", "[1..2, Range]", "true"},
    {"Elixir.Kernel", "hd", "[[1, 2]]", "1"},
    {"Elixir.Kernel", "hd", "[[]]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not a nonempty list\n"},
    {"Elixir.Kernel", "tl", "[[1, 2]]", "[2]"},
    {"Elixir.Kernel", "length", "[[1, 2, 3]]", "3"},
    {"Elixir.Kernel", "length", "[[1 | 2]]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not a list\n"},
    {"Elixir.Kernel", "elem", "[{1, 2}, 1]", "2"},
    {"Elixir.Kernel", "elem", "[{1}, 3]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: out of range\n"},
    {"Elixir.Kernel", "put_elem", "[{1, 2}, 0, :x]", "{:x, 2}"},
    {"Elixir.Kernel", "tuple_size", "[{1, 2, 3}]", "3"},
    {"Elixir.Kernel", "map_size", "[%{a: 1}]", "1"},
    {"Elixir.Kernel", "map_size", "[1]", "!BadMapError: expected a map, got: 1"},
    {"Elixir.Kernel", "byte_size", "[\"héllo\"]", "6"},
    {"Elixir.Kernel", "binary_part", "[\"hello\", 1, 3]", "\"ell\""},
    {"Elixir.Kernel", "binary_part", "[\"hello\", 5, -2]", "\"lo\""},
    {"Elixir.Kernel", "binary_part", "[\"abc\", 2, 5]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 3rd argument: out of range\n"},
    {"Elixir.Kernel", "++", "[[1, 2], [3]]", "[1, 2, 3]"},
    {"Elixir.Kernel", "++", "[[1], 2]", "[1 | 2]"},
    {"Elixir.Kernel", "--", "[[1, 2, 1, 3], [1, 3]]", "[2, 1]"},
    {"ember_chars", "to_string", "[:hello]", "\"hello\""},
    {"ember_chars", "to_string", "[42]", "\"42\""},
    {"ember_chars", "to_string", "[1.5]", "\"1.5\""},
    {"ember_chars", "to_string", "[nil]", "\"\""},
    {"ember_chars", "to_string", "['abc']", "\"abc\""},
    {"ember_chars", "to_string", "[[104, \"i\", [33]]]", "\"hi!\""},
    {"ember_chars", "to_string", "[{1, 2}]",
     "!Protocol.UndefinedError: protocol String.Chars not implemented for {1, 2} of type Tuple"},
    {"Elixir.Kernel", "to_charlist", "[\"héllo\"]", "[104, 233, 108, 108, 111]"},
    {"Elixir.Kernel", "inspect", "[[a: 1, b: \"x\"]]", "\"[a: 1, b: \\\"x\\\"]\""},
    {"Elixir.Kernel", "inspect", "[[1, 2, 3], [limit: 2]]", "\"[1, 2, ...]\""},
    {"Elixir.Kernel", "div", "[7, 2]", "3"},
    {"Elixir.Kernel", "div", "[-7, 2]", "-3"},
    {"Elixir.Kernel", "div", "[1, 0]", "!ArithmeticError: bad argument in arithmetic expression"},
    {"Elixir.Kernel", "rem", "[-7, 2]", "-1"},
    {"Elixir.Kernel", "abs", "[-3]", "3"},
    {"Elixir.Kernel", "abs", "[-2.5]", "2.5"},
    {"Elixir.Kernel", "abs", "[:a]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not a number\n"},
    {"Elixir.Kernel", "max", "[1, 2.0]", "2.0"},
    {"Elixir.Kernel", "min", "[:a, 1]", "1"},
    {"Elixir.Kernel", "round", "[2.5]", "3"},
    {"Elixir.Kernel", "round", "[-2.5]", "-3"},
    {"Elixir.Kernel", "trunc", "[-2.7]", "-2"},
    {"Elixir.Kernel", "floor", "[-2.5]", "-3"},
    {"Elixir.Kernel", "ceil", "[2.1]", "3"},
    {"Elixir.Kernel", "round", "[100000000000000000000.0]", "100000000000000000000"},
    {"Elixir.Kernel", "+", "[1, 2.5]", "3.5"},
    {"Elixir.Kernel", "*", "[4611686018427387904, 4]", "18446744073709551616"},
    {"Elixir.Kernel", "/", "[1, 4]", "0.25"},
    {"Elixir.Kernel", "/", "[1, 0]", "!ArithmeticError: bad argument in arithmetic expression"},
    {"Elixir.Kernel", "**", "[2, 100]", "1267650600228229401496703205376"},
    {"Elixir.Kernel", "**", "[2, -1]", "0.5"},
    {"Elixir.Kernel", "<", "[1, :a]", "true"},
    {"Elixir.Kernel", "===", "[1, 1.0]", "false"},
    {"Elixir.Kernel", "==", "[1, 1.0]", "true"},
    {"Elixir.Kernel", "<>", "[\"ab\", \"cd\"]", "\"abcd\""},
    {"Elixir.Kernel", "raise", "[\"boom\"]", "!RuntimeError: boom"},
    {"Elixir.Kernel", "raise", "[ArgumentError]", "!ArgumentError: argument error"},
    {"Elixir.Kernel", "raise", "[ArgumentError, \"bad\"]", "!ArgumentError: bad"},
    {"Elixir.Kernel", "raise", "[KeyError, [key: :a, term: %{}]]",
     "!KeyError: key :a not found in: %{}"},
    {"Elixir.Kernel", "not", "[true]", "false"},
    {"Elixir.Kernel", "not", "[1]", "!ArgumentError: argument error"},
    {"Elixir.Integer", "to_string", "[255, 16]", "\"FF\""},
    {"Elixir.Integer", "to_string", "[-255]", "\"-255\""},
    {"Elixir.Integer", "to_string", "[123456789012345678901234567890]",
     "\"123456789012345678901234567890\""},
    {"Elixir.Integer", "to_string", "[1.0]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not an integer\n"},
    {"Elixir.Integer", "parse", "[\"12abc\"]", "{12, \"abc\"}"},
    {"Elixir.Integer", "parse", "[\"abc\"]", ":error"},
    {"Elixir.Integer", "parse", "[\"-ff\", 16]", "{-255, \"\"}"},
    {"Elixir.Integer", "parse", "[\"+7\"]", "{7, \"\"}"},
    {"Elixir.Integer", "digits", "[1234]", "[1, 2, 3, 4]"},
    {"Elixir.Integer", "digits", "[10, 2]", "[1, 0, 1, 0]"},
    {"Elixir.Integer", "undigits", "[[1, 2, 3]]", "123"},
    {"Elixir.Integer", "undigits", "[[1, 12]]", "!ArgumentError: invalid digit 12 in base 10"},
    {"Elixir.Integer", "pow", "[3, 40]", "12157665459056928801"},
    {"Elixir.Integer", "floor_div", "[-7, 2]", "-4"},
    {"Elixir.Integer", "mod", "[-7, 3]", "2"},
    {"Elixir.Integer", "mod", "[7, -3]", "-2"},
    {"Elixir.Integer", "gcd", "[-12, 18]", "6"},
    {"Elixir.Integer", "gcd", "[0, 0]", "0"},
    {"Elixir.Float", "round", "[5.5675, 3]", "5.567"},
    {"Elixir.Float", "round", "[0.125, 2]", "0.13"},
    {"Elixir.Float", "round", "[-0.125, 2]", "-0.13"},
    {"Elixir.Float", "round", "[2.5]", "3.0"},
    {"Elixir.Float", "round", "[-0.4]", "0.0"},
    {"Elixir.Float", "floor", "[-1.234, 2]", "-1.24"},
    {"Elixir.Float", "ceil", "[1.231, 2]", "1.24"},
    {"Elixir.Float", "ceil", "[-0.5]", "-0.0"},
    {"Elixir.Float", "floor", "[12.0]", "12.0"},
    {"Elixir.Float", "round", "[1.5, 16]",
     "!ArgumentError: precision 16 is out of valid range of 0..15"},
    {"Elixir.Float", "round", "[1, 1]",
     "!FunctionClauseError: no function clause matching in Float.round/2"},
    {"Elixir.Float", "to_string", "[1.0e20]", "\"1.0e20\""},
    {"Elixir.Float", "to_string", "[0.1]", "\"0.1\""},
    {"Elixir.Float", "parse", "[\"1.5abc\"]", "{1.5, \"abc\"}"},
    {"Elixir.Float", "parse", "[\"1e3\"]", "{1000.0, \"\"}"},
    {"Elixir.Float", "parse", "[\"1.5e\"]", "{1.5, \"e\"}"},
    {"Elixir.Float", "parse", "[\".5\"]", ":error"},
    {"Elixir.Float", "parse", "[\"-2\"]", "{-2.0, \"\"}"},
    {"Elixir.String", "length", "[\"héllo\"]", "5"},
    {"Elixir.String", "length", "[\"éx\"]", "2"},
    {"Elixir.String", "upcase", "[\"straße\"]", "\"STRASSE\""},
    {"Elixir.String", "downcase", "[\"ÀÉÎ\"]", "\"àéî\""},
    {"Elixir.String", "upcase", "[1]",
     "!FunctionClauseError: no function clause matching in String.upcase/2"},
    {"Elixir.String", "capitalize", "[\"éLLO wORLD\"]", "\"Éllo world\""},
    {"Elixir.String", "split", "[\"  a  b\\n c \"]", "[\"a\", \"b\", \"c\"]"},
    {"ember_string", "split", "[\"a,b,,c,\", \",\"]", "[\"a\", \"b\", \"\", \"c\", \"\"]"},
    {"ember_string", "split", "[\"a,b,,c,\", \",\", [trim: true]]", "[\"a\", \"b\", \"c\"]"},
    {"ember_string", "split", "[\"a,b,,c,\", \",\", [parts: 2]]", "[\"a\", \"b,,c,\"]"},
    {"ember_string", "split", "[\" a b c \", \" \", [trim: true, parts: 2]]", "[\"a\", \"b c \"]"},
    {"ember_string", "split", "[\"a,b;c\", [\",\", \";\"]]", "[\"a\", \"b\", \"c\"]"},
    {"ember_string", "split", "[\"abc\", \"\"]", "[\"\", \"a\", \"b\", \"c\", \"\"]"},
    {"ember_string", "split", "[\"abc\", \"\", [trim: true]]", "[\"a\", \"b\", \"c\"]"},
    {"ember_string", "split", "[\"abc\", \"\", [parts: 2]]", "[\"\", \"abc\"]"},
    {"ember_string", "split", "[\"\", \",\"]", "[\"\"]"},
    {"ember_string", "split", "[\"\", \",\", [trim: true]]", "[]"},
    {"Elixir.String", "trim", "[\"\\t hi \\n\"]", "\"hi\""},
    {"Elixir.String", "trim", "[\"xxaxx\", \"x\"]", "\"a\""},
    {"Elixir.String", "trim_leading", "[\"xyxyaxy\", \"xy\"]", "\"axy\""},
    {"Elixir.String", "trim_trailing", "[\"  a  \"]", "\"  a\""},
    {"Elixir.String", "slice", "[\"héllo\", 1..-1]", "\"éllo\""},
    {"Elixir.String", "slice", "[\"héllo\", -3..-1]", "\"llo\""},
    {"Elixir.String", "slice", "[\"héllo\", 3..1]", "\"\""},
    {"Elixir.String", "slice", "[\"héllo\", 1..3//2]", "\"él\""},
    {"Elixir.String", "slice", "[\"héllo\", 2..10]", "\"llo\""},
    {"Elixir.String", "slice", "[\"héllo\", -2, 5]", "\"lo\""},
    {"Elixir.String", "slice", "[\"héllo\", 5, 1]", "\"\""},
    {"Elixir.String", "at", "[\"abc\", -1]", "\"c\""},
    {"Elixir.String", "at", "[\"abc\", 3]", "nil"},
    {"Elixir.String", "first", "[\"héllo\"]", "\"h\""},
    {"Elixir.String", "last", "[\"\"]", "nil"},
    {"Elixir.String", "reverse", "[\"héllo\"]", "\"olléh\""},
    {"Elixir.String", "to_integer", "[\"42\"]", "42"},
    {"Elixir.String", "to_integer", "[\"4x\"]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not a textual representation of an integer\n"},
    {"Elixir.String", "to_integer", "[\"ff\", 16]", "255"},
    {"Elixir.String", "to_float", "[\"1.5\"]", "1.5"},
    {"Elixir.String", "to_float", "[\"1\"]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not a textual representation of a float\n"},
    {"Elixir.String", "to_atom", "[\"hello world\"]", ":\"hello world\""},
    {"Elixir.String", "contains?", "[\"hello\", \"ll\"]", "true"},
    {"Elixir.String", "contains?", "[\"hello\", [\"x\", \"lo\"]]", "true"},
    {"Elixir.String", "contains?", "[\"hello\", \"\"]", "true"},
    {"Elixir.String", "starts_with?", "[\"hello\", \"he\"]", "true"},
    {"Elixir.String", "ends_with?", "[\"hello\", [\"x\", \"lo\"]]", "true"},
    {"ember_string", "replace", "[\"a.b.c\", \".\", \"-\"]", "\"a-b-c\""},
    {"ember_string", "replace", "[\"aaa\", \"a\", \"b\", [global: false]]", "\"baa\""},
    {"ember_string", "replace", "[\"abc\", \"\", \"-\"]", "\"-a-b-c-\""},
    {"Elixir.String", "duplicate", "[\"ab\", 3]", "\"ababab\""},
    {"Elixir.String", "graphemes", "[\"éx\"]", "[\"é\", \"x\"]"},
    {"Elixir.String", "codepoints", "[\"éx\"]", "[\"e\", \"́\", \"x\"]"},
    {"Elixir.String", "pad_leading", "[\"abc\", 7, \"12\"]", "\"1212abc\""},
    {"Elixir.String", "pad_trailing", "[\"abc\", 5]", "\"abc  \""},
    {"Elixir.String", "pad_leading", "[\"abc\", 2]", "\"abc\""},
    {"Elixir.String", "split_at", "[\"héllo\", -2]", "{\"hél\", \"lo\"}"},
    {"Elixir.String", "split_at", "[\"héllo\", 10]", "{\"héllo\", \"\"}"},
    {"Elixir.String", "to_charlist", "[\"hé\"]", "[104, 233]"},
    {"Elixir.String", "valid?", "[\"abc\"]", "true"},
    {"Elixir.List", "first", "[[]]", "nil"},
    {"Elixir.List", "first", "[[1, 2]]", "1"},
    {"Elixir.List", "last", "[[1, 2]]", "2"},
    {"Elixir.List", "first", "[1]",
     "!FunctionClauseError: no function clause matching in List.first/2"},
    {"Elixir.List", "flatten", "[[1, [2, [3, []]], 4]]", "[1, 2, 3, 4]"},
    {"Elixir.List", "flatten", "[[1, [2]], [3]]", "[1, 2, 3]"},
    {"Elixir.List", "wrap", "[nil]", "[]"},
    {"Elixir.List", "wrap", "[1]", "[1]"},
    {"Elixir.List", "duplicate", "[:x, 3]", "[:x, :x, :x]"},
    {"Elixir.List", "insert_at", "[[1, 2, 3], 1, 0]", "[1, 0, 2, 3]"},
    {"Elixir.List", "insert_at", "[[1, 2, 3], -1, 0]", "[1, 2, 3, 0]"},
    {"Elixir.List", "insert_at", "[[1, 2, 3], -10, 0]", "[0, 1, 2, 3]"},
    {"Elixir.List", "insert_at", "[[1, 2, 3], 10, 0]", "[1, 2, 3, 0]"},
    {"Elixir.List", "delete", "[[1, 2, 1], 1]", "[2, 1]"},
    {"Elixir.List", "delete_at", "[[1, 2, 3], -1]", "[1, 2]"},
    {"Elixir.List", "delete_at", "[[1, 2, 3], 5]", "[1, 2, 3]"},
    {"Elixir.List", "replace_at", "[[1, 2, 3], 1, :x]", "[1, :x, 3]"},
    {"Elixir.List", "pop_at", "[[1, 2, 3], 0]", "{1, [2, 3]}"},
    {"Elixir.List", "pop_at", "[[1, 2, 3], 5, :d]", "{:d, [1, 2, 3]}"},
    {"Elixir.List", "zip", "[[[1, 2, 3], [:a, :b]]]", "[{1, :a}, {2, :b}]"},
    {"Elixir.List", "to_tuple", "[[1, 2]]", "{1, 2}"},
    {"Elixir.List", "to_string", "['hé']", "\"hé\""},
    {"Elixir.List", "to_integer", "['123']", "123"},
    {"Elixir.List", "keyfind", "[[a: 1, b: 2], :b, 0]", "{:b, 2}"},
    {"Elixir.List", "keyfind", "[[{1, :a}], 1.0, 0]", "{1, :a}"},
    {"Elixir.List", "keyfind", "[[a: 1], :c, 0, :none]", ":none"},
    {"Elixir.List", "keymember?", "[[a: 1], :a, 0]", "true"},
    {"Elixir.List", "keydelete", "[[a: 1, b: 2, a: 3], :a, 0]", "[b: 2, a: 3]"},
    {"Elixir.List", "keyreplace", "[[a: 1, b: 2], :b, 0, {:b, 9}]", "[a: 1, b: 9]"},
    {"Elixir.List", "keystore", "[[a: 1], :c, 0, {:c, 3}]", "[a: 1, c: 3]"},
    {"Elixir.List", "keytake", "[[a: 1, b: 2], :b, 0]", "{{:b, 2}, [a: 1]}"},
    {"Elixir.List", "keysort", "[[{2, :a}, {1, :b}, {2, :c}, {1, :d}], 0]",
     "[{1, :b}, {1, :d}, {2, :a}, {2, :c}]"},
    {"Elixir.List", "starts_with?", "[[1, 2, 3], [1, 2]]", "true"},
    {"Elixir.List", "improper?", "[[1 | 2]]", "true"},
    {"Elixir.Tuple", "to_list", "[{1, 2}]", "[1, 2]"},
    {"Elixir.Tuple", "append", "[{1}, 2]", "{1, 2}"},
    {"Elixir.Tuple", "duplicate", "[:a, 3]", "{:a, :a, :a}"},
    {"Elixir.Tuple", "insert_at", "[{1, 2}, 1, :x]", "{1, :x, 2}"},
    {"Elixir.Tuple", "delete_at", "[{1, 2, 3}, 0]", "{2, 3}"},
    {"Elixir.Tuple", "delete_at", "[{1}, 3]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: out of range\n"},
    {"Elixir.Tuple", "sum", "[{1, 2.5}]", "3.5"},
    {"Elixir.Tuple", "product", "[{2, 3}]", "6"},
    {"Elixir.Map", "get", "[%{a: 1}, :a]", "1"},
    {"Elixir.Map", "get", "[%{a: 1}, :b, 0]", "0"},
    {"Elixir.Map", "get", "[1, :a]", "!BadMapError: expected a map, got: 1"},
    {"Elixir.Map", "put", "[%{a: 1}, :b, 2]", "%{a: 1, b: 2}"},
    {"Elixir.Map", "fetch", "[%{a: 1}, :a]", "{:ok, 1}"},
    {"Elixir.Map", "fetch", "[%{a: 1}, :b]", ":error"},
    {"Elixir.Map", "fetch!", "[%{a: 1}, :b]", "!KeyError: key :b not found in: %{a: 1}"},
    {"Elixir.Map", "has_key?", "[%{a: 1}, :a]", "true"},
    {"Elixir.Map", "keys", "[%{b: 1, a: 2}]", "[:a, :b]"},
    {"Elixir.Map", "values", "[%{b: 1, a: 2}]", "[2, 1]"},
    {"Elixir.Map", "delete", "[%{a: 1, b: 2}, :a]", "%{b: 2}"},
    {"Elixir.Map", "merge", "[%{a: 1, b: 2}, %{b: 3, c: 4}]", "%{a: 1, b: 3, c: 4}"},
    {"Elixir.Map", "to_list", "[%{a: 1, b: 2}]", "[a: 1, b: 2]"},
    {"Elixir.Map", "from_struct", "[1..2]", "%{first: 1, last: 2, step: 1}"},
    {"Elixir.Map", "take", "[%{a: 1, b: 2, c: 3}, [:a, :c, :z]]", "%{a: 1, c: 3}"},
    {"Elixir.Map", "drop", "[%{a: 1, b: 2, c: 3}, [:a, :z]]", "%{b: 2, c: 3}"},
    {"Elixir.Map", "put_new", "[%{a: 1}, :a, 2]", "%{a: 1}"},
    {"Elixir.Map", "pop", "[%{a: 1}, :a]", "{1, %{}}"},
    {"Elixir.Map", "pop", "[%{a: 1}, :b, 0]", "{0, %{a: 1}}"},
    {"Elixir.Map", "split", "[%{a: 1, b: 2}, [:a]]", "{%{a: 1}, %{b: 2}}"},
    {"Elixir.Map", "equal?", "[%{a: 1}, %{a: 1.0}]", "false"},
    {"Elixir.Map", "replace", "[%{a: 1}, :b, 2]", "%{a: 1}"},
    {"Elixir.Map", "replace!", "[%{a: 1}, :b, 2]", "!KeyError: key :b not found in: %{a: 1}"},
    {"maps", "from_list", "[[{:a, 1}, {:a, 2}, {:b, 3}]]", "%{a: 2, b: 3}"},
    {"erlang", "element", "[1, {:a, :b}]", ":a"},
    {"erlang", "setelement", "[2, {:a, :b}, :c]", "{:a, :c}"},
    {"erlang", "tuple_to_list", "[{1, 2}]", "[1, 2]"},
    {"erlang", "list_to_tuple", "[[1, 2]]", "{1, 2}"},
    {"erlang", "make_tuple", "[2, :x]", "{:x, :x}"},
    {"erlang", "atom_to_binary", "[:hello]", "\"hello\""},
    {"erlang", "binary_to_atom", "[\"hello\", :utf8]", ":hello"},
    {"erlang", "integer_to_binary", "[255, 2]", "\"11111111\""},
    {"erlang", "binary_to_integer", "[\"-12\"]", "-12"},
    {"erlang", "float_to_binary", "[1.5]", "\"1.50000000000000000000e+00\""},
    {"erlang", "float_to_binary", "[2.5, [decimals: 0]]", "\"3\""},
    {"erlang", "float_to_binary", "[0.125, [decimals: 2]]", "\"0.13\""},
    {"erlang", "float_to_binary", "[1.5, [:compact, decimals: 4]]", "\"1.5\""},
    {"erlang", "float_to_binary", "[1234.5, [scientific: 2]]", "\"1.23e+03\""},
    {"erlang", "float_to_binary", "[1.5e15, [:short]]", "\"1.5e15\""},
    {"erlang", "float_to_binary", "[0.00125, [:short]]", "\"0.00125\""},
    {"erlang", "float_to_binary", "[1.0e256, [decimals: 0]]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 2nd argument: invalid option in list\n"},
    {"erlang", "float_to_binary", "[1.0, [:bad]]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 2nd argument: invalid option in list\n"},
    {"erlang", "map_get", "[:a, %{a: 1}]", "1"},
    {"erlang", "map_get", "[:b, %{a: 1}]", "!KeyError: key :b not found in: %{a: 1}"},
    {"erlang", "is_map_key", "[:a, %{a: 1}]", "true"},
    {"erlang", "error", "[:badarg]", "!ArgumentError: argument error"},
    {"Elixir.String", "upcase", "[\"ﬁ ŉ\"]", "\"FI ʼN\""},
    {"Elixir.String", "downcase", "[\"İ\"]", "\"i̇\""},
    {"Elixir.String", "capitalize", "[\"ﬁx\"]", "\"Fix\""},
    {"Elixir.String", "normalize", "[\"é\", :nfd]", "\"e\xcc\x81\""},
    {"Elixir.String", "equivalent?", "[\"e\xcc\x81\", \"é\"]", "true"},
    {"Elixir.String", "jaro_distance", "[\"martha\", \"marhta\"]", "0.9444444444444445"},
    {"Elixir.String", "jaro_distance", "[\"\", \"\"]", "1.0"},
    {"erlang", "iolist_to_binary", "[[1, \"ab\", [99, [100]], \"e\"]]",
     "<<1, 97, 98, 99, 100, 101>>"},
    {"erlang", "binary_to_list", "[\"hé\"]", "[104, 195, 169]"},
    {"erlang", "atom_to_list", "[:abc]", "'abc'"},
    {"lists", "reverse", "[[1, 2, 3]]", "[3, 2, 1]"},
    {"lists", "reverse", "[[1, 2], [3]]", "[2, 1, 3]"},
    {"lists", "sort", "[[3, :a, 1.0, 1, \"x\", [1], {2}]]", "[1.0, 1, 3, :a, {2}, [1], \"x\"]"},
    {"lists", "usort", "[[3, 1, 2, 1]]", "[1, 2, 3]"},
    {"lists", "keysort", "[2, [{:a, 2}, {:b, 1}, {:c, 2}]]", "[b: 1, a: 2, c: 2]"},
    {"lists", "seq", "[1, 10, 3]", "[1, 4, 7, 10]"},
    {"lists", "seq", "[5, 1, -2]", "[5, 3, 1]"},
    {"lists", "seq", "[1, 0]", "[]"},
    {"lists", "nth", "[2, [:a, :b]]", ":b"},
    {"lists", "keyfind", "[:b, 1, [a: 1, b: 2]]", "{:b, 2}"},
    {"lists", "keyfind", "[:z, 1, [a: 1]]", "false"},
    {"lists", "member", "[1.0, [1]]", "false"},
    {"lists", "append", "[[[1], [2, 3], []]]", "[1, 2, 3]"},
    {"lists", "flatten", "[[1, [2, [3]]]]", "[1, 2, 3]"},
    {"lists", "duplicate", "[2, :a]", "[:a, :a]"},
    {"lists", "sum", "[[1, 2, 3.5]]", "6.5"},
    {"lists", "max", "[[1, 3, 2]]", "3"},
    {"lists", "min", "[[1, 3, 2]]", "1"},
    {"lists", "last", "[[1, 2]]", "2"},
    {"lists", "zip", "[[1, 2], [:a, :b]]", "[{1, :a}, {2, :b}]"},
    {"lists", "sublist", "[[1, 2, 3], 2]", "[1, 2]"},
    {"lists", "sublist", "[[1, 2, 3, 4], 2, 2]", "[2, 3]"},
    {"lists", "split", "[1, [1, 2, 3]]", "{[1], [2, 3]}"},
    {"lists", "nthtail", "[2, [1, 2, 3]]", "[3]"},
    {"math", "sqrt", "[16]", "4.0"},
    {"math", "sqrt", "[-1]", "!ArithmeticError: bad argument in arithmetic expression"},
    {"math", "pow", "[2, 10]", "1024.0"},
    {"math", "log", "[0]", "!ArithmeticError: bad argument in arithmetic expression"},
    {"math", "log2", "[8]", "3.0"},
    {"math", "log10", "[1000]", "3.0"},
    {"math", "exp", "[0]", "1.0"},
    {"math", "sin", "[0]", "0.0"},
    {"math", "atan2", "[1, 1]", "0.7853981633974483"},
    {"math", "floor", "[-1.5]", "-2.0"},
    {"math", "ceil", "[1.2]", "2.0"},
    {"math", "fmod", "[7.5, 2]", "1.5"},
    // Bitwise, Base, :binary (vm/bi_bitwise.c, vm/bi_base.c, vm/bi_erlang_binary.c)
    {"erlang", "band", "[12, 10]", "8"},
    {"erlang", "bsl", "[1, 64]", "18446744073709551616"},
    {"erlang", "bsr", "[-1, 3]", "-1"},
    {"erlang", "bnot", "[1.0]", "!ArithmeticError: bad argument in arithmetic expression"},
    {"Elixir.Bitwise", "bxor", "[-6, 13]", "-9"},
    {"Elixir.Bitwise", "&&&", "[18446744073709551615, 4294967296]", "4294967296"},
    {"Elixir.Bitwise", "~~~", "[0]", "-1"},
    {"Elixir.Bitwise", "<<<", "[1, 1.0]",
     "!ArithmeticError: bad argument in arithmetic expression"},
    {"Elixir.Base", "encode16", "[\"a~\", [case: :lower]]", "\"617e\""},
    {"Elixir.Base", "decode16", "[\"zz\"]", ":error"},
    {"Elixir.Base", "decode16!", "[\"GG\"]",
     "!ArgumentError: non-alphabet character found: \"G\" (byte 71)"},
    {"Elixir.Base", "encode64", "[\"ab\", [padding: false]]", "\"YWI\""},
    {"Elixir.Base", "decode64!", "[\"YW=\"]", "!ArgumentError: incorrect padding"},
    {"Elixir.Base", "url_decode64", "[\"_-8\"]", ":error"},
    {"Elixir.Base", "encode32", "[\"f\"]", "\"MY======\""},
    {"Elixir.Base", "hex_decode32!", "[\"CO======\"]", "\"f\""},
    {"binary", "split", "[\"a,b,,c\", \",\", [:global, :trim_all]]", "[\"a\", \"b\", \"c\"]"},
    {"binary", "split", "[\"abc\", \"\"]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 2nd argument: not a valid pattern\n"},
    {"binary", "matches", "[\"banana\", \"an\"]", "[{1, 2}, {3, 2}]"},
    {"binary", "match", "[\"abc\", \"z\"]", ":nomatch"},
    {"binary", "part", "[\"abcdef\", {4, -2}]", "\"cd\""},
    {"binary", "at", "[\"abc\", 3]", "!ArgumentError: argument error"},
    {"binary", "first", "[\"\"]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: a zero-sized binary is not allowed\n"},
    {"binary", "copy", "[\"ab\", 3]", "\"ababab\""},
    {"binary", "bin_to_list", "[\"abc\", {4, 0}]", "!ArgumentError: argument error"},
    {"binary", "list_to_bin", "[[97, \"b\"]]", "\"ab\""},
    {"binary", "replace", "[\"a.b.c\", \".\", \"-\", [:global]]", "\"a-b-c\""},
    {"Elixir.String", "next_grapheme", "[\"éx\"]", "{\"é\", \"x\"}"},
    {"Elixir.String", "next_grapheme", "[\"\"]", "nil"},
    {"Elixir.String", "next_codepoint", "[\"éx\"]", "{\"é\", \"x\"}"},
    {"Elixir.String", "replace_prefix", "[\"hello\", \"he\", \"HE\"]", "\"HEllo\""},
    {"Elixir.String", "replace_prefix", "[\"hello\", \"x\", \"HE\"]", "\"hello\""},
    {"Elixir.String", "replace_prefix", "[\"hello\", \"\", \"X\"]", "\"Xhello\""},
    {"Elixir.String", "replace_suffix", "[\"hello\", \"lo\", \"LO\"]", "\"helLO\""},
    {"Elixir.String", "replace_leading", "[\"aaab\", \"a\", \"x\"]", "\"xxxb\""},
    {"Elixir.String", "replace_trailing", "[\"baaa\", \"a\", \"xy\"]", "\"bxyxyxy\""},
    {"Elixir.String", "replace_leading", "[\"aaab\", \"\", \"x\"]",
     "!ArgumentError: cannot use an empty string as the match to replace"},
    {"Elixir.String", "trim", "[\"  héllo　 \"]", "\"héllo\""},
    {"ember_string", "split", "[\"a  b\", \" \"]", "[\"a\", \"\", \"b\"]"},
    {"ember_string", "split", "[\"abcabc\", [\"ab\", \"abc\"]]", "[\"\", \"\", \"\"]"},
    {"Elixir.Kernel", "=~", "[\"hello\", \"ell\"]", "true"},
    {"ember_exception", "default_message",
     "[%{__struct__: RuntimeError, __exception__: true, message: \"m\"}]",
     "\"m\""},
    {"Elixir.Atom", "to_string", "[:\"hello world\"]", "\"hello world\""},
    {"Elixir.Integer", "to_string", "[-123456789012345678901234567890, 36]",
     "\"-BYW97UM9S91DLZ68TSI\""},
    {"Elixir.Integer", "parse", "[\"123456789012345678901234567890xyz\"]",
     "{123456789012345678901234567890, \"xyz\"}"},
    {"Elixir.Kernel", "abs", "[-123456789012345678901234567890]", "123456789012345678901234567890"},
    {"Elixir.Kernel", "div", "[-123456789012345678901234567890, 7]",
     "-17636684144620811271604938270"},
    {"Elixir.Kernel", "rem", "[-123456789012345678901234567890, 7]", "0"},
    {"Elixir.Kernel", "round", "[-1.0e30]", "-1000000000000000019884624838656"},
    {"Elixir.Kernel", "trunc", "[12345678901234567890.0]", "12345678901234567168"},
    {"Elixir.Kernel", "max", "[[1], {1}]", "[1]"},
    {"Elixir.Kernel", "is_function", "[1, 1]", "false"},
    {"Elixir.Kernel", "is_exception",
     "[%{__struct__: RuntimeError, __exception__: true, message: \"m\"}]",
     "true"},
    {"Elixir.Kernel", "is_exception", "[%{}]", "false"},
    {"Elixir.Kernel", "-", "[5]", "-5"},
    {"Elixir.Kernel", "raise", "[%{__struct__: RuntimeError, __exception__: true, message: \"m\"}]",
     "!RuntimeError: m"},
    {"Elixir.Kernel", "raise", "[1]",
     "!ArgumentError: raise/1 and reraise/2 expect a module name, string or exception as the "
     "first argument, got: 1"},
    {"Elixir.IO", "iodata_to_binary", "[[\"a\", [98, 99], \"d\"]]", "\"abcd\""},
    {"Elixir.IO", "iodata_length", "[[\"ab\", [99]]]", "3"},
    {"Elixir.IO", "chardata_to_string", "[[104, 233, \"!\"]]", "\"hé!\""},
    {"Elixir.String", "to_existing_atom", "[\"zzz_never_seen_atom_123\"]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not an already existing atom\n"},
    {"Elixir.String", "to_existing_atom", "[\"ok\"]", ":ok"},
    {"Elixir.List", "to_atom", "['abc']", ":abc"},
    {"Elixir.Map", "has_key?", "[%{1 => :a}, 1.0]", "false"},
    {"Elixir.Map", "get", "[%{1 => :a}, 1]", ":a"},
    {"ember_enum", "uniq_pairs", "[[{1, :a}, {1.0, :b}, {1, :c}, {2, :d}]]", "[:a, :b, :d]"},
    {"ember_enum", "frequencies", "[[:a, :b, :a, 1, 1.0]]",
     "%{1 => 1, 1.0 => 1, :a => 2, :b => 1}"},
    {"ember_enum", "group_pairs", "[[{:x, 1}, {:y, 2}, {:x, 3}]]", "%{x: [1, 3], y: [2]}"},
    {"ember_string", "split", "[\"\", \"\"]", "[\"\", \"\"]"},
    {"ember_string", "split", "[\"abc\", \"\", [parts: 3]]", "[\"\", \"a\", \"bc\"]"},
    {"ember_string", "split", "[\"a,b,c\", \",\", [parts: 1]]", "[\"a,b,c\"]"},
    {"ember_string", "split", "[\",a,\", \",\", [trim: true, parts: 2]]", "[\"a\"]"},
    {"ember_string", "replace", "[\"abab\", [\"a\", \"b\"], \"x\"]", "\"xxxx\""},
    {"ember_string", "replace", "[\"héllo\", \"l\", \"\", [global: true]]", "\"héo\""},
    {"Elixir.String", "slice", "[\"hello\", 1..3//-1]",
     "!ArgumentError: String.slice/2 does not accept ranges with negative steps, got: 1..3//-1"},
    {"Elixir.String", "slice", "[\"\", 0..1]", "\"\""},
    {"Elixir.String", "pad_leading", "[\"é\", 3, \"ab\"]", "\"abé\""},
    {"Elixir.String", "trim_trailing", "[\"abc\\r\\n\"]", "\"abc\""},
    {"Elixir.String", "trim_leading", "[\" abc\"]", "\"abc\""},
    {"Elixir.String", "capitalize", "[\"ßa\"]", "\"Ssa\""},
    {"Elixir.String", "upcase", "[\"ǆ\"]", "\"Ǆ\""},
    {"Elixir.String", "downcase", "[\"ΑΣ\"]", "\"ασ\""},
    {"Elixir.String", "reverse", "[\"éa\"]", "\"aé\""},
    {"Elixir.String", "length", "[\"👍🏽!\"]", "2"},
    {"Elixir.String", "graphemes", "[\"🇫🇷🇩🇪\"]", "[\"🇫🇷\", \"🇩🇪\"]"},
    {"Elixir.Integer", "to_string", "[5, 37]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 2nd argument: not an integer in the range 2 through 36\n"},
    {"Elixir.Integer", "parse", "[\"12\", 37]", "!ArgumentError: invalid base 37"},
    {"Elixir.Integer", "digits", "[0]", "[0]"},
    {"Elixir.Integer", "digits", "[-10, 3]", "[-1, 0, -1]"},
    {"Elixir.Float", "parse", "[\"1.0e-3x\"]", "{0.001, \"x\"}"},
    {"Elixir.Float", "parse", "[\"-0.0\"]", "{-0.0, \"\"}"},
    {"Elixir.Float", "round", "[1.005, 2]", "1.0"},
    {"Elixir.Float", "round", "[2.675, 2]", "2.67"},
    {"Elixir.Float", "ceil", "[-1.5, 1]", "-1.5"},
    {"Elixir.Float", "floor", "[1.999999, 5]", "1.99999"},
    {"Elixir.Float", "to_string", "[-0.0]", "\"-0.0\""},
    {"Elixir.Float", "to_string", "[1.0e-7]", "\"1.0e-7\""},
    {"Elixir.Float", "to_string", "[123456789.123]", "\"123456789.123\""},
    {"Elixir.Kernel", "round", "[0.5]", "1"},
    {"Elixir.Kernel", "trunc", "[-0.5]", "0"},
    {"ember_chars", "to_string", "[1.0e16]", "\"1.0e16\""},
    {"Elixir.Kernel", "inspect", "[[\"a\", 'b', :c, 1.5], [limit: :infinity]]",
     "\"[\\\"a\\\", 'b', :c, 1.5]\""},
    {"Elixir.Kernel", "inspect", "[[1, 2, 3], [charlists: :as_lists]]", "\"[1, 2, 3]\""},
    {"Elixir.Kernel", "inspect", "[[97, 98], [charlists: :as_lists]]", "\"[97, 98]\""},
    {"Elixir.List", "flatten", "[[[1, [2]], [[3]], []]]", "[1, 2, 3]"},
    {"Elixir.List", "keysort", "[[{:b, 1}, {:a, 1}, {:c, 0}], 1]", "[c: 0, b: 1, a: 1]"},
    {"Elixir.List", "insert_at", "[[], 0, :x]", "[:x]"},
    {"Elixir.List", "replace_at", "[[1, 2], -3, :x]", "[1, 2]"},
    {"Elixir.List", "zip", "[[]]", "[]"},
    {"Elixir.Map", "merge", "[%{a: 1}, 5]", "!BadMapError: expected a map, got: 5"},
    {"Elixir.Map", "pop", "[%{1 => :a}, 1.0]", "{nil, %{1 => :a}}"},
    {"Elixir.Tuple", "insert_at", "[{1, 2}, 2, :x]", "{1, 2, :x}"},
    {"Elixir.Tuple", "append", "[1, 2]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not a tuple\n"},
    {"lists", "seq", "[1, 2, 0]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 3rd argument: not a positive increment\n"},
    {"lists", "seq", "[3, 1]", "!FunctionClauseError: no function clause matching in :lists.seq/2"},
    {"lists", "usort", "[[1, 1.0, 1]]", "[1]"},
    {"lists", "keyfind", "[1.0, 1, [{1, :a}]]", "{1, :a}"},
    {"lists", "sort", "[[{1, 2}, {1, 1}, {0, 5}]]", "[{0, 5}, {1, 1}, {1, 2}]"},
    {"erlang", "list_to_binary", "[[1, 256]]",
     "!ArgumentError: errors were found at the given arguments:\n"
     "\n  * 1st argument: not an iolist term\n"},
    {"erlang", "iolist_to_binary", "[[\"a\" | \"b\"]]", "\"ab\""},
    {"erlang", "binary_to_integer", "[\"ff\", 16]", "255"},
    {"erlang", "atom_to_binary", "[:\"héllo\"]", "\"héllo\""},
    {"math", "pow", "[10, 400]", "!ArithmeticError: bad argument in arithmetic expression"},
    {"math", "sqrt", "[2.25]", "1.5"},
    {"Elixir.String", "trim", "[\" a \"]", "\"a\""},
    {"Elixir.String", "split", "[\"a b c\"]", "[\"a b\", \"c\"]"},
    {"ember_string", "split", "[\"\", \"\", [trim: true]]", "[]"},
    {"ember_string", "split", "[\"\", \"a\"]", "[\"\"]"},
};

// Appends inspect([t]) with Elixir's defaults.
static void show(Term t, StrBuf *out)
{
    InspectOpts opts = inspect_default_opts();
    inspect_term(vm, t, &opts, out);
}

// Renders the outcome of a call that returned [r]: inspect text or "!Module: message".
static void render_outcome(Term r, StrBuf *out)
{
    if (r != TERM_NONE) {
        show(r, out);
        return;
    }
    Term exc = proc->exc_reason;
    Term name = map_struct_name(exc);
    const char *text = name == TERM_NONE ? "?" : atom_name(vm->atoms, term_to_atom(name), NULL);
    strbuf_printf(out, "!%s: ", strncmp(text, "Elixir.", 7) == 0 ? text + 7 : text);
    Term msg = error_message(proc, exc);
    size_t size;
    const uint8_t *bytes = term_binary_bytes(msg, &size);
    strbuf_append(out, bytes, size);
    proc->exc_kind = TERM_NONE;
}

// Runs [c] and returns true when the outcome matches; reports a mismatch otherwise.
static bool run_case(const Case *c)
{
    BuiltinId id;
    Term args = fixture_parse(proc, c->args);
    cr_assert_neq(args, TERM_NONE, "cannot parse %s", c->args);
    Term argv[8];
    uint32_t argc = 0;
    for (; term_is_cons(args) && argc < 8; args = term_tl(args)) {
        argv[argc++] = term_hd(args);
    }
    cr_assert(builtin_find(c->module, c->name, argc, &id), "no built-in %s.%s/%u", c->module,
              c->name, argc);
    proc->exc_kind = TERM_NONE;
    Term r = builtin_table[id].fn(proc, argv);
    StrBuf out;
    strbuf_init(&out);
    render_outcome(r, &out);
    strbuf_append(&out, "", 1);
    bool ok = strcmp(out.data, c->expected) == 0;
    cr_expect(ok, "%s.%s(%s): got [%s], expected [%s]", c->module, c->name, c->args, out.data,
              c->expected);
    strbuf_free(&out);
    return ok;
}

Test(builtins, match_elixir_results)
{
    size_t failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        failures += run_case(&cases[i]) ? 0 : 1;
    }
    cr_expect_eq(failures, 0, "%zu of %zu rows differ", failures, sizeof cases / sizeof cases[0]);
}

Test(builtins, table_names_are_unique_and_found)
{
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        const BuiltinInfo *b = &builtin_table[i];
        BuiltinId id;
        cr_assert(builtin_find(b->module, b->name, b->arity, &id));
        cr_expect_eq(id, (BuiltinId)i, "duplicate row %s.%s/%u", b->module, b->name, b->arity);
    }
    BuiltinId id;
    cr_expect_not(builtin_find("Elixir.Kernel", "no_such_function", 1, &id));
}

// The suite's setup and teardown run around this test's own .init as well.
Test(builtins, io_puts_writes_one_line, .init = cr_redirect_stdout)
{
    Term arg = fixture_parse(proc, "[\"a\", [98, \"c\"], 100]");
    Term r = bi_io_puts_1(proc, &arg);
    cr_expect_eq(r, fixture_atom(vm, "ok"));
    Term n = fixture_parse(proc, "42");
    bi_io_write_1(proc, &n);
    Term items[2] = {fixture_parse(proc, "[1, 2]"), fixture_parse(proc, "[label: \"xs\"]")};
    cr_expect_eq(bi_io_inspect_2(proc, items), items[0]);
    fflush(stdout);
    cr_assert_stdout_eq_str("abcd\n42xs: [1, 2]\n");
}

Test(builtins, sort_is_stable_and_ordered)
{
    Term arg = fixture_parse(proc, "[3, 1.0, :a, 1, [], {}, \"s\", %{}, 2]");
    Term r = bi_lists_sort_1(proc, &arg);
    StrBuf out;
    strbuf_init(&out);
    show(r, &out);
    strbuf_append(&out, "", 1);
    cr_expect_str_eq(out.data, "[1.0, 1, 2, 3, :a, {}, %{}, [], \"s\"]");
    strbuf_free(&out);
}

Test(builtins, deep_iodata_does_not_recurse_on_the_c_stack)
{
    Term t = TERM_NIL;
    for (int i = 0; i < 100000; i++) {
        t = term_make_cons(proc, t, term_make_cons(proc, term_from_small('x'), TERM_NIL));
    }
    Term r = bi_io_iodata_length_1(proc, &t);
    cr_expect_eq(r, term_from_small(100000));
}

// __info__(:functions)'s merge: the Ember-defined list and the module's built-in rows, sorted by
// name then arity, a name/arity listed by both kept once, hidden "__" rows left out.
Test(builtins, module_functions_merges_sorts_and_dedups)
{
    Term args[2] = {fixture_parse(proc, ":\"Elixir.Tuple\""),
                    fixture_parse(proc, "[{:zzz, 1}, {:to_list, 1}, {:append, 3}, {:a, 0}]")};
    Term r = bi_ember_code_module_functions_2(proc, args);
    StrBuf out;
    strbuf_init(&out);
    show(r, &out);
    strbuf_append(&out, "", 1);
    cr_expect_str_eq(out.data, "[a: 0, append: 2, append: 3, delete_at: 2, duplicate: 2, "
                               "insert_at: 3, product: 1, sum: 1, to_list: 1, zzz: 1]");
    strbuf_free(&out);
    Term bad[2] = {fixture_parse(proc, "1"), TERM_NIL};
    proc->exc_kind = TERM_NONE;
    cr_expect_eq(bi_ember_code_module_functions_2(proc, bad), TERM_NONE);
    proc->exc_kind = TERM_NONE;
}
