// The Elixir-subset lexer: re2c rules for one token at a time, with the positions, diagnostics,
// numbers, characters and names they need. Quoted text (strings, charlists, heredocs, sigils,
// quoted atoms) is scanned by lex_quoted.c; lexer_internal.h declares what the two share.
// Invariant: the buffer holds a NUL at lim, nothing past lim is read, and every failure fills
// the Diag instead of aborting. Newline filtering and the do/op identifier rewrites that need
// the previous token live in parse.c, not here.
#include "token.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer_internal.h"
#include "parser.h"

/*!conditions:re2c*/
/*!include:re2c "unicode_categories.re" */

// ==== Positions and diagnostics ====

uint32_t lexer_column(Lexer *lx, const unsigned char *p)
{
    uint32_t col = lx->line_start == lx->base ? lx->first_col : 1;
    const unsigned char *q = lx->line_start;
    if (lx->col_at != NULL && lx->col_at >= lx->line_start && lx->col_at <= p) {
        q = lx->col_at;
        col = lx->col_val;
    }
    for (; q < p; q++) {
        if ((*q & 0xC0) != 0x80) {
            col++;
        }
    }
    lx->col_at = p;
    lx->col_val = col;
    return col;
}

void lx_new_line(Lexer *lx, const unsigned char *after)
{
    lx->line++;
    lx->line_start = after;
}

int lx_fail_at(Lexer *lx, const char *kind, uint32_t line, uint32_t col, const char *msg,
               bool incomplete)
{
    Diag *d = lx->diag;
    snprintf(d->kind, sizeof d->kind, "%s", kind);
    snprintf(d->file, sizeof d->file, "%s", lx->file ? lx->file : "nofile");
    d->line = line;
    d->col = col;
    snprintf(d->message, sizeof d->message, "%s", msg);
    d->incomplete = incomplete;
    return -1;
}

int lx_fail_syntax(Lexer *lx, const unsigned char *at, const char *msg)
{
    return lx_fail_at(lx, "SyntaxError", lx->line, lexer_column(lx, at), msg, false);
}

// Decodes one UTF-8 code point at [p] (before [lim]); returns its length, 0 when invalid.
int lx_utf8_decode(const unsigned char *p, const unsigned char *lim, uint32_t *cp)
{
    int n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3
          : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || p + n > lim) {
        return 0;
    }
    uint32_t c = n == 1 ? p[0] : n == 2 ? p[0] & 0x1Fu : n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min_for_len[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return n;
}

// "unexpected token: "\x01" (column 9, code point U+0001)" for the character at [at].
int lx_fail_unexpected_char(Lexer *lx, const unsigned char *at)
{
    uint32_t cp = 0;
    int n = lx_utf8_decode(at, lx->lim, &cp);
    char msg[128];
    if (n == 0) {
        snprintf(msg, sizeof msg, "invalid UTF-8 byte 0x%02X", at < lx->lim ? *at : 0);
        return lx_fail_syntax(lx, at, msg);
    }
    uint32_t col = lexer_column(lx, at);
    snprintf(msg, sizeof msg, "unexpected token: \"%.*s\" (column %u, code point U+%04X)", n,
             (const char *)at, col, cp);
    return lx_fail_syntax(lx, at, msg);
}

char *lx_copy_text(Lexer *lx, const unsigned char *s, size_t len)
{
    return arena_strdup(lx->arena, (const char *)s, len);
}

// ==== Numbers and characters ====

int lx_hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}

// The one-letter escapes (`\n`, `\0`, ...): stores the byte in *out and returns true.
bool lx_simple_escape(uint32_t c, unsigned char *out)
{
    static const char simple_from[] = "0abdefnrstv";
    static const unsigned char simple_to[] = {0, 7, 8, 127, 27, 12, 10, 13, 32, 9, 11};
    const char *hit = c != 0 && c < 0x80 ? strchr(simple_from, (int)c) : NULL;
    if (hit) {
        *out = simple_to[hit - simple_from];
    }
    return hit != NULL;
}

// Copies the digits of [s, e) without underscores.
static char *strip_underscores(Lexer *lx, const unsigned char *s, const unsigned char *e)
{
    char *out = arena_alloc(lx->arena, (size_t)(e - s) + 1);
    size_t n = 0;
    for (; s < e; s++) {
        if (*s != '_') {
            out[n++] = (char)*s;
        }
    }
    out[n] = '\0';
    return out;
}

// Radix integers that overflow int64 are turned into decimal digits for AST_BIGINT.
static char *radix_to_decimal(Lexer *lx, const char *digits, int base)
{
    size_t n = strlen(digits);
    size_t cap = n * 2 + 2; // decimal needs at most ~1.21x the hex digit count
    unsigned char *dec = arena_alloc(lx->arena, cap);
    size_t len = 1;
    for (const char *d = digits; *d; d++) {
        unsigned carry = (unsigned)lx_hex_value((unsigned char)*d);
        for (size_t i = 0; i < len; i++) {
            unsigned v = dec[i] * (unsigned)base + carry;
            dec[i] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry) {
            dec[len++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    char *out = arena_alloc(lx->arena, len + 1);
    for (size_t i = 0; i < len; i++) {
        out[i] = (char)('0' + dec[len - 1 - i]);
    }
    return out;
}

static int finish_int(Lexer *lx, Token *out, int base)
{
    const unsigned char *s = lx->tok + (base == 10 ? 0 : 2);
    char *digits = strip_underscores(lx, s, lx->cur);
    errno = 0;
    char *end = NULL;
    unsigned long long v = strtoull(digits, &end, base);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX) {
        out->is_big = true;
        out->text = base == 10 ? digits : radix_to_decimal(lx, digits, base);
        out->text_len = (uint32_t)strlen(out->text);
    } else {
        out->ival = (int64_t)v;
    }
    return TK_INT;
}

static int finish_float(Lexer *lx, Token *out)
{
    char *digits = strip_underscores(lx, lx->tok, lx->cur);
    out->fval = strtod(digits, NULL);
    return TK_FLT;
}

// A number glued to a letter (`1e3`, `0xZ`, `12abc`) is an error, as in Elixir.
static int check_number_end(Lexer *lx, Token *out, int kind)
{
    const unsigned char *p = lx->cur;
    if (p < lx->lim && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {
        char msg[512];
        snprintf(msg, sizeof msg,
                 "invalid character \"%c\" after number %.*s. If you intended to write a number, "
                 "make sure to separate the number from the character (using comma, space, etc). "
                 "If you meant to write a function name or a variable, note that identifiers in "
                 "Elixir cannot start with numbers. Unexpected token: %c",
                 *p, (int)(p - lx->tok), (const char *)lx->tok, *p);
        return lx_fail_syntax(lx, lx->tok, msg);
    }
    (void)out;
    return kind;
}

static int lex_char(Lexer *lx, Token *out)
{
    const unsigned char *p = lx->tok + 1;
    uint32_t cp = 0;
    if (p >= lx->lim) {
        return lx_fail_unexpected_char(lx, lx->tok);
    }
    if (*p == '\\' && p + 1 < lx->lim) {
        // Only one character follows the backslash, as in elixir_tokenizer: `?\x41` is `?\x`
        // (that is ?x) then 41, which the grammar rejects.
        int n = lx_utf8_decode(p + 1, lx->lim, &cp);
        if (n == 0) {
            return lx_fail_unexpected_char(lx, p + 1);
        }
        unsigned char byte = 0;
        if (lx_simple_escape(cp, &byte)) {
            cp = byte;
        }
        p += 1 + n;
        if (cp == '\n') {
            lx_new_line(lx, p);
        }
    } else {
        int n = lx_utf8_decode(p, lx->lim, &cp);
        if (n == 0) {
            return lx_fail_unexpected_char(lx, p);
        }
        p += n;
    }
    lx->cur = p;
    out->ival = cp;
    return TK_INT;
}

// ==== Identifiers and keywords ====

// A keyword key is a quoted text or identifier followed by ':' and whitespace.
bool lx_kw_colon_follows(const Lexer *lx)
{
    const unsigned char *p = lx->cur;
    return p + 1 < lx->lim && p[0] == ':' &&
           (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == '\r');
}

// `b:1`: a name glued to a single colon is a keyword missing its space (elixir_tokenizer checks
// this before anything else; `a::b` and a colon at the very end are left to the grammar).
static int check_glued_colon(Lexer *lx, const char *name, size_t len)
{
    const unsigned char *p = lx->cur;
    if (p + 1 >= lx->lim || p[0] != ':' || p[1] == ':') {
        return 0;
    }
    char msg[320];
    snprintf(msg, sizeof msg, "keyword argument must be followed by space after: %.*s:",
             (int)(len > 256 ? 256 : len), name);
    return lx_fail_syntax(lx, lx->tok, msg);
}

// True when only blanks (no newline) separate the cursor from a `/`: elixir_tokenizer then
// turns the operator or operator-like keyword just read into an identifier, so `&+/2`,
// `&and/2` and `&&&/2` name functions.
static bool slash_follows(const Lexer *lx)
{
    const unsigned char *p = lx->cur;
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    return p < lx->lim && *p == '/';
}

typedef struct Keyword {
    const char *name;
    int kind;
} Keyword;

static const Keyword keywords[] = {
    {"true", TK_TRUE},        {"false", TK_FALSE},   {"nil", TK_NIL},
    {"when", TK_WHEN_OP},     {"and", TK_AND_OP},    {"or", TK_OR_OP},
    {"not", TK_UNARY_OP},     {"in", TK_IN_OP},      {"fn", TK_FN},
    {"do", TK_DO},            {"end", TK_END},       {"else", TK_BLOCK_IDENTIFIER},
    {"rescue", TK_BLOCK_IDENTIFIER}, {"catch", TK_BLOCK_IDENTIFIER},
    {"after", TK_BLOCK_IDENTIFIER},
};

static int keyword_kind(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (strlen(keywords[i].name) == len && memcmp(keywords[i].name, s, len) == 0) {
            return keywords[i].kind;
        }
    }
    return 0;
}

// `foo -1`: blank, a sign, then no blank and nothing that makes it a binary operator.
static bool op_identifier_follows(const Lexer *lx)
{
    const unsigned char *p = lx->cur;
    if (p >= lx->lim || (*p != ' ' && *p != '\t')) {
        return false;
    }
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    if (p + 1 >= lx->lim || (*p != '+' && *p != '-')) {
        return false;
    }
    return strchr(" \t\r\n([<{%+-/>:=", p[1]) == NULL && p[1] != '\0';
}

// elixir_tokenizer reads `@` as part of a name (`foo@bar`), which is only valid as a keyword
// key (`[foo@bar: 1]`); extends the token over it and returns whether there was one.
static bool take_at_signs(Lexer *lx)
{
    const unsigned char *p = lx->cur;
    if (p >= lx->lim || *p != '@' || lx->cur[-1] == '?' || lx->cur[-1] == '!') {
        return false;
    }
    while (p < lx->lim && (*p == '@' || *p == '_' || *p >= 0x80 || (*p >= '0' && *p <= '9') ||
                           ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))) {
        p++;
    }
    if (p < lx->lim && (*p == '?' || *p == '!')) {
        p++;
    }
    lx->cur = p;
    return true;
}

// Keyword key, a glued colon, or a name holding `@`: the checks names share, in Elixir's order.
// Returns TK_KW_IDENTIFIER, -1 after an error, or 0 to go on.
static int check_name_end(Lexer *lx, Token *out, bool has_at, const char *what)
{
    size_t len = (size_t)(lx->cur - lx->tok);
    out->text = lx_copy_text(lx, lx->tok, len);
    out->text_len = (uint32_t)len;
    if (lx_kw_colon_follows(lx)) {
        lx->cur++;
        return TK_KW_IDENTIFIER;
    }
    if (check_glued_colon(lx, out->text, len) < 0) {
        return -1;
    }
    if (has_at) {
        char msg[320];
        snprintf(msg, sizeof msg, "invalid character \"@\" (code point U+0040) in %s: %.*s", what,
                 (int)(len > 256 ? 256 : len), out->text);
        return lx_fail_syntax(lx, lx->tok, msg);
    }
    return 0;
}

static int lex_identifier(Lexer *lx, Token *out)
{
    int end = check_name_end(lx, out, take_at_signs(lx), "identifier");
    if (end != 0) {
        return end;
    }
    size_t len = out->text_len;
    int kw = lx->prev_kind == TK_DOT ? 0 : keyword_kind(lx->tok, len);
    if (kw == TK_AND_OP || kw == TK_OR_OP || kw == TK_UNARY_OP || kw == TK_IN_OP ||
        kw == TK_WHEN_OP) {
        return slash_follows(lx) ? TK_IDENTIFIER : kw;
    }
    if (kw) {
        return kw;
    }
    if (lx->cur < lx->lim && *lx->cur == '(') {
        return TK_PAREN_IDENTIFIER;
    }
    if (lx->prev_kind == TK_PERCENT && lx->cur < lx->lim && *lx->cur == '{') {
        return TK_STRUCT_IDENTIFIER; // `%__MODULE__{}` names a struct, it is not a call
    }
    if (lx->cur < lx->lim && *lx->cur == '[') {
        return TK_BRACKET_IDENTIFIER;
    }
    return op_identifier_follows(lx) ? TK_OP_IDENTIFIER : TK_IDENTIFIER;
}

static int lex_alias(Lexer *lx, Token *out)
{
    int end = check_name_end(lx, out, take_at_signs(lx), "alias");
    return end != 0 ? end : TK_ALIAS;
}

static void skip_comment(Lexer *lx)
{
    while (lx->cur < lx->lim && *lx->cur != '\n') {
        lx->cur++;
    }
}

// ==== The token rules ====

static bool is_operator_kind(int kind)
{
    switch (kind) {
    case TK_COMP_OP: case TK_REL_OP: case TK_ARROW_OP: case TK_CONCAT_OP: case TK_RANGE_OP:
    case TK_TERNARY_OP: case TK_XOR_OP: case TK_POWER_OP: case TK_MULT_OP: case TK_DUAL_OP:
    case TK_UNARY_OP: case TK_MATCH_OP: case TK_PIPE_OP: case TK_OR_OP: case TK_AND_OP:
    case TK_CAPTURE_OP: case TK_AT_OP: case TK_IN_MATCH_OP: case TK_TYPE_OP: case TK_STAB_OP:
    case TK_ASSOC_OP:
        return true;
    default:
        return false;
    }
}

// Operators that elixir_tokenizer reads through handle_op/handle_unary_op: followed by `/` they
// become identifiers (`&+/2`), and followed by `: ` keyword keys (`[+: 1]`).
static bool is_handled_op(int kind)
{
    return is_operator_kind(kind) && kind != TK_TERNARY_OP && kind != TK_ASSOC_OP &&
           kind != TK_CAPTURE_OP;
}

// `&` is an identifier when a single `/` follows (`&/2`, but `&//2` captures `//2`).
static bool capture_is_name(const Lexer *lx)
{
    if (!slash_follows(lx)) {
        return false;
    }
    const unsigned char *p = lx->cur;
    while (*p != '/') {
        p++;
    }
    p++;
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    return p >= lx->lim || *p != '/';
}

static int op_token(Lexer *lx, Token *out, int kind)
{
    out->text = lx_copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok));
    out->text_len = (uint32_t)(lx->cur - lx->tok);
    // After a dot an operator is a function name: `Kernel.+(1, 2)`.
    if (lx->prev_kind == TK_DOT && is_operator_kind(kind)) {
        return lx->cur < lx->lim && *lx->cur == '(' ? TK_PAREN_IDENTIFIER : TK_IDENTIFIER;
    }
    if (is_handled_op(kind)) {
        if (lx_kw_colon_follows(lx)) {
            lx->cur++;
            return TK_KW_IDENTIFIER;
        }
        if (slash_follows(lx)) {
            return TK_IDENTIFIER;
        }
    }
    if (kind == TK_CAPTURE_OP && capture_is_name(lx)) {
        return TK_IDENTIFIER;
    }
    return kind;
}

// `...` is a name in Elixir 1.14's tokenizer (there is no ellipsis operator yet): `...(1)` is a
// call, `... do end` takes a block and `[...: 1]` is a keyword.
static int ellipsis_token(Lexer *lx, Token *out)
{
    out->text = lx_copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok));
    out->text_len = (uint32_t)(lx->cur - lx->tok);
    if (lx_kw_colon_follows(lx)) {
        lx->cur++;
        return TK_KW_IDENTIFIER;
    }
    if (lx->cur < lx->lim && *lx->cur == '(') {
        return TK_PAREN_IDENTIFIER;
    }
    return lx->cur < lx->lim && *lx->cur == '[' ? TK_BRACKET_IDENTIFIER : TK_IDENTIFIER;
}

// `%{}: `, `{}: `, `<<>>: `, `%: `, `&: `, `.: `: keyword keys that elixir_tokenizer spells out.
static int punct_keyword(Lexer *lx, Token *out)
{
    out->text = lx_copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok - 1));
    out->text_len = (uint32_t)(lx->cur - lx->tok - 1);
    return TK_KW_IDENTIFIER;
}

// `..//` is only valid as a name (`&..///3`); elsewhere elixir_tokenizer rejects its first dot.
static int range_step_name(Lexer *lx, Token *out)
{
    if (!slash_follows(lx)) {
        return lx_fail_unexpected_char(lx, lx->tok);
    }
    out->text = lx_copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok));
    out->text_len = (uint32_t)(lx->cur - lx->tok);
    return TK_IDENTIFIER;
}

static int lex_atom(Lexer *lx, Token *out)
{
    out->text = lx_copy_text(lx, lx->tok + 1, (size_t)(lx->cur - lx->tok - 1));
    out->text_len = (uint32_t)(lx->cur - lx->tok - 1);
    return TK_ATOM;
}

static int lex_one(Lexer *lx, Token *out)
{
    for (;;) {
        lx->tok = lx->cur;
        out->line = lx->line;
        out->col = lexer_column(lx, lx->tok);
    /*!re2c
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:define:YYCURSOR = "lx->cur";
        re2c:define:YYMARKER = "lx->mark";
        re2c:define:YYLIMIT = "lx->lim";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;
        re2c:define:YYGETCONDITION = "yycinit";
        re2c:define:YYSETCONDITION = "";

        id_start = [a-z_] | Ll | Lm | Lo | Nl;
        id_cont = [a-zA-Z0-9_] | L | Mn | Mc | Nd | Pc | Nl;
        ident = id_start id_cont* [?!]?;
        alias = [A-Z] [a-zA-Z0-9_]*;
        dec = [0-9]+ ("_" [0-9]+)*;
        hex = [0-9a-fA-F]+ ("_" [0-9a-fA-F]+)*;
        oct = [0-7]+ ("_" [0-7]+)*;
        bin = [01]+ ("_" [01]+)*;
        atom_op = "+" | "-" | "*" | "/" | "=" | "==" | "===" | "!=" | "!==" | "=~" | "<" | ">"
                | "<=" | ">=" | "&&" | "&&&" | "||" | "|||" | "!" | "<>" | "++" | "--" | "+++"
                | "---" | ".." | "..." | "..//" | "<-" | "->" | "=>" | "|" | "|>" | "@" | "&"
                | "^" | "^^^" | "~~~" | "\\\\" | "<<>>" | "%{}" | "{}" | "%" | "." | "**"
                | "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" | "<|>" | "//";

        <init> $ { return 0; }
        <init> [ \t]+ { out->space_before = true; continue; }
        <init> "\\" "\r"? "\n" { lx_new_line(lx, lx->cur); out->space_before = true; continue; }
        <init> "\r"? "\n" { lx_new_line(lx, lx->cur); return TK_EOL; }
        <init> "#" { skip_comment(lx); continue; }

        <init> "0x" hex { return check_number_end(lx, out, finish_int(lx, out, 16)); }
        <init> "0o" oct { return check_number_end(lx, out, finish_int(lx, out, 8)); }
        <init> "0b" bin { return check_number_end(lx, out, finish_int(lx, out, 2)); }
        <init> dec { return check_number_end(lx, out, finish_int(lx, out, 10)); }
        <init> dec "." dec ([eE] [+-]? dec)? {
            return check_number_end(lx, out, finish_float(lx, out));
        }
        <init> "?" { return lex_char(lx, out); }

        <init> ident { return lex_identifier(lx, out); }
        <init> alias { return lex_alias(lx, out); }
        <init> ":" (ident | alias | [a-zA-Z_] [a-zA-Z0-9_@]* [?!]?) { return lex_atom(lx, out); }
        <init> ":" atom_op { return lex_atom(lx, out); }
        <init> ":\"" { return lx_lex_quoted_atom(lx, out, '"'); }
        <init> ":'" { return lx_lex_quoted_atom(lx, out, '\''); }

        <init> "\"\"\"" { return lx_lex_string(lx, out, '"', true); }
        <init> "'''" { return lx_lex_string(lx, out, '\'', true); }
        <init> "\"" { return lx_lex_string(lx, out, '"', false); }
        <init> "'" { return lx_lex_string(lx, out, '\'', false); }
        <init> "~" [a-zA-Z] [/|"'([{<] { return lx_lex_sigil(lx, out); }

        <init> "&" [0-9] { lx->cur--; return op_token(lx, out, TK_CAPTURE_INT); }
        <init> "===" | "!==" | "==" | "!=" | "=~" { return op_token(lx, out, TK_COMP_OP); }
        <init> "<=" | ">=" | "<" | ">" { return op_token(lx, out, TK_REL_OP); }
        <init> "|>" | "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" | "<|>" {
            return op_token(lx, out, TK_ARROW_OP);
        }
        <init> "<<" { return op_token(lx, out, TK_LBIT); }
        <init> ">>" { return op_token(lx, out, TK_RBIT); }
        <init> "++" | "--" | "+++" | "---" | "<>" { return op_token(lx, out, TK_CONCAT_OP); }
        <init> ".." { return op_token(lx, out, TK_RANGE_OP); }
        <init> "..." { return ellipsis_token(lx, out); }
        <init> "..//" { return range_step_name(lx, out); }
        <init> ":::" { // elixir_tokenizer reads `:::` as the atom :"::" (with a warning)
            out->text = lx_copy_text(lx, lx->tok + 1, 2);
            out->text_len = 2;
            return TK_ATOM;
        }
        <init> ("%{}" | "{}" | "<<>>" | "%" | "&" | "." | "..//") ":" / [ \t\r\n] {
            return punct_keyword(lx, out);
        }
        <init> "//" { return op_token(lx, out, TK_TERNARY_OP); }
        <init> "^^^" { return op_token(lx, out, TK_XOR_OP); }
        <init> "**" { return op_token(lx, out, TK_POWER_OP); }
        <init> "*" | "/" { return op_token(lx, out, TK_MULT_OP); }
        <init> "+" | "-" { return op_token(lx, out, TK_DUAL_OP); }
        <init> "!" | "^" | "~~~" { return op_token(lx, out, TK_UNARY_OP); }
        <init> "=" { return op_token(lx, out, TK_MATCH_OP); }
        <init> "|" { return op_token(lx, out, TK_PIPE_OP); }
        <init> "||" | "|||" { return op_token(lx, out, TK_OR_OP); }
        <init> "&&" | "&&&" { return op_token(lx, out, TK_AND_OP); }
        <init> "&" { return op_token(lx, out, TK_CAPTURE_OP); }
        <init> "@" { return op_token(lx, out, TK_AT_OP); }
        <init> "<-" | "\\\\" { return op_token(lx, out, TK_IN_MATCH_OP); }
        <init> "::" { return op_token(lx, out, TK_TYPE_OP); }
        <init> "->" { return op_token(lx, out, TK_STAB_OP); }
        <init> "=>" { return op_token(lx, out, TK_ASSOC_OP); }

        <init> "." / "(" { return op_token(lx, out, TK_DOT_CALL_OP); }
        <init> "." { return op_token(lx, out, TK_DOT); }
        <init> "%" / "{" { return op_token(lx, out, TK_MAP_OP); }
        <init> "%" { return op_token(lx, out, TK_PERCENT); }
        <init> "(" { return op_token(lx, out, TK_LPAREN); }
        <init> ")" { return op_token(lx, out, TK_RPAREN); }
        <init> "[" { return op_token(lx, out, TK_LBRACKET); }
        <init> "]" { return op_token(lx, out, TK_RBRACKET); }
        <init> "{" { return op_token(lx, out, TK_LCURLY); }
        <init> "}" { return op_token(lx, out, TK_RCURLY); }
        <init> "," { return op_token(lx, out, TK_COMMA); }
        <init> ";" { return op_token(lx, out, TK_SEMI); }

        <init> * { return lx_fail_unexpected_char(lx, lx->tok); }
    */
    }
}

// ==== Public API ====

void lexer_init(Lexer *lx, Arena *arena, const char *src, size_t len, const char *file,
                uint32_t line, uint32_t col, Diag *diag)
{
    memset(lx, 0, sizeof *lx);
    lx->base = (const unsigned char *)src;
    lx->cur = lx->base;
    lx->lim = lx->base + len;
    lx->line_start = lx->base;
    lx->line = line;
    lx->first_col = col;
    lx->arena = arena;
    lx->diag = diag;
    lx->file = file;
}

int lexer_next(Lexer *lx, Token *out)
{
    memset(out, 0, sizeof *out);
    int kind = lex_one(lx, out);
    if (kind > 0) {
        out->kind = kind;
        out->src = (const char *)lx->tok;
        out->src_len = (uint32_t)(lx->cur - lx->tok);
        lx->prev_kind = kind;
    }
    return kind;
}

bool lexer_is_identifier(const char *name, size_t len)
{
    Arena *arena = arena_new();
    if (arena == NULL) {
        return false;
    }
    char *copy = arena_strdup(arena, name, len);
    Diag diag;
    Lexer lx;
    Token t;
    lexer_init(&lx, arena, copy, len, "nofile", 1, 1, &diag);
    int kind = lexer_next(&lx, &t);
    bool ok = (kind == TK_IDENTIFIER || kind == TK_PAREN_IDENTIFIER ||
               kind == TK_BRACKET_IDENTIFIER || kind == TK_OP_IDENTIFIER) &&
              lx.cur == lx.lim;
    arena_free(arena);
    return ok;
}
