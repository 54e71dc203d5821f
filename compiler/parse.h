// The parser driver and the tree builders that the lemon actions in parser.y call. The driver
// lexes the whole input first (so unclosed brackets are reported as Elixir's tokenizer does),
// filters newlines, then feeds lemon and stops at the first error. Builders shape nodes exactly
// like Elixir's quoted form; they never fail except by recording a Diag in the Parser.
#ifndef EMBER_COMPILER_PARSE_H
#define EMBER_COMPILER_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "compiler.h"
#include "token.h"

// State shared by the driver and the grammar actions of one parse.
typedef struct Parser {
    Arena *arena;
    Diag *diag;
    const char *file;
    bool failed;       // a Diag has been written; later actions are ignored
    AstNode *root;     // set by the start rule
    const Token *last; // the last token fed
    const Token *end;  // one past the last token of the stream
    uint32_t end_line; // where Elixir places "expression is incomplete": its last token,
    uint32_t end_col;  // counting a newline that ends the input
    int depth;         // interpolation depth of this parse
} Parser;

// Parses [len] bytes of [src] (need not be NUL-terminated) named [file]. On success returns the
// single top-level expression, or CALL "__block__" of all of them, exactly like
// Code.string_to_quoted/1; nodes are owned by [arena]. On error returns NULL with [diag] filled
// (diag->incomplete for TokenMissingError). Thread-safe.
AstNode *parse_source(Arena *arena, const char *src, size_t len, const char *file, Diag *diag);

// As parse_source, for text that starts at [line]:[col] of [file] and is nested [depth]
// interpolations deep (used for `#{...}`).
AstNode *parse_source_at(Arena *arena, const char *src, size_t len, const char *file,
                         uint32_t line, uint32_t col, int depth, Diag *diag);

// ---- Builders called from parser.y (all allocate in p->arena) ----

AstNode *parse_empty_block(Parser *p);
AstNode *parse_block(Parser *p, AstNode *list);
AstNode *parse_list0(Parser *p);
AstNode *parse_list1(Parser *p, AstNode *first);
AstNode *parse_append(Parser *p, AstNode *list, AstNode *item);
AstNode *parse_prepend(Parser *p, AstNode *item, AstNode *list);
AstNode *parse_concat(Parser *p, AstNode *list, AstNode *more);
AstNode *parse_nil(Parser *p);

AstNode *parse_literal(Parser *p, const Token *t);
AstNode *parse_unop(Parser *p, const Token *op, AstNode *arg);
AstNode *parse_op_rhs(Parser *p, const Token *op, AstNode *rhs);
AstNode *parse_binop(Parser *p, AstNode *lhs, AstNode *op_rhs);
AstNode *parse_nullary(Parser *p, const Token *op);

AstNode *parse_ident(Parser *p, AstNode *target, const Token *name);
AstNode *parse_alias(Parser *p, AstNode *target, const Token *name);
AstNode *parse_dot_curly(Parser *p, AstNode *target, AstNode *args);
AstNode *parse_dot_call(Parser *p, AstNode *fun);
AstNode *parse_call(Parser *p, AstNode *callee, AstNode *args);
AstNode *parse_nested_call(Parser *p, AstNode *callee, AstNode *args);
AstNode *parse_access(Parser *p, AstNode *expr, AstNode *key);

AstNode *parse_fn(Parser *p, const Token *fn, AstNode *stab);
AstNode *parse_paren_stab(Parser *p, const Token *lparen, AstNode *stab);
// Places [n] at [token] (Elixir's position for containers: `{`, `<<`, `%`) and returns it.
AstNode *parse_at(Parser *p, AstNode *n, const Token *token);
AstNode *parse_do_block(Parser *p, AstNode *stab, AstNode *blocks);
AstNode *parse_block_item(Parser *p, const Token *name, AstNode *stab);
// `-> body`: a one-kid `->` node at the arrow's position that parse_stab_clause completes.
AstNode *parse_stab_arrow(Parser *p, const Token *arrow, AstNode *body);
AstNode *parse_stab_clause(Parser *p, AstNode *args, AstNode *body);
AstNode *parse_stab_guard(Parser *p, AstNode *args, const Token *when, AstNode *guard,
                          AstNode *body);
AstNode *parse_unwrap_when(Parser *p, AstNode *args);

AstNode *parse_kw_key(Parser *p, const Token *t);
AstNode *parse_pair(Parser *p, AstNode *key, AstNode *value);
AstNode *parse_tuple(Parser *p, AstNode *items);
AstNode *parse_container(Parser *p, const char *name, AstNode *items);
AstNode *parse_map_update(Parser *p, const Token *pipe, AstNode *map, AstNode *pairs);
AstNode *parse_map_args_update(Parser *p, AstNode *update, AstNode *more);
AstNode *parse_struct(Parser *p, AstNode *name, AstNode *map);

// ---- Errors raised from grammar actions ----

// Records the first error of a parse (later ones are ignored): Diag [kind] at [line]:[col],
// [incomplete] when more input could fix it (the REPL continues), message from [fmt].
void parse_fail(Parser *p, const char *kind, uint32_t line, uint32_t col, bool incomplete,
                const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void parse_syntax_error(Parser *p, int major, const Token *t);
void parse_nesting_error(Parser *p);
AstNode *parse_no_parens_many_error(Parser *p, AstNode *expr);
AstNode *parse_no_parens_container_error(Parser *p, AstNode *expr);
AstNode *parse_strict_parens_error(Parser *p, const Token *paren);
AstNode *parse_trailing_comma_error(Parser *p, AstNode *kw, const Token *comma);

// A lowercase sigil's text keeps its escapes in the tree (as in Elixir's quoted form); the code
// generator resolves them (\n, \xHH, \u{H}, ...) into [out] (room for [len] bytes) with this
// (compiler/lex_quoted.c); [chars]: \xHH is a code point (charlists). Returns the length.
size_t lx_unescape_sigil(const char *src, size_t len, char *out, bool chars);

#endif
