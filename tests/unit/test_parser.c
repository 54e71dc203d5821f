// Unit tests for the parser (compiler/parser.y + parse.c): source text in, the quoted form printed
// by ast_print out, compared with what Elixir 1.14 prints; plus the first-error diagnostics.
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "parse.h"

typedef struct ParseCase {
    char src[64];
    char want[320];
} ParseCase;

typedef struct ErrorCase {
    char src[32];
    char kind[24];
    unsigned line;
    unsigned col;
    char message[96];
} ErrorCase;

TestSuite(parser, .timeout = 10);

// Parses [src] and returns what ast_print writes (malloc'd), or NULL with [d] filled.
static char *quoted(const char *src, Diag *d)
{
    Arena *arena = arena_new();
    AstNode *root = parse_source(arena, src, strlen(src), "t.exs", d);
    char *text = NULL;
    size_t size = 0;
    if (root) {
        FILE *f = open_memstream(&text, &size);
        ast_print(f, root);
        fclose(f);
    }
    arena_free(arena);
    return text;
}

ParameterizedTestParameters(parser, quoted_forms)
{
    static ParseCase cases[] = {
        {"1 + 2 * 3", "{:+, [], [1, {:*, [], [2, 3]}]}"},
        {"a - b - c", "{:-, [], [{:-, [], [{:a, [], nil}, {:b, [], nil}]}, {:c, [], nil}]}"},
        {"a ++ b ++ c", "{:++, [], [{:a, [], nil}, {:++, [], [{:b, [], nil}, {:c, [], nil}]}]}"},
        {"foo -1", "{:foo, [], [{:-, [], [1]}]}"},
        {"foo - 1", "{:-, [], [{:foo, [], nil}, 1]}"},
        {"IO.puts \"hi\"", "{{:., [], [{:__aliases__, [], [:IO]}, :puts]}, [], [\"hi\"]}"},
        {"foo a, b", "{:foo, [], [{:a, [], nil}, {:b, [], nil}]}"},
        {"if x, do: y", "{:if, [], [{:x, [], nil}, [do: {:y, [], nil}]]}"},
        {"if x do 1 else 2 end", "{:if, [], [{:x, [], nil}, [do: 1, else: 2]]}"},
        {"&Mod.f/2", "{:&, [], [{:/, [], [{{:., [], [{:__aliases__, [], [:Mod]}, :f]}, [], []}, "
                     "2]}]}"},
        {"&(&1 + 1)", "{:&, [], [{:+, [], [{:&, [], [1]}, 1]}]}"},
        {"@attr 1", "{:@, [], [{:attr, [], [1]}]}"},
        {"a[b]", "{{:., [], [Access, :get]}, [], [{:a, [], nil}, {:b, [], nil}]}"},
        {"f.(1)", "{{:., [], [{:f, [], nil}]}, [], [1]}"},
        {"[1, 2 | t]", "[1, {:|, [], [2, {:t, [], nil}]}]"},
        {"%{m | a: 1}", "{:%{}, [], [{:|, [], [{:m, [], nil}, [a: 1]]}]}"},
        {"%Foo{a: 1}", "{:%, [], [{:__aliases__, [], [:Foo]}, {:%{}, [], [a: 1]}]}"},
        {"{1, 2, 3}", "{:{}, [], [1, 2, 3]}"},
        {"<<a::8>>", "{:<<>>, [], [{:\"::\", [], [{:a, [], nil}, 8]}]}"},
        {"1..10//2", "{:..//, [], [1, 10, 2]}"},
        {"a not in b",
         "{:__block__, [], [{:not, [], [{:in, [], [{:a, [], nil}, {:b, [], nil}]}]}]}"},
        {"!x", "{:__block__, [], [{:!, [], [{:x, [], nil}]}]}"},
        {"x = 1; y", "{:__block__, [], [{:=, [], [{:x, [], nil}, 1]}, {:y, [], nil}]}"},
        {"a\n|> b", "{:|>, [], [{:a, [], nil}, {:b, [], nil}]}"},
        {"a\n-1", "{:__block__, [], [{:a, [], nil}, {:-, [], [1]}]}"},
        {"fn x -> x end", "{:fn, [], [{:->, [], [[{:x, [], nil}], {:x, [], nil}]}]}"},
        {"\"a#{b}\"", "{:<<>>, [], [\"a\", {:\"::\", [], [{{:., [], [Kernel, :to_string]}, [], "
                      "[{:b, [], nil}]}, {:binary, [], nil}]}]}"},
        {"~w(a b)a", "{:sigil_w, [], [{:<<>>, [], [\"a b\"]}, [97]]}"},
        {"'ab'", "[97, 98]"},
        {"1.0e-3", "0.001"},
        {"1.0e20", "1.0e20"},
        {"99999999999999999999", "99999999999999999999"},
        {":\"foo bar\"", ":\"foo bar\""},
        {":\"Elixir.Foo\"", "Foo"},
        {"", "{:__block__, [], []}"},
        {"foo(1)(2)", "{{:foo, [], [1]}, [], [2]}"},
        {"%__MODULE__{}", "{:%, [], [{:__MODULE__, [], nil}, {:%{}, [], []}]}"},
        {"Kernel.+(1, 2)", "{{:., [], [{:__aliases__, [], [:Kernel]}, :+]}, [], [1, 2]}"},
        {"f(l, 0, &+/2)",
         "{:f, [], [{:l, [], nil}, 0, {:&, [], [{:/, [], [{:+, [], nil}, 2]}]}]}"},
        {"x = &>=/2", "{:=, [], [{:x, [], nil}, {:&, [], [{:/, [], [{:>=, [], nil}, 2]}]}]}"},
        {"&and/2", "{:&, [], [{:/, [], [{:and, [], nil}, 2]}]}"},
        {"&&&/2", "{:/, [], [{:&&&, [], nil}, 2]}"},
        {"&//2", "{:&, [], [{:/, [], [{:/, [], nil}, 2]}]}"},
        {"&not in/2", "{:&, [], [{:/, [], [{:not, [], [{:in, [], nil}]}, 2]}]}"},
        {"a + /2", "{:a, [], [{:/, [], [{:+, [], nil}, 2]}]}"},
        {"[+: 1, ...: 2]", "[+: 1, ...: 2]"},
        {"...(1)", "{:..., [], [1]}"},
        {"[{:\"<|>\", 1}, {:a@b, 2}]", "[\"<|>\": 1, a@b: 2]"},
        {"?\\s", "32"},
        {"x.\"foo\"(1)", "{{:., [], [{:x, [], nil}, :foo]}, [], [1]}"},
    };
    return cr_make_param_array(ParseCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(ParseCase *c, parser, quoted_forms)
{
    Diag d;
    char *got = quoted(c->src, &d);
    cr_assert_not_null(got, "%s: %s", c->src, d.message);
    cr_assert_str_eq(got, c->want, "source: %s", c->src);
    free(got);
}

ParameterizedTestParameters(parser, first_error)
{
    static ErrorCase cases[] = {
        {"foo(1, 2, )", "SyntaxError", 1, 11, "syntax error before: ')'"},
        {"1 )", "SyntaxError", 1, 3, "unexpected token: )"},
        {"end", "SyntaxError", 1, 1, "unexpected reserved word: end"},
        {"x = 1 2", "SyntaxError", 1, 7, "syntax error before: \"2\""},
        {"a = 1 + * 2", "SyntaxError", 1, 9, "syntax error before: '*'"},
        {"foo(:a b)", "SyntaxError", 1, 8, "syntax error before: b"},
        {"x = ", "TokenMissingError", 1, 3, "syntax error: expression is incomplete"},
        {"foo do", "TokenMissingError", 1, 7,
         "missing terminator: end (for \"do\" starting at line 1)"},
        {"(1", "TokenMissingError", 1, 3, "missing terminator: ) (for \"(\" starting at line 1)"},
        {"\"abc", "TokenMissingError", 1, 5,
         "missing terminator: \" (for string starting at line 1)"},
        {"ab$c", "SyntaxError", 1, 3, "unexpected token: \"$\" (column 3, code point U+0024)"},
        {"[a: 1, b:]", "SyntaxError", 1, 8, "keyword argument must be followed by space after: b:"},
        {"?\\x41", "SyntaxError", 1, 4, "syntax error before: \"41\""},
        {"?\\u{41}", "SyntaxError", 1, 4, "syntax error before: '{'"},
        {"1 foo?", "SyntaxError", 1, 3, "syntax error before: 'foo?'"},
        {"1 &&/2", "SyntaxError", 1, 3, "syntax error before: '&&'"},
        {"&+\n/2", "SyntaxError", 2, 1, "syntax error before: '/'"},
        {"1..//2", "SyntaxError", 1, 2, "unexpected token: \".\" (column 2, code point U+002E)"},
        {"x = a@b", "SyntaxError", 1, 5,
         "invalid character \"@\" (code point U+0040) in identifier: a@b"},
    };
    return cr_make_param_array(ErrorCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(ErrorCase *c, parser, first_error)
{
    Diag d;
    char *got = quoted(c->src, &d);
    cr_assert_null(got, "%s parsed as %s", c->src, got ? got : "");
    cr_assert_str_eq(d.kind, c->kind, "source: %s", c->src);
    cr_assert_eq(d.line, c->line, "source: %s", c->src);
    cr_assert_eq(d.col, c->col, "source: %s", c->src);
    cr_assert_str_eq(d.message, c->message, "source: %s", c->src);
    cr_assert_eq(d.incomplete, strcmp(c->kind, "TokenMissingError") == 0);
}

Test(parser, deep_nesting_is_an_error_not_a_crash)
{
    size_t n = 20000;
    char *src = malloc(2 * n + 2);
    memset(src, '(', n);
    src[n] = '1';
    memset(src + n + 1, ')', n);
    src[2 * n + 1] = '\0';
    Diag d;
    char *got = quoted(src, &d);
    cr_assert_null(got);
    cr_assert_str_eq(d.message, "nesting too deep");
    free(src);
}
