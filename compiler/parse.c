// The parser driver: lexes the whole input (terminator matching, newline filtering, the do/op
// identifier rewrites of elixir_tokenizer.erl), then feeds the lemon parser and stops at the
// first error. Also holds the tree builders the grammar actions call, so parser.y stays thin.
// Nothing here aborts on user input; every failure is one Diag.
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

// Lemon's generated entry points (parser.c); the camelCase names are lemon's.
void *EmberParseAlloc(void *(*alloc)(size_t), Parser *p);
void EmberParseFree(void *parser, void (*release)(void *));
void EmberParse(void *parser, int major, Token minor);

// Bracket nesting beyond this is refused ("nesting too deep") instead of exhausting stacks.
#define PARSE_MAX_NESTING 2000

// ==== Lists and blocks ====

static AstNode *node(Parser *p, AstKind kind, const char *text)
{
    AstNode *n = ast_new(p->arena, kind, p->last ? p->last->line : 1,
                         p->last ? p->last->col : 1);
    if (text) {
        n->text = text;
        n->text_len = strlen(text);
    }
    return n;
}

static AstNode *call_node(Parser *p, const char *name, const char *name_end)
{
    AstNode *n = node(p, AST_CALL, NULL);
    n->text = name;
    n->text_len = name_end ? (size_t)(name_end - name) : strlen(name);
    return n;
}

AstNode *parse_list0(Parser *p)
{
    return node(p, AST_LIST, NULL);
}

AstNode *parse_list1(Parser *p, AstNode *first)
{
    AstNode *l = parse_list0(p);
    ast_push(p->arena, l, first);
    return l;
}

AstNode *parse_append(Parser *p, AstNode *list, AstNode *item)
{
    ast_push(p->arena, list, item);
    return list;
}

AstNode *parse_prepend(Parser *p, AstNode *item, AstNode *list)
{
    AstNode *l = parse_list1(p, item);
    for (uint32_t i = 0; i < list->nkids; i++) {
        ast_push(p->arena, l, list->kids[i]);
    }
    return l;
}

AstNode *parse_concat(Parser *p, AstNode *list, AstNode *more)
{
    for (uint32_t i = 0; i < more->nkids; i++) {
        ast_push(p->arena, list, more->kids[i]);
    }
    return list;
}

AstNode *parse_nil(Parser *p)
{
    return node(p, AST_ATOM, "nil");
}

AstNode *parse_empty_block(Parser *p)
{
    return call_node(p, "__block__", NULL);
}

static bool is_rearranged_unary(const AstNode *n)
{
    return n->kind == AST_CALL && n->nkids == 1 && n->target == NULL &&
           (ast_is_named(n, AST_CALL, "not") || ast_is_named(n, AST_CALL, "!"));
}

AstNode *parse_block(Parser *p, AstNode *list)
{
    if (list->nkids == 1 && !is_rearranged_unary(list->kids[0])) {
        return list->kids[0];
    }
    AstNode *b = parse_empty_block(p);
    b->kids = list->kids;
    b->nkids = list->nkids;
    return b;
}

// ==== Operators ====

AstNode *parse_unop(Parser *p, const Token *op, AstNode *arg)
{
    if (op->kind == TK_TERNARY_OP) { // `//2` (as in `&//2`) quotes as `/` applied to var `/`
        AstNode *n = call_node(p, "/", NULL);
        ast_push(p->arena, n, node(p, AST_VAR, "/"));
        ast_push(p->arena, n, arg);
        return n;
    }
    const char *name = op->kind == TK_CAPTURE_INT ? "&" : op->text;
    AstNode *n = call_node(p, name, NULL);
    n->line = op->line;
    n->col = op->col;
    ast_push(p->arena, n, arg);
    return n;
}

AstNode *parse_op_rhs(Parser *p, const Token *op, AstNode *rhs)
{
    AstNode *n = call_node(p, op->text, NULL);
    n->line = op->line;
    n->col = op->col;
    ast_push(p->arena, n, rhs);
    return n;
}

static AstNode *binop(Parser *p, const char *name, AstNode *lhs, AstNode *rhs)
{
    AstNode *n = call_node(p, name, NULL);
    ast_push(p->arena, n, lhs);
    ast_push(p->arena, n, rhs);
    return n;
}

AstNode *parse_binop(Parser *p, AstNode *lhs, AstNode *op_rhs)
{
    AstNode *rhs = op_rhs->kids[0];
    if (ast_is_named(op_rhs, AST_CALL, "//")) {
        if (ast_is_named(lhs, AST_CALL, "..") && lhs->nkids == 2) {
            AstNode *n = call_node(p, "..//", NULL);
            ast_push(p->arena, n, lhs->kids[0]);
            ast_push(p->arena, n, lhs->kids[1]);
            ast_push(p->arena, n, rhs);
            return n;
        }
        parse_fail(p, "SyntaxError", op_rhs->line, op_rhs->col, false,
             "the range step operator (//) must immediately follow the range definition operator "
             "(..), for example: 1..9//2. If you wanted to define a default argument, use (\\\\) "
             "instead. Syntax error before: '//'");
        return lhs;
    }
    if (ast_is_named(op_rhs, AST_CALL, "not in")) {
        AstNode *n = call_node(p, "not", NULL);
        ast_push(p->arena, n, binop(p, "in", lhs, rhs));
        return n;
    }
    if (ast_is_named(op_rhs, AST_CALL, "in") && is_rearranged_unary(lhs)) {
        AstNode *n = call_node(p, lhs->text, NULL);
        ast_push(p->arena, n, binop(p, "in", lhs->kids[0], rhs));
        return n;
    }
    AstNode *n = binop(p, op_rhs->text, lhs, rhs);
    n->line = op_rhs->line; // Elixir places a binary operator at the operator
    n->col = op_rhs->col;
    return n;
}

AstNode *parse_nullary(Parser *p, const Token *op)
{
    return call_node(p, op->text, NULL);
}

// ==== Literals and interpolation ====

static AstNode *string_node(Parser *p, AstKind kind, const char *text, size_t len)
{
    AstNode *n = node(p, kind, NULL);
    n->text = text;
    n->text_len = len;
    return n;
}

// Parses the source of one `#{...}` piece.
static AstNode *interp_expr(Parser *p, const StrPart *part)
{
    if (p->failed) {
        return parse_empty_block(p);
    }
    AstNode *e = parse_source_at(p->arena, part->text, part->len, p->file, part->line, part->col,
                                 p->depth + 1, p->diag);
    if (e == NULL) {
        p->failed = true;
        return parse_empty_block(p);
    }
    return e;
}

static AstNode *kernel_to_string(Parser *p, AstNode *expr)
{
    AstNode *r = node(p, AST_REMOTE, "to_string");
    r->target = node(p, AST_ATOM, "Elixir.Kernel");
    ast_push(p->arena, r, expr);
    return r;
}

// {:<<>>, [], ["a", {:"::", [], [Kernel.to_string(x), {:binary, [], nil}]}]}
static AstNode *binary_parts(Parser *p, const Token *t)
{
    AstNode *bin = call_node(p, "<<>>", NULL);
    for (uint32_t i = 0; i < t->nparts; i++) {
        const StrPart *part = &t->parts[i];
        if (!part->is_expr) {
            ast_push(p->arena, bin, string_node(p, AST_STRING, part->text, part->len));
            continue;
        }
        AstNode *typed = call_node(p, "::", NULL);
        ast_push(p->arena, typed, kernel_to_string(p, interp_expr(p, part)));
        ast_push(p->arena, typed, node(p, AST_VAR, "binary"));
        ast_push(p->arena, bin, typed);
    }
    return bin;
}

static bool has_interpolation(const Token *t)
{
    for (uint32_t i = 0; i < t->nparts; i++) {
        if (t->parts[i].is_expr) {
            return true;
        }
    }
    return false;
}

static AstNode *charlist_literal(Parser *p, const Token *t)
{
    if (!has_interpolation(t)) {
        return string_node(p, AST_CHARLIST, t->text, t->text_len);
    }
    AstNode *items = parse_list0(p);
    for (uint32_t i = 0; i < t->nparts; i++) {
        const StrPart *part = &t->parts[i];
        ast_push(p->arena, items, part->is_expr
                                      ? kernel_to_string(p, interp_expr(p, part))
                                      : string_node(p, AST_STRING, part->text, part->len));
    }
    AstNode *r = node(p, AST_REMOTE, "to_charlist");
    r->target = node(p, AST_ATOM, "Elixir.List");
    ast_push(p->arena, r, items);
    return r;
}

static AstNode *atom_literal(Parser *p, const Token *t)
{
    if (!has_interpolation(t)) {
        return string_node(p, AST_ATOM, t->text, t->text_len);
    }
    AstNode *r = node(p, AST_REMOTE, "binary_to_atom");
    r->target = node(p, AST_ATOM, "erlang");
    ast_push(p->arena, r, binary_parts(p, t));
    ast_push(p->arena, r, node(p, AST_ATOM, "utf8"));
    return r;
}

static AstNode *sigil_literal(Parser *p, const Token *t)
{
    char name[8] = "sigil_";
    name[6] = t->sigil;
    AstNode *n = call_node(p, arena_strdup(p->arena, name, 7), NULL);
    ast_push(p->arena, n, binary_parts(p, t));
    ast_push(p->arena, n, string_node(p, AST_CHARLIST, t->mods, t->mods_len));
    if (t->src_len >= 3) { // ~s"...": the delimiter follows the letter; heredocs take three
        bool is_heredoc = t->src_len >= 5 && (t->src[2] == '"' || t->src[2] == '\'') &&
                          t->src[3] == t->src[2] && t->src[4] == t->src[2];
        n->delimiter = arena_strdup(p->arena, t->src + 2, is_heredoc ? 3 : 1);
    }
    return n;
}

static AstNode *int_literal(Parser *p, const Token *t)
{
    if (t->is_big) {
        return string_node(p, AST_BIGINT, t->text, t->text_len);
    }
    AstNode *n = node(p, AST_INT, NULL);
    n->ival = t->ival;
    return n;
}

AstNode *parse_literal(Parser *p, const Token *t)
{
    AstNode *n;
    switch (t->kind) {
    case TK_INT:
        n = int_literal(p, t);
        break;
    case TK_FLT:
        n = node(p, AST_FLOAT, NULL);
        n->fval = t->fval;
        break;
    case TK_TRUE: case TK_FALSE: case TK_NIL: // spelled out: t->src may run past the word
        n = string_node(p, AST_ATOM, t->kind == TK_TRUE ? "true" : t->kind == TK_FALSE ? "false" : "nil",
                        t->kind == TK_FALSE ? 5 : t->kind == TK_TRUE ? 4 : 3);
        break;
    case TK_ATOM:
        n = atom_literal(p, t);
        break;
    case TK_STRING:
        n = has_interpolation(t) ? binary_parts(p, t)
                                 : string_node(p, AST_STRING, t->text, t->text_len);
        break;
    case TK_CHARLIST:
        n = charlist_literal(p, t);
        break;
    default:
        n = sigil_literal(p, t);
        break;
    }
    n->line = t->line;
    n->col = t->col;
    return n;
}

// ==== Identifiers, calls, dots ====

AstNode *parse_ident(Parser *p, AstNode *target, const Token *name)
{
    AstNode *n = string_node(p, target ? AST_REMOTE : AST_VAR, name->text, name->text_len);
    n->target = target;
    n->line = name->line;
    n->col = name->col;
    return n;
}

AstNode *parse_alias(Parser *p, AstNode *target, const Token *name)
{
    AstNode *n = string_node(p, AST_ALIAS, name->text, name->text_len);
    n->line = name->line;
    n->col = name->col;
    if (target == NULL) {
        return n;
    }
    if (target->kind == AST_ALIAS) {
        n->line = target->line; // Foo.Bar sits where Foo starts
        n->col = target->col;
        size_t len = target->text_len + 1 + name->text_len;
        char *text = arena_alloc(p->arena, len + 1);
        memcpy(text, target->text, target->text_len);
        text[target->text_len] = '.';
        memcpy(text + target->text_len + 1, name->text, name->text_len);
        n->text = text;
        n->text_len = len;
        n->kids = target->kids;
        n->nkids = target->nkids;
        return n;
    }
    if (target->kind == AST_ATOM) {
        parse_fail(p, "SyntaxError", name->line, name->col, false,
             "atom cannot be followed by an alias. If the '.' was meant to be part of the atom's "
             "name, the atom name must be quoted. Syntax error before: '.'");
        return n;
    }
    ast_push(p->arena, n, target);
    return n;
}

AstNode *parse_dot_curly(Parser *p, AstNode *target, AstNode *args)
{
    AstNode *n = node(p, AST_REMOTE, "{}");
    n->target = target;
    if (args) {
        n->kids = args->kids;
        n->nkids = args->nkids;
    }
    return n;
}

AstNode *parse_dot_call(Parser *p, AstNode *fun)
{
    AstNode *n = node(p, AST_DOT_CALL, NULL);
    n->target = fun;
    return n;
}

AstNode *parse_call(Parser *p, AstNode *callee, AstNode *args)
{
    (void)p;
    if (args == NULL) {
        if (callee->kind == AST_REMOTE) {
            callee->flags |= AST_F_NO_PARENS;
        }
        return callee;
    }
    if (callee->kind == AST_VAR) {
        callee->kind = AST_CALL;
    }
    callee->kids = args->kids;
    callee->nkids = args->nkids;
    return callee;
}

AstNode *parse_nested_call(Parser *p, AstNode *callee, AstNode *args)
{
    AstNode *n = node(p, AST_CALL, NULL);
    n->text = NULL;
    n->target = callee;
    n->kids = args->kids;
    n->nkids = args->nkids;
    return n;
}

AstNode *parse_access(Parser *p, AstNode *expr, AstNode *key)
{
    AstNode *n = node(p, AST_REMOTE, "get");
    n->target = node(p, AST_ATOM, "Elixir.Access");
    ast_push(p->arena, n, expr);
    ast_push(p->arena, n, key);
    return n;
}

// ==== Clauses and blocks ====

static bool is_clause(const AstNode *n)
{
    // Users cannot call `->` directly, so a `->` node is always a clause built below.
    return ast_is_named(n, AST_CALL, "->") && n->nkids == 2 && n->kids[0]->kind == AST_LIST;
}

// Groups stab items into `->` clauses (later plain expressions join the previous clause's body)
// or, without clauses, into a block. Returns a LIST of clauses or the block expression.
static AstNode *build_stab(Parser *p, AstNode *items)
{
    if (items->nkids == 0 || !is_clause(items->kids[0])) {
        for (uint32_t i = 0; i < items->nkids; i++) {
            if (is_clause(items->kids[i])) {
                parse_fail(p, "SyntaxError", items->kids[i]->line, items->kids[i]->col, false,
                     "unexpected operator ->. If you want to define multiple clauses, the first "
                     "expression must use ->. Syntax error before: '->'");
                break;
            }
        }
        return parse_block(p, items);
    }
    AstNode *clauses = parse_list0(p);
    uint32_t i = 0;
    while (i < items->nkids) {
        AstNode *clause = items->kids[i++];
        AstNode *body = parse_list1(p, clause->kids[1]);
        while (i < items->nkids && !is_clause(items->kids[i])) {
            ast_push(p->arena, body, items->kids[i++]);
        }
        clause->kids[1] = parse_block(p, body);
        ast_push(p->arena, clauses, clause);
    }
    return clauses;
}

AstNode *parse_fn(Parser *p, const Token *fn, AstNode *stab)
{
    AstNode *clauses = build_stab(p, stab);
    if (clauses->kind != AST_LIST && !p->failed) {
        parse_fail(p, "SyntaxError", fn->line, fn->col, false,
             "expected anonymous functions to be defined with -> inside: 'fn'");
    }
    AstNode *n = call_node(p, "fn", NULL);
    n->line = fn->line;
    n->col = fn->col;
    if (clauses->kind == AST_LIST) {
        n->kids = clauses->kids;
        n->nkids = clauses->nkids;
    }
    return n;
}

AstNode *parse_at(Parser *p, AstNode *n, const Token *token)
{
    (void)p;
    n->line = token->line;
    n->col = token->col;
    return n;
}

// `(a; b)`: a block that Elixir places at the parenthesis (string_to_quoted gives it a line).
AstNode *parse_paren_stab(Parser *p, const Token *lparen, AstNode *stab)
{
    AstNode *n = build_stab(p, stab);
    if (ast_is_named(n, AST_CALL, "__block__") && n->nkids > 1) {
        n->flags |= AST_F_PARENS_EXPR;
        n->line = lparen->line;
        n->col = lparen->col;
    }
    return n;
}

static AstNode *keyword_pair(Parser *p, const char *key, size_t key_len, AstNode *value)
{
    AstNode *t = node(p, AST_TUPLE, NULL);
    ast_push(p->arena, t, string_node(p, AST_ATOM, key, key_len));
    ast_push(p->arena, t, value);
    return t;
}

AstNode *parse_do_block(Parser *p, AstNode *stab, AstNode *blocks)
{
    AstNode *kw = parse_list1(p, keyword_pair(p, "do", 2,
                                              stab ? build_stab(p, stab) : parse_empty_block(p)));
    if (blocks) {
        parse_concat(p, kw, blocks);
    }
    return kw;
}

AstNode *parse_block_item(Parser *p, const Token *name, AstNode *stab)
{
    return keyword_pair(p, name->text, name->text_len,
                        stab ? build_stab(p, stab) : parse_empty_block(p));
}

AstNode *parse_stab_arrow(Parser *p, const Token *arrow, AstNode *body)
{
    AstNode *n = call_node(p, "->", NULL);
    n->line = arrow->line;
    n->col = arrow->col;
    ast_push(p->arena, n, body);
    return n;
}

// [arrow] comes from parse_stab_arrow (users cannot write `->` themselves, so a one-kid `->`
// is always that holder): it becomes the clause, placed where Elixir places it, at the arrow.
AstNode *parse_stab_clause(Parser *p, AstNode *args, AstNode *arrow)
{
    AstNode *n = arrow;
    AstNode *body = arrow;
    if (ast_is_named(arrow, AST_CALL, "->") && arrow->nkids == 1) {
        body = arrow->kids[0];
        n->kids = NULL;
        n->nkids = 0;
    } else {
        n = call_node(p, "->", NULL);
    }
    ast_push(p->arena, n, args ? args : parse_list0(p));
    ast_push(p->arena, n, body);
    return n;
}

AstNode *parse_stab_guard(Parser *p, AstNode *args, const Token *when, AstNode *guard,
                          AstNode *body)
{
    AstNode *w = call_node(p, when->text, NULL);
    w->line = when->line;
    w->col = when->col;
    if (args) {
        parse_concat(p, w, args);
    }
    ast_push(p->arena, w, guard);
    return parse_stab_clause(p, parse_list1(p, w), body);
}

AstNode *parse_unwrap_when(Parser *p, AstNode *args)
{
    AstNode *last = args->nkids ? args->kids[args->nkids - 1] : NULL;
    if (last == NULL || !ast_is_named(last, AST_CALL, "when") || last->nkids != 2) {
        return args;
    }
    AstNode *w = call_node(p, "when", NULL);
    w->line = last->line;
    w->col = last->col;
    for (uint32_t i = 0; i + 1 < args->nkids; i++) {
        ast_push(p->arena, w, args->kids[i]);
    }
    ast_push(p->arena, w, last->kids[0]);
    ast_push(p->arena, w, last->kids[1]);
    return parse_list1(p, w);
}

// ==== Containers ====

AstNode *parse_kw_key(Parser *p, const Token *t)
{
    if (t->is_quoted && has_interpolation(t)) {
        return atom_literal(p, t);
    }
    return string_node(p, AST_ATOM, t->text, t->text_len);
}

AstNode *parse_pair(Parser *p, AstNode *key, AstNode *value)
{
    AstNode *t = node(p, AST_TUPLE, NULL);
    ast_push(p->arena, t, key);
    ast_push(p->arena, t, value);
    return t;
}

AstNode *parse_tuple(Parser *p, AstNode *items)
{
    AstNode *t = node(p, AST_TUPLE, NULL);
    if (items) {
        t->kids = items->kids;
        t->nkids = items->nkids;
    }
    return t;
}

AstNode *parse_container(Parser *p, const char *name, AstNode *items)
{
    AstNode *n = call_node(p, name, NULL);
    if (items) {
        n->kids = items->kids;
        n->nkids = items->nkids;
    }
    return n;
}

AstNode *parse_map_update(Parser *p, const Token *pipe, AstNode *map, AstNode *pairs)
{
    AstNode *n = call_node(p, pipe->text, NULL);
    n->line = pipe->line;
    n->col = pipe->col;
    ast_push(p->arena, n, map);
    ast_push(p->arena, n, pairs);
    return n;
}

AstNode *parse_map_args_update(Parser *p, AstNode *update, AstNode *more)
{
    if (more) {
        parse_concat(p, update->kids[1], more);
    }
    AstNode *n = call_node(p, "%{}", NULL);
    ast_push(p->arena, n, update);
    return n;
}

AstNode *parse_struct(Parser *p, AstNode *name, AstNode *map)
{
    AstNode *n = call_node(p, "%", NULL);
    ast_push(p->arena, n, name);
    ast_push(p->arena, n, map);
    return n;
}

// ==== Token stream: filtering and terminators ====

typedef struct TokenList {
    Token *items;
    size_t len;
    size_t cap;
} TokenList;

typedef struct Opener {
    int kind;
    uint32_t line;
} Opener;

typedef struct Scan {
    Parser *p;
    Lexer lx;
    TokenList toks;
    Opener *open;
    size_t open_len;
    int raw_last; // kind of the previous token before filtering
} Scan;

static void push_token(Scan *s, const Token *t)
{
    if (s->toks.len == s->toks.cap) {
        size_t cap = s->toks.cap ? s->toks.cap * 2 : 64;
        Token *items = arena_alloc(s->p->arena, cap * sizeof *items);
        if (s->toks.len) {
            memcpy(items, s->toks.items, s->toks.len * sizeof *items);
        }
        s->toks.items = items;
        s->toks.cap = cap;
    }
    s->toks.items[s->toks.len++] = *t;
}

static Token *last_token(Scan *s)
{
    return s->toks.len ? &s->toks.items[s->toks.len - 1] : NULL;
}

// Tokens after which a newline never ends the expression.
static bool continues_after(int kind)
{
    switch (kind) {
    case TK_EOL: case TK_SEMI: case TK_COMMA: case TK_LPAREN: case TK_LBRACKET: case TK_LCURLY:
    case TK_LBIT: case TK_DO: case TK_FN: case TK_STAB_OP: case TK_DOT: case TK_KW_IDENTIFIER:
    case TK_PERCENT: case TK_MAP_OP: case TK_BLOCK_IDENTIFIER: case TK_MATCH_OP:
    case TK_DUAL_OP: case TK_MULT_OP: case TK_POWER_OP: case TK_CONCAT_OP: case TK_RANGE_OP:
    case TK_TERNARY_OP: case TK_XOR_OP: case TK_AND_OP: case TK_OR_OP: case TK_IN_OP:
    case TK_IN_MATCH_OP: case TK_TYPE_OP: case TK_WHEN_OP: case TK_PIPE_OP: case TK_COMP_OP:
    case TK_REL_OP: case TK_ARROW_OP: case TK_ASSOC_OP: case TK_UNARY_OP: case TK_AT_OP:
    case TK_CAPTURE_OP:
        return true;
    default:
        return false;
    }
}

// Tokens that absorb a newline right before them (binary operators, closers, `do`).
static bool joins_before(int kind)
{
    switch (kind) {
    case TK_MATCH_OP: case TK_MULT_OP: case TK_POWER_OP: case TK_CONCAT_OP: case TK_TERNARY_OP:
    case TK_XOR_OP: case TK_AND_OP: case TK_OR_OP: case TK_IN_OP: case TK_IN_MATCH_OP:
    case TK_TYPE_OP: case TK_WHEN_OP: case TK_PIPE_OP: case TK_COMP_OP: case TK_REL_OP:
    case TK_ARROW_OP: case TK_ASSOC_OP: case TK_DOT: case TK_DO: case TK_STAB_OP:
    case TK_RPAREN: case TK_RBRACKET: case TK_RCURLY: case TK_RBIT: case TK_END:
    case TK_BLOCK_IDENTIFIER: case TK_SEMI:
        return true;
    default:
        return false;
    }
}

static const char *closer_for(int kind)
{
    switch (kind) {
    case TK_LPAREN: return ")";
    case TK_LBRACKET: return "]";
    case TK_LCURLY: return "}";
    case TK_LBIT: return ">>";
    default: return "end";
    }
}

static const char *opener_spelling(int kind)
{
    switch (kind) {
    case TK_LPAREN: return "(";
    case TK_LBRACKET: return "[";
    case TK_LCURLY: return "{";
    case TK_LBIT: return "<<";
    case TK_FN: return "fn";
    default: return "do";
    }
}

static bool closes(int open, int close)
{
    return (open == TK_LPAREN && close == TK_RPAREN) ||
           (open == TK_LBRACKET && close == TK_RBRACKET) ||
           (open == TK_LCURLY && close == TK_RCURLY) || (open == TK_LBIT && close == TK_RBIT) ||
           ((open == TK_DO || open == TK_FN) && close == TK_END);
}

static bool track_terminator(Scan *s, const Token *t)
{
    Parser *p = s->p;
    int k = t->kind;
    if (k == TK_LPAREN || k == TK_LBRACKET || k == TK_LCURLY || k == TK_LBIT || k == TK_DO ||
        k == TK_FN) {
        if (s->open_len >= PARSE_MAX_NESTING) {
            parse_fail(p, "SyntaxError", t->line, t->col, false, "nesting too deep");
            return false;
        }
        s->open[s->open_len++] = (Opener){k, t->line};
        return true;
    }
    if (k != TK_RPAREN && k != TK_RBRACKET && k != TK_RCURLY && k != TK_RBIT && k != TK_END) {
        return true;
    }
    const char *what = k == TK_END ? "unexpected reserved word" : "unexpected token";
    if (s->open_len == 0) {
        parse_fail(p, "SyntaxError", t->line, t->col, false, "%s: %.*s", what, (int)t->src_len, t->src);
        return false;
    }
    Opener o = s->open[s->open_len - 1];
    if (!closes(o.kind, k)) {
        parse_fail(p, "SyntaxError", t->line, t->col, false,
             "%s: %.*s. The \"%s\" at line %u is missing terminator \"%s\"", what,
             (int)t->src_len, t->src, opener_spelling(o.kind), o.line, closer_for(o.kind));
        return false;
    }
    s->open_len--;
    return true;
}

// Applies elixir_tokenizer's rewrites that depend on the previous token, then stores [t].
static void add_token(Scan *s, Token *t)
{
    Token *last = last_token(s);
    // Elixir's tokenizer folds a newline into a preceding newline, comma or semicolon.
    bool absorbed = t->kind == TK_EOL && (s->raw_last == 0 || s->raw_last == TK_EOL ||
                                          s->raw_last == TK_COMMA || s->raw_last == TK_SEMI ||
                                          s->raw_last == TK_DOT);
    if (!absorbed) {
        s->p->end_line = t->line;
        s->p->end_col = t->col;
    }
    s->raw_last = t->kind;
    if (s->open_len > 0) {
        int open = s->open[s->open_len - 1].kind;
        t->in_brackets = open != TK_DO && open != TK_FN;
    }
    if (t->kind == TK_EOL) {
        if (last == NULL || continues_after(last->kind)) {
            return;
        }
    }
    if (t->kind == TK_DO && last && last->kind == TK_IDENTIFIER) {
        last->kind = TK_DO_IDENTIFIER;
    }
    if (t->kind == TK_IN_OP && last && last->kind == TK_UNARY_OP &&
        strcmp(last->text, "not") == 0) {
        last->kind = TK_IN_OP;
        last->text = "not in";
        last->text_len = 6;
        if (s->toks.len >= 2 && s->toks.items[s->toks.len - 2].kind == TK_EOL) {
            s->toks.items[s->toks.len - 2] = *last;
            s->toks.len--;
        }
        return;
    }
    if (last && last->kind == TK_EOL && joins_before(t->kind)) {
        s->toks.len--;
        last = last_token(s);
    }
    if (t->kind == TK_SEMI && last && last->kind == TK_SEMI) {
        parse_fail(s->p, "SyntaxError", t->line, t->col, false,
             "unexpected token: \";\" (column %u, code point U+003B)", t->col);
        return;
    }
    push_token(s, t);
}

static bool scan_all(Scan *s)
{
    for (;;) {
        Token t;
        int kind = lexer_next(&s->lx, &t);
        if (kind < 0) {
            s->p->failed = true;
            return false;
        }
        if (kind == 0) {
            break;
        }
        if (!track_terminator(s, &t)) {
            return false;
        }
        add_token(s, &t);
        if (s->p->failed) {
            return false;
        }
    }
    if (s->open_len > 0) {
        Opener o = s->open[s->open_len - 1];
        parse_fail(s->p, "TokenMissingError", s->lx.line, lexer_column(&s->lx, s->lx.lim), true,
             "missing terminator: %s (for \"%s\" starting at line %u)", closer_for(o.kind),
             opener_spelling(o.kind), o.line);
        return false;
    }
    Token *last = last_token(s);
    if (last && last->kind == TK_EOL) {
        s->toks.len--;
    }
    return true;
}

// ==== Driver ====

static void *arena_free_noop_alloc(size_t size)
{
    return malloc(size);
}

static void feed(Parser *p, const TokenList *toks)
{
    void *lemon = EmberParseAlloc(arena_free_noop_alloc, p);
    if (lemon == NULL) {
        parse_fail(p, "SyntaxError", 1, 1, false, "out of memory");
        return;
    }
    p->end = toks->items + toks->len;
    for (size_t i = 0; i < toks->len && !p->failed; i++) {
        p->last = &toks->items[i];
        EmberParse(lemon, toks->items[i].kind, toks->items[i]);
    }
    if (!p->failed) {
        Token end = {0};
        EmberParse(lemon, 0, end);
    }
    EmberParseFree(lemon, free);
}

AstNode *parse_source_at(Arena *arena, const char *src, size_t len, const char *file,
                         uint32_t line, uint32_t col, int depth, Diag *diag)
{
    memset(diag, 0, sizeof *diag);
    Parser p = {0};
    p.arena = arena;
    p.diag = diag;
    p.file = file;
    p.depth = depth;
    p.end_line = line;
    p.end_col = col;
    char *copy = arena_strdup(arena, src, len);
    Scan s = {0};
    s.p = &p;
    s.open = arena_alloc(arena, PARSE_MAX_NESTING * sizeof(Opener));
    lexer_init(&s.lx, arena, copy, len, file, line, col, diag);
    s.lx.depth = depth;
    if (!scan_all(&s)) {
        return NULL;
    }
    feed(&p, &s.toks);
    if (p.failed || p.root == NULL) {
        if (!p.failed) {
            parse_fail(&p, "SyntaxError", line, col, false, "syntax error");
        }
        return NULL;
    }
    return p.root;
}

AstNode *parse_source(Arena *arena, const char *src, size_t len, const char *file, Diag *diag)
{
    return parse_source_at(arena, src, len, file, 1, 1, 0, diag);
}
