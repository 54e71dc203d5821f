// Term bytes -> AST: Code.eval_quoted. The VM writes the quoted term as a term blob (the
// encoding of vm/bytecode.h); this file reads it back through a bounds-checked reader into a
// small term tree, turns that tree into the compiler's AST (Elixir's quoted form), and compiles
// it as a script like Code.eval_string. Nothing in the bytes is trusted: every count is checked
// against the bytes left, nesting is bounded, and a term that is not valid quoted form gives a
// CompileError instead of a tree.
//
// Hygiene: a variable {name, meta, Context} with a Context other than nil is a different
// variable from {name, meta, nil}; it gets the name "name@Context", which no parsed identifier
// can spell. An unbound one compiles as a call to name/0 (expr.c strips the suffix), so
// `Code.eval_quoted(quote(do: x + 1), x: 41)` fails with `undefined function x/0` as in Elixir.
#include "compiler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast_term.h"
#include "codegen.h"

// One decoded term.
typedef struct TNode TNode;
struct TNode {
    uint8_t tag;       // EmbLiteralTag
    bool is_negative;  // BIGINT
    int64_t ival;
    double fval;
    const char *text;  // ATOM/BINARY/BIGINT bytes (NUL-terminated arena copy)
    size_t len;
    TNode **items;     // LIST/TUPLE elements; MAP keys and values interleaved
    uint32_t n;
    TNode *tail;       // LIST: the tail (NIL for a proper list)
};

typedef struct TermReader {
    const uint8_t *pos;
    const uint8_t *end;
    Arena *arena;
    const char **atoms;
    uint32_t atom_len;
    const char *error; // first problem, or NULL
} TermReader;

static bool take(TermReader *r, size_t size, const uint8_t **out)
{
    if ((size_t)(r->end - r->pos) < size) {
        r->error = r->error ? r->error : "truncated term";
        return false;
    }
    *out = r->pos;
    r->pos += size;
    return true;
}

static bool take_u32(TermReader *r, uint32_t *out)
{
    const uint8_t *b;
    if (!take(r, 4, &b)) {
        return false;
    }
    *out = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return true;
}

static bool take_u64(TermReader *r, uint64_t *out)
{
    const uint8_t *b;
    if (!take(r, 8, &b)) {
        return false;
    }
    *out = 0;
    for (int i = 7; i >= 0; i--) {
        *out = *out << 8 | b[i];
    }
    return true;
}

// A count of items that each take at least [min_size] bytes: refused when the bytes left
// cannot hold them, so a forged count never drives a large allocation.
static bool take_count(TermReader *r, size_t min_size, uint32_t *out)
{
    if (!take_u32(r, out)) {
        return false;
    }
    if ((uint64_t)*out * min_size > (uint64_t)(r->end - r->pos)) {
        r->error = "bad count in term";
        return false;
    }
    return true;
}

static TNode *read_term(TermReader *r, int depth);

static bool read_items(TermReader *r, TNode *t, uint32_t count, int depth)
{
    t->items = arena_alloc(r->arena, (count ? count : 1) * sizeof *t->items);
    for (uint32_t i = 0; i < count; i++) {
        t->items[i] = read_term(r, depth + 1);
        if (t->items[i] == NULL) {
            return false;
        }
    }
    return true;
}

static bool read_scalar(TermReader *r, TNode *t)
{
    uint64_t u64;
    uint32_t u32;
    const uint8_t *b;
    switch (t->tag) {
    case EMB_LIT_INT:
        if (!take_u64(r, &u64)) return false;
        t->ival = (int64_t)u64;
        return true;
    case EMB_LIT_FLOAT:
        if (!take_u64(r, &u64)) return false;
        memcpy(&t->fval, &u64, sizeof t->fval);
        return true;
    case EMB_LIT_ATOM:
        if (!take_u32(r, &u32)) return false;
        if (u32 >= r->atom_len) {
            r->error = "bad atom index in term";
            return false;
        }
        t->text = r->atoms[u32];
        t->len = strlen(t->text);
        return true;
    case EMB_LIT_BIGINT:
        if (!take(r, 1, &b)) return false;
        t->is_negative = b[0] != 0;
        /* fall through */
    case EMB_LIT_BINARY:
        if (!take_u32(r, &u32) || !take(r, u32, &b)) return false;
        t->text = arena_strdup(r->arena, (const char *)b, u32);
        t->len = u32;
        return true;
    default:
        return true;
    }
}

static TNode *read_term(TermReader *r, int depth)
{
    const uint8_t *b;
    if (depth > EMB_LITERAL_MAX_DEPTH) {
        r->error = "term nested too deep";
        return NULL;
    }
    if (!take(r, 1, &b)) {
        return NULL;
    }
    TNode *t = arena_alloc(r->arena, sizeof *t);
    t->tag = b[0];
    uint32_t count;
    switch (t->tag) {
    case EMB_LIT_INT: case EMB_LIT_FLOAT: case EMB_LIT_ATOM: case EMB_LIT_BIGINT:
    case EMB_LIT_BINARY: case EMB_LIT_NIL:
        return read_scalar(r, t) ? t : NULL;
    case EMB_LIT_LIST:
        if (!take_count(r, 1, &count) || !read_items(r, t, count, depth)) return NULL;
        t->n = count;
        t->tail = read_term(r, depth + 1);
        return t->tail ? t : NULL;
    case EMB_LIT_TUPLE: case EMB_LIT_MAP: {
        uint32_t per = t->tag == EMB_LIT_MAP ? 2 : 1;
        if (!take_count(r, per, &count) || !read_items(r, t, count * per, depth)) return NULL;
        t->n = count;
        return t;
    }
    default:
        r->error = "unknown tag in term";
        return NULL;
    }
}

static TNode *read_blob(TermReader *r)
{
    uint32_t count;
    if (!take_count(r, 4, &count)) {
        return NULL;
    }
    r->atoms = arena_alloc(r->arena, (count ? count : 1) * sizeof *r->atoms);
    for (uint32_t i = 0; i < count; i++) {
        uint32_t len;
        const uint8_t *text;
        if (!take_u32(r, &len) || !take(r, len, &text)) {
            return NULL;
        }
        r->atoms[i] = arena_strdup(r->arena, (const char *)text, len);
    }
    r->atom_len = count;
    TNode *t = read_term(r, 0);
    if (t && r->pos != r->end) {
        r->error = "trailing bytes after the term";
        return NULL;
    }
    return t;
}

// ==== Term tree -> AST ====

typedef struct Builder {
    Arena *arena;
    const char *error;
    uint32_t line;
    int in_type; // inside the type side of `::`: binary, size(8) ... are names, not variables
} Builder;

static AstNode *to_ast(Builder *bd, const TNode *t, int depth);

static bool is_atom(const TNode *t, const char *name)
{
    return t->tag == EMB_LIT_ATOM && (name == NULL || strcmp(t->text, name) == 0);
}

static bool is_proper_list(const TNode *t)
{
    return (t->tag == EMB_LIT_LIST && t->tail->tag == EMB_LIT_NIL) || t->tag == EMB_LIT_NIL;
}

static uint32_t list_len(const TNode *t)
{
    return t->tag == EMB_LIT_LIST ? t->n : 0;
}

static AstNode *new_node(Builder *bd, AstKind kind, const char *text)
{
    AstNode *n = ast_new(bd->arena, kind, bd->line, 0);
    if (text) {
        n->text = text;
        n->text_len = strlen(text);
    }
    return n;
}

// The value of keyword [key] in meta list [meta], or NULL.
static const TNode *meta_get(const TNode *meta, const char *key)
{
    for (uint32_t i = 0; i < list_len(meta); i++) {
        const TNode *kv = meta->items[i];
        if (kv->tag == EMB_LIT_TUPLE && kv->n == 2 && is_atom(kv->items[0], key)) {
            return kv->items[1];
        }
    }
    return NULL;
}

static bool push_items(Builder *bd, AstNode *n, const TNode *list, int depth)
{
    for (uint32_t i = 0; i < list_len(list); i++) {
        AstNode *kid = to_ast(bd, list->items[i], depth + 1);
        if (kid == NULL) {
            return false;
        }
        ast_push(bd->arena, n, kid);
    }
    return true;
}

static AstNode *list_to_ast(Builder *bd, const TNode *t, int depth)
{
    AstNode *n = new_node(bd, AST_LIST, NULL);
    if (!push_items(bd, n, t, depth)) {
        return NULL;
    }
    if (t->tag == EMB_LIT_LIST && t->tail->tag != EMB_LIT_NIL) { // [a | tail]
        AstNode *tail = to_ast(bd, t->tail, depth + 1);
        if (tail == NULL) {
            return NULL;
        }
        AstNode *bar = new_node(bd, AST_CALL, "|");
        ast_push(bd->arena, bar, n->kids[n->nkids - 1]);
        ast_push(bd->arena, bar, tail);
        n->kids[n->nkids - 1] = bar;
    }
    return n;
}

// {name, meta, context}: a variable, renamed apart when its context is not nil.
static AstNode *var_to_ast(Builder *bd, const char *name, const TNode *context)
{
    bool is_plain = bd->in_type > 0 || is_atom(context, "nil") || strcmp(name, "_") == 0 ||
                    strncmp(name, "__", 2) == 0;
    if (is_plain) {
        return new_node(bd, AST_VAR, name);
    }
    size_t len = strlen(name) + 1 + strlen(context->text);
    char *text = arena_alloc(bd->arena, len + 1);
    snprintf(text, len + 1, "%s@%s", name, context->text);
    return new_node(bd, AST_VAR, text);
}

static AstNode *aliases_to_ast(Builder *bd, const TNode *meta, const TNode *parts)
{
    const TNode *alias = meta_get(meta, "alias");
    if (alias && alias->tag == EMB_LIT_ATOM && !is_atom(alias, "false")) {
        return new_node(bd, AST_ATOM, alias->text); // resolved where it was quoted
    }
    size_t len = 0;
    for (uint32_t i = 0; i < list_len(parts); i++) {
        if (!is_atom(parts->items[i], NULL)) {
            return NULL;
        }
        len += parts->items[i]->len + 1;
    }
    if (len == 0) {
        return NULL;
    }
    char *text = arena_alloc(bd->arena, len);
    text[0] = '\0';
    for (uint32_t i = 0; i < list_len(parts); i++) {
        strcat(text, parts->items[i]->text);
        if (i + 1 < list_len(parts)) {
            strcat(text, ".");
        }
    }
    return new_node(bd, AST_ALIAS, text);
}

// {{:., _, [target, name]}, meta, args} and {{:., _, [fun]}, meta, args}.
static AstNode *dot_to_ast(Builder *bd, const TNode *dot, const TNode *meta, const TNode *args,
                           int depth)
{
    const TNode *parts = dot->items[2];
    uint32_t n = list_len(parts);
    if (!is_proper_list(parts) || n < 1 || n > 2 || (n == 2 && !is_atom(parts->items[1], NULL))) {
        return NULL;
    }
    AstNode *node = new_node(bd, n == 2 ? AST_REMOTE : AST_DOT_CALL,
                             n == 2 ? parts->items[1]->text : NULL);
    node->target = to_ast(bd, parts->items[0], depth + 1);
    const TNode *no_parens = meta_get(meta, "no_parens");
    if (no_parens && is_atom(no_parens, "true")) {
        node->flags |= AST_F_NO_PARENS;
    }
    return node->target && push_items(bd, node, args, depth) ? node : NULL;
}

static AstNode *call_to_ast(Builder *bd, const TNode *t, int depth)
{
    const TNode *head = t->items[0];
    const TNode *meta = t->items[1];
    const TNode *args = t->items[2];
    const TNode *line = meta_get(meta, "line");
    if (line && line->tag == EMB_LIT_INT && line->ival > 0 && line->ival < UINT32_MAX) {
        bd->line = (uint32_t)line->ival;
    }
    if (is_atom(head, NULL) && is_atom(args, NULL)) {
        return var_to_ast(bd, head->text, args);
    }
    if (!is_proper_list(args)) {
        return NULL;
    }
    if (is_atom(head, "__aliases__")) {
        return aliases_to_ast(bd, meta, args);
    }
    if (is_atom(head, "{}")) {
        AstNode *n = new_node(bd, AST_TUPLE, NULL);
        return push_items(bd, n, args, depth) ? n : NULL;
    }
    if (is_atom(head, "var!") && list_len(args) >= 1 && list_len(args) <= 2 &&
        args->items[0]->tag == EMB_LIT_TUPLE && args->items[0]->n == 3 &&
        is_atom(args->items[0]->items[0], NULL)) {
        const TNode *ctx = list_len(args) == 2 ? args->items[1] : NULL;
        return ctx && is_atom(ctx, NULL) ? var_to_ast(bd, args->items[0]->items[0]->text, ctx)
                                        : new_node(bd, AST_VAR, args->items[0]->items[0]->text);
    }
    if (is_atom(head, "::") && list_len(args) == 2) { // <<x::binary>>: the type side
        AstNode *n = new_node(bd, AST_CALL, head->text);
        AstNode *value = to_ast(bd, args->items[0], depth + 1);
        bd->in_type++;
        AstNode *type = value ? to_ast(bd, args->items[1], depth + 1) : NULL;
        bd->in_type--;
        if (type == NULL) {
            return NULL;
        }
        ast_push(bd->arena, n, value);
        ast_push(bd->arena, n, type);
        return n;
    }
    if (is_atom(head, NULL)) {
        AstNode *n = new_node(bd, AST_CALL, head->text);
        const TNode *delimiter = meta_get(meta, "delimiter");
        if (delimiter && delimiter->tag == EMB_LIT_BINARY) {
            n->delimiter = delimiter->text;
        }
        return push_items(bd, n, args, depth) ? n : NULL;
    }
    if (head->tag == EMB_LIT_TUPLE && head->n == 3 && is_atom(head->items[0], ".")) {
        return dot_to_ast(bd, head, meta, args, depth);
    }
    if (head->tag == EMB_LIT_TUPLE && head->n == 3) { // f(1)(2): rejected as "invalid call"
        AstNode *n = new_node(bd, AST_CALL, NULL);
        n->target = to_ast(bd, head, depth + 1);
        return n->target && push_items(bd, n, args, depth) ? n : NULL;
    }
    return NULL;
}

static AstNode *to_ast(Builder *bd, const TNode *t, int depth)
{
    AstNode *n = NULL;
    switch (t->tag) {
    case EMB_LIT_INT:
        n = new_node(bd, AST_INT, NULL);
        n->ival = t->ival;
        return n;
    case EMB_LIT_FLOAT:
        n = new_node(bd, AST_FLOAT, NULL);
        n->fval = t->fval;
        return n;
    case EMB_LIT_BIGINT:
        n = new_node(bd, AST_BIGINT, t->text);
        if (t->is_negative) {
            AstNode *neg = new_node(bd, AST_CALL, "-");
            ast_push(bd->arena, neg, n);
            n = neg;
        }
        return n;
    case EMB_LIT_ATOM:
        return new_node(bd, AST_ATOM, t->text);
    case EMB_LIT_BINARY:
        n = new_node(bd, AST_STRING, t->text);
        n->text_len = t->len;
        return n;
    case EMB_LIT_NIL: case EMB_LIT_LIST:
        return list_to_ast(bd, t, depth);
    case EMB_LIT_TUPLE:
        if (t->n == 2) {
            n = new_node(bd, AST_TUPLE, NULL);
            AstNode *a = to_ast(bd, t->items[0], depth + 1);
            AstNode *b = a ? to_ast(bd, t->items[1], depth + 1) : NULL;
            if (b == NULL) {
                return NULL;
            }
            ast_push(bd->arena, n, a);
            ast_push(bd->arena, n, b);
            return n;
        }
        if (t->n == 3 && is_proper_list(t->items[1])) {
            n = call_to_ast(bd, t, depth);
        }
        break;
    default:
        break;
    }
    if (n == NULL && bd->error == NULL) {
        bd->error = "invalid quoted expression";
    }
    return n;
}

AstNode *ast_term_decode(Arena *arena, const uint8_t *bytes, size_t size, const char **error)
{
    TermReader r = {.pos = bytes, .end = bytes + size, .arena = arena};
    TNode *t = read_blob(&r);
    if (t == NULL) {
        *error = r.error ? r.error : "truncated term";
        return NULL;
    }
    Builder bd = {.arena = arena, .line = 1};
    AstNode *root = to_ast(&bd, t, 0);
    if (root == NULL) {
        *error = bd.error ? bd.error : "invalid quoted expression";
    }
    return root;
}

bool compile_quoted_repl(const uint8_t *bytes, size_t size, const char *file,
                         const CompileRepl *repl, CompileOutput *out, Diag *diag)
{
    memset(out, 0, sizeof *out);
    Arena *arena = arena_new();
    if (!arena) {
        fputs("ember: out of memory\n", stderr);
        exit(1);
    }
    const char *error = NULL;
    AstNode *root = ast_term_decode(arena, bytes, size, &error);
    if (root == NULL) {
        arena_free(arena);
        memset(diag, 0, sizeof *diag);
        snprintf(diag->kind, sizeof diag->kind, "%s", "CompileError");
        snprintf(diag->file, sizeof diag->file, "%s", file);
        snprintf(diag->message, sizeof diag->message, "%s", error);
        return false;
    }
    return cg_compile_tree(arena, root, file, COMPILE_SCRIPT, repl, out, diag);
}
