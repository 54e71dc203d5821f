// Unit tests for compiler/lexer.re: token kinds for every keyword and operator, numbers, strings
// and escapes, interpolation pieces, heredoc indentation, and Elixir-worded lexing errors.
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "parser.h"
#include "token.h"

typedef struct LexCase {
    char src[16];
    int kind;
} LexCase;

static Arena *arena;

static void setup(void)
{
    arena = arena_new();
}

static void teardown(void)
{
    arena_free(arena);
}

TestSuite(lexer, .init = setup, .fini = teardown, .timeout = 10);

// Lexes [src] (NUL-terminated) and returns the first token's kind.
static int first_kind(const char *src, Token *t, Diag *d)
{
    Lexer lx;
    char *copy = arena_strdup(arena, src, strlen(src));
    lexer_init(&lx, arena, copy, strlen(src), "t.exs", 1, 1, d);
    return lexer_next(&lx, t);
}

ParameterizedTestParameters(lexer, token_kinds)
{
    static LexCase cases[] = {
        {"true", TK_TRUE}, {"false", TK_FALSE}, {"nil", TK_NIL}, {"when", TK_WHEN_OP},
        {"and", TK_AND_OP}, {"or", TK_OR_OP}, {"not", TK_UNARY_OP}, {"in", TK_IN_OP},
        {"fn", TK_FN}, {"do", TK_DO}, {"end", TK_END}, {"else", TK_BLOCK_IDENTIFIER},
        {"rescue", TK_BLOCK_IDENTIFIER}, {"catch", TK_BLOCK_IDENTIFIER},
        {"after", TK_BLOCK_IDENTIFIER}, {"done", TK_IDENTIFIER}, {"foo?", TK_IDENTIFIER},
        {"foo!", TK_IDENTIFIER}, {"foo(", TK_PAREN_IDENTIFIER}, {"foo[", TK_BRACKET_IDENTIFIER},
        {"foo -1", TK_OP_IDENTIFIER}, {"foo - 1", TK_IDENTIFIER}, {"foo: 1", TK_KW_IDENTIFIER},
        {"do: 1", TK_KW_IDENTIFIER}, {"Foo", TK_ALIAS}, {"h\xc3\xa9llo", TK_IDENTIFIER},
        {"|>", TK_ARROW_OP}, {"<>", TK_CONCAT_OP}, {"++", TK_CONCAT_OP}, {"--", TK_CONCAT_OP},
        {"..", TK_RANGE_OP}, {"...", TK_IDENTIFIER}, {"//", TK_TERNARY_OP},
        {"=~", TK_COMP_OP}, {"&&", TK_AND_OP}, {"||", TK_OR_OP}, {"!", TK_UNARY_OP},
        {"::", TK_TYPE_OP}, {"<-", TK_IN_MATCH_OP}, {"\\\\", TK_IN_MATCH_OP},
        {"->", TK_STAB_OP}, {"=>", TK_ASSOC_OP}, {"^", TK_UNARY_OP}, {"&", TK_CAPTURE_OP},
        {"&1", TK_CAPTURE_INT}, {"@", TK_AT_OP}, {".", TK_DOT}, {".(", TK_DOT_CALL_OP},
        {"===", TK_COMP_OP}, {"!==", TK_COMP_OP}, {"==", TK_COMP_OP}, {"!=", TK_COMP_OP},
        {"<=", TK_REL_OP}, {">=", TK_REL_OP}, {"<", TK_REL_OP}, {">", TK_REL_OP},
        {"+", TK_DUAL_OP}, {"-", TK_DUAL_OP}, {"*", TK_MULT_OP}, {"/", TK_MULT_OP},
        {"**", TK_POWER_OP}, {"|", TK_PIPE_OP}, {"=", TK_MATCH_OP}, {"<<", TK_LBIT},
        {">>", TK_RBIT}, {"%{", TK_MAP_OP}, {"%", TK_PERCENT}, {";", TK_SEMI},
        {",", TK_COMMA}, {"\n", TK_EOL}, {"~w(a)", TK_SIGIL}, {":ok", TK_ATOM},
        {":+", TK_ATOM}, {":\"a b\"", TK_ATOM}, {"\"s\"", TK_STRING}, {"'c'", TK_CHARLIST},
        {"\"k\": 1", TK_KW_IDENTIFIER}, {"?a", TK_INT}, {"1.5", TK_FLT}, {"0x1F", TK_INT},
        // An operator (or operator keyword) before `/` names a function: `&+/2`, `&and/2`.
        {"+/2", TK_IDENTIFIER}, {">= /2", TK_IDENTIFIER}, {"&&&/2", TK_IDENTIFIER},
        {"and/2", TK_IDENTIFIER}, {"not /1", TK_IDENTIFIER}, {"when/2", TK_IDENTIFIER},
        {"&/2", TK_IDENTIFIER}, {"&//2", TK_CAPTURE_OP}, {"//2", TK_TERNARY_OP},
        {"..///3", TK_IDENTIFIER}, {"+\n/2", TK_DUAL_OP}, {"+: 1", TK_KW_IDENTIFIER},
        {"&: 1", TK_KW_IDENTIFIER}, {"%{}: 1", TK_KW_IDENTIFIER}, {"...(", TK_PAREN_IDENTIFIER},
        {"...[", TK_BRACKET_IDENTIFIER}, {"...: 1", TK_KW_IDENTIFIER}, {":::", TK_ATOM},
    };
    return cr_make_param_array(LexCase, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(LexCase *c, lexer, token_kinds)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind(c->src, &t, &d), c->kind, "source %s", c->src);
}

Test(lexer, integers_in_every_base)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("1_000", &t, &d), TK_INT);
    cr_assert_eq(t.ival, 1000);
    first_kind("0x1F", &t, &d);
    cr_assert_eq(t.ival, 31);
    first_kind("0o17", &t, &d);
    cr_assert_eq(t.ival, 15);
    first_kind("0b101", &t, &d);
    cr_assert_eq(t.ival, 5);
    first_kind("?\\n", &t, &d);
    cr_assert_eq(t.ival, 10);
}

Test(lexer, big_integers_keep_decimal_digits)
{
    Token t;
    Diag d;
    first_kind("123456789012345678901234567890", &t, &d);
    cr_assert(t.is_big);
    cr_assert_str_eq(t.text, "123456789012345678901234567890");
    first_kind("0xFFFFFFFFFFFFFFFFFFFF", &t, &d);
    cr_assert(t.is_big);
    cr_assert_str_eq(t.text, "1208925819614629174706175");
}

Test(lexer, floats_with_exponents)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("1.0e-3", &t, &d), TK_FLT);
    cr_assert_float_eq(t.fval, 0.001, 1e-15);
    cr_assert_eq(first_kind("1e3", &t, &d), -1);
    cr_assert(strstr(d.message, "invalid character \"e\" after number 1") != NULL);
}

Test(lexer, string_escapes_are_decoded)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("\"a\\n\\t\\e\\s\\0\\\\\\\"\\#\\x41\\u00e9\\u{1F600}\"", &t, &d),
                 TK_STRING);
    const char want[] = "a\n\t\x1b \0\\\"#A\xc3\xa9\xf0\x9f\x98\x80";
    cr_assert_eq(t.text_len, sizeof want - 1);
    cr_assert(memcmp(t.text, want, sizeof want - 1) == 0);
}

Test(lexer, interpolation_is_split_into_parts)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("\"a#{x + \"}\"}b\"", &t, &d), TK_STRING);
    cr_assert_eq(t.nparts, 3);
    cr_assert_not(t.parts[0].is_expr);
    cr_assert(t.parts[1].is_expr);
    cr_assert_eq(t.parts[1].len, strlen("x + \"}\""));
    cr_assert(memcmp(t.parts[1].text, "x + \"}\"", t.parts[1].len) == 0);
    cr_assert_eq(t.parts[1].col, 5);
}

Test(lexer, heredoc_strips_closing_indentation)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("\"\"\"\n  a\n    b\n  \"\"\"", &t, &d), TK_STRING);
    cr_assert_str_eq(t.text, "a\n  b\n");
}

Test(lexer, sigils_keep_escapes_and_modifiers)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("~r/a\\d\\//iu", &t, &d), TK_SIGIL);
    cr_assert_eq(t.sigil, 'r');
    cr_assert_str_eq(t.text, "a\\d/");
    cr_assert_str_eq(t.mods, "iu");
}

Test(lexer, unexpected_character_is_reported)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("\x01", &t, &d), -1);
    cr_assert_str_eq(d.kind, "SyntaxError");
    cr_assert_str_eq(d.message, "unexpected token: \"\x01\" (column 1, code point U+0001)");
}

Test(lexer, invalid_utf8_is_reported)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("\xff", &t, &d), -1);
    cr_assert_str_eq(d.kind, "SyntaxError");
}

Test(lexer, unterminated_string_is_incomplete)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("\"abc", &t, &d), -1);
    cr_assert_str_eq(d.kind, "TokenMissingError");
    cr_assert(d.incomplete);
    cr_assert_eq(d.col, 5);
    cr_assert_str_eq(d.message, "missing terminator: \" (for string starting at line 1)");
}

Test(lexer, columns_count_code_points)
{
    Lexer lx;
    Token t;
    Diag d;
    const char *src = "\xc3\xa9 = 1";
    lexer_init(&lx, arena, arena_strdup(arena, src, strlen(src)), strlen(src), "t", 1, 1, &d);
    lexer_next(&lx, &t);
    cr_assert_eq(lexer_next(&lx, &t), TK_MATCH_OP);
    cr_assert_eq(t.col, 3);
}

Test(lexer, operator_names_keep_their_spelling)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("===/2", &t, &d), TK_IDENTIFIER);
    cr_assert_str_eq(t.text, "===");
    cr_assert_eq(first_kind("..///3", &t, &d), TK_IDENTIFIER);
    cr_assert_str_eq(t.text, "..//");
    cr_assert_eq(first_kind("<<>>: 1", &t, &d), TK_KW_IDENTIFIER);
    cr_assert_str_eq(t.text, "<<>>");
}

Test(lexer, char_escape_takes_one_character)
{
    Lexer lx;
    Token t;
    Diag d;
    const char *src = "?\\x41 ?\\\xc3\xa9 ?\\s ?\\q";
    lexer_init(&lx, arena, arena_strdup(arena, src, strlen(src)), strlen(src), "t", 1, 1, &d);
    cr_assert_eq(lexer_next(&lx, &t), TK_INT);
    cr_assert_eq(t.ival, 'x');
    cr_assert_eq(lexer_next(&lx, &t), TK_INT); // `41` is a separate token, as in Elixir
    cr_assert_eq(t.ival, 41);
    cr_assert_eq(lexer_next(&lx, &t), TK_INT);
    cr_assert_eq(t.ival, 0xE9);
    cr_assert_eq(lexer_next(&lx, &t), TK_INT);
    cr_assert_eq(t.ival, ' ');
    cr_assert_eq(lexer_next(&lx, &t), TK_INT);
    cr_assert_eq(t.ival, 'q');
}

Test(lexer, keyword_without_space_is_reported)
{
    Lexer lx;
    Token t;
    Diag d;
    const char *src = "[a: 1, b:2]";
    lexer_init(&lx, arena, arena_strdup(arena, src, strlen(src)), strlen(src), "t", 1, 1, &d);
    int kind;
    while ((kind = lexer_next(&lx, &t)) > 0) {
    }
    cr_assert_eq(kind, -1);
    cr_assert_str_eq(d.kind, "SyntaxError");
    cr_assert_eq(d.col, 8);
    cr_assert_str_eq(d.message, "keyword argument must be followed by space after: b:");
    cr_assert_eq(first_kind("Foo:1", &t, &d), -1);
    cr_assert_str_eq(d.message, "keyword argument must be followed by space after: Foo:");
    cr_assert_eq(first_kind("a::b", &t, &d), TK_IDENTIFIER);
}

Test(lexer, range_step_alone_is_rejected)
{
    Token t;
    Diag d;
    cr_assert_eq(first_kind("..//2", &t, &d), -1);
    cr_assert_str_eq(d.message, "unexpected token: \".\" (column 1, code point U+002E)");
}
