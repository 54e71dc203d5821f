// Syntax errors of the parser (parse.h): yecc-style messages for unexpected tokens, reserved
// words, and the no-parens / strict-parens / trailing-comma diagnostics the grammar reports,
// worded like Elixir 1.14's. Each failure fills the Parser's one Diag.
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"

// ==== Diagnostics ====

void parse_fail(Parser *p, const char *kind, uint32_t line, uint32_t col, bool incomplete,
                 const char *fmt, ...)
{
    if (p->failed) {
        return;
    }
    p->failed = true;
    Diag *d = p->diag;
    snprintf(d->kind, sizeof d->kind, "%s", kind);
    snprintf(d->file, sizeof d->file, "%s", p->file ? p->file : "nofile");
    d->line = line;
    d->col = col;
    d->incomplete = incomplete;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
}

// True when Erlang writes the atom [s] without quotes: a Latin-1 lowercase letter, then Latin-1
// letters, digits, `_` and `@` (io_lib:write_atom/1, which yecc's error messages use).
static bool is_erlang_plain_atom(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned c = u[i++];
        if (c >= 0x80) { // only two-byte sequences reach Latin-1 (U+0080..U+00FF)
            if ((c != 0xC2 && c != 0xC3) || i >= len || (u[i] & 0xC0) != 0x80) {
                return false;
            }
            c = ((c & 0x1Fu) << 6) | (u[i++] & 0x3Fu);
        }
        bool lower = (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
        bool other = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@' ||
                     (c >= 0xC0 && c <= 0xDE && c != 0xD7);
        if (!(lower || (i > 1 && other))) {
            return false;
        }
    }
    return len > 0;
}

static bool is_reserved_word(const Token *t)
{
    static const char *const words[] = {"end", "fn", "else", "rescue", "catch", "after", "when",
                                        "and", "or", "not", "in", "true", "false", "nil"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strlen(words[i]) == t->src_len && memcmp(words[i], t->src, t->src_len) == 0) {
            return true;
        }
    }
    return false;
}

static void fail_reserved(Parser *p, const Token *t)
{
    int len = (int)t->src_len;
    parse_fail(p, "SyntaxError", t->line, t->col, false,
         "syntax error before: %.*s. \"%.*s\" is a reserved word in Elixir and therefore its usage "
         "is limited. For instance, it can't be used as a variable or be defined nor invoked as a "
         "regular function", len, t->src, len, t->src);
}

// Writes the message for a syntax error at [t], spelled as Elixir's yecc parser does.
static void syntax_error_at(Parser *p, const Token *t)
{
    int len = (int)t->src_len;
    const char *s = t->src;
    switch (t->kind) {
    case TK_IDENTIFIER: case TK_PAREN_IDENTIFIER: case TK_BRACKET_IDENTIFIER:
    case TK_DO_IDENTIFIER: case TK_OP_IDENTIFIER:
        if (is_reserved_word(t)) { // `not/2` and friends are identifiers, named as keywords
            fail_reserved(p, t);
            return;
        }
        parse_fail(p, "SyntaxError", t->line, t->col, false,
             is_erlang_plain_atom(s, t->src_len) ? "syntax error before: %.*s"
                                                 : "syntax error before: '%.*s'",
             len, s);
        return;
    case TK_INT: case TK_FLT:
        if (s[0] == '?') {
            parse_fail(p, "SyntaxError", t->line, t->col, false, "syntax error before: %.*s", len, s);
            return;
        }
        parse_fail(p, "SyntaxError", t->line, t->col, false, "syntax error before: \"%.*s\"", len, s);
        return;
    case TK_STRING: case TK_CHARLIST:
        parse_fail(p, "SyntaxError", t->line, t->col, false, "syntax error before: \"%.*s\"",
             (int)t->text_len, t->text ? t->text : "");
        return;
    case TK_ATOM:
        parse_fail(p, "SyntaxError", t->line, t->col, false,
             is_erlang_plain_atom(t->text, t->text_len) ? "syntax error before: %.*s"
                                                          : "syntax error before: '%.*s'",
             (int)t->text_len, t->text);
        return;
    case TK_SIGIL:
        parse_fail(p, "SyntaxError", t->line, t->col, false,
             "syntax error before: sigil ~%c starting with content '%.*s'", t->sigil,
             (int)t->text_len, t->text ? t->text : "");
        return;
    case TK_DO:
        parse_fail(p, "SyntaxError", t->line, t->col, false, "unexpected reserved word: do");
        return;
    case TK_MAP_OP:
        parse_fail(p, "SyntaxError", t->line, t->col, false, "syntax error before: '%%{}'");
        return;
    case TK_EOL:
        if (t->in_brackets && t + 1 < p->end) {
            syntax_error_at(p, t + 1); // Elixir allows a newline before the closer
            return;
        }
        parse_fail(p, "SyntaxError", t->line, t->col, false,
             "unexpectedly reached end of line. The current expression is invalid or incomplete");
        return;
    case TK_CAPTURE_INT:
        len = 1;
        break;
    default:
        if (is_reserved_word(t)) {
            fail_reserved(p, t);
            return;
        }
        break;
    }
    parse_fail(p, "SyntaxError", t->line, t->col, false, "syntax error before: '%.*s'", len, s);
}

void parse_syntax_error(Parser *p, int major, const Token *t)
{
    if (major == 0) {
        parse_fail(p, "TokenMissingError", p->end_line, p->end_col, true,
             "syntax error: expression is incomplete");
        return;
    }
    // Report from our own copy: lemon hands over a copy, and the next token is needed below.
    syntax_error_at(p, p->last ? p->last : t);
}

void parse_nesting_error(Parser *p)
{
    const Token *at = p->last;
    parse_fail(p, "SyntaxError", at ? at->line : 1, at ? at->col : 1, false, "nesting too deep");
}

AstNode *parse_no_parens_many_error(Parser *p, AstNode *expr)
{
    parse_fail(p, "SyntaxError", expr->line, 0, false,
         "unexpected comma. Parentheses are required to solve ambiguity in nested calls.\n\n"
         "This error happens when you have nested function calls without parentheses. For "
         "example:\n\n    one a, two b, c, d\n\nIn the example above, we don't know if the "
         "parameters \"c\" and \"d\" apply to the function \"one\" or \"two\". You can solve "
         "this by explicitly adding parentheses:\n\n    one a, two(b, c, d)\n\nOr by adding "
         "commas (in case a nested call is not intended):\n\n    one, a, two, b, c, d\n\n"
         "Elixir cannot compile otherwise. Syntax error before: ','");
    return expr;
}

AstNode *parse_no_parens_container_error(Parser *p, AstNode *expr)
{
    parse_fail(p, "SyntaxError", expr->line, 0, false,
         "unexpected comma. Parentheses are required to solve ambiguity inside containers.\n\n"
         "This error may happen when you forget a comma in a list or other container:\n\n"
         "    [a, b c, d]\n\nOr when you have ambiguous calls:\n\n"
         "    [one, two three, four, five]\n\nIn the example above, we don't know if the "
         "parameters \"four\" and \"five\" belongs to the list or the function \"two\". You can "
         "solve this by explicitly adding parentheses:\n\n    [one, two(three, four), five]\n\n"
         "Elixir cannot compile otherwise. Syntax error before: ','");
    return expr;
}

AstNode *parse_strict_parens_error(Parser *p, const Token *paren)
{
    parse_fail(p, "SyntaxError", paren->line, paren->col, false,
         "unexpected parenthesis. If you are making a function call, do not insert spaces "
         "between the function name and the opening parentheses. Syntax error before: '('");
    return parse_list0(p);
}

AstNode *parse_trailing_comma_error(Parser *p, AstNode *kw, const Token *comma)
{
    parse_fail(p, "SyntaxError", comma->line, comma->col, false, "syntax error before: ')'");
    return kw;
}

