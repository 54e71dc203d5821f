// `quote`: rewrites the quoted body into an ordinary expression that builds Elixir 1.14's quoted
// form at run time, then compiles that expression. The parser's AST already is the quoted form,
// so this is an escape: every node {name, meta, args} becomes a 3-tuple expression, lists and
// 2-tuples stay lists and 2-tuples, literals stay literals. Constant subtrees end up as one
// literal of the module's table (expr_is_literal), so `quote(do: 1 + 2)` is a single LOAD_LIT.
// Metadata follows elixir_quote.erl: variables get the quote's context (the module, or Elixir
// in a script), calls to Kernel's functions and macros get `context:` and `imports:`, aliases
// get `alias: false` (or the module an `alias` made them stand for), definitions' heads and
// `import`/`alias`/`require` get `context:`. `unquote(e)` splices the value of e,
// `unquote_splicing(l)` in a list or in arguments becomes `l ++ rest`, and the options
// bind_quoted:, unquote:, context:, line:, location: :keep and generated: are honoured.
// The compile-time environment outside quotes lives here too: `__ENV__.module/file/line/
// function` and `__DIR__` become literals, and `var!(v)` is the variable v.
#include "codegen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct KernelImport {
    const char *name;
    uint32_t arity;
} KernelImport;

static const KernelImport kernel_imports[] = {
#define KERNEL_QUOTE_IMPORT(name, arity) {name, arity},
#include "kernel_quote_imports.def"
#undef KERNEL_QUOTE_IMPORT
};

// One quote being escaped: its options and where it sits.
typedef struct Quoter {
    FnGen *fg;
    Cg *cg;
    uint32_t line;         // line of the `quote` call
    AstNode *context;      // expression giving the context atom
    const AstNode *line_opt; // `line:` expression, or NULL
    bool is_unquote;       // unquote/unquote_splicing are live
    bool is_keep;          // location: :keep
    bool is_generated;     // generated: true
} Quoter;

static AstNode *quote_node(Quoter *q, const AstNode *n);
static AstNode *quote_call(Quoter *q, const AstNode *n, bool add_context);

// ==== Building expression nodes ====

static AstNode *mk(Quoter *q, AstKind kind, const char *text)
{
    return cg_node(q->cg, kind, q->line, text);
}

static AstNode *mk_list(Quoter *q)
{
    return mk(q, AST_LIST, NULL);
}

static AstNode *mk_pair(Quoter *q, const char *key, AstNode *value)
{
    AstNode *t = mk(q, AST_TUPLE, NULL);
    ast_push(q->cg->arena, t, mk(q, AST_ATOM, key));
    ast_push(q->cg->arena, t, value);
    return t;
}

static AstNode *mk_triple(Quoter *q, AstNode *a, AstNode *meta, AstNode *c)
{
    AstNode *t = mk(q, AST_TUPLE, NULL);
    ast_push(q->cg->arena, t, a);
    ast_push(q->cg->arena, t, meta);
    ast_push(q->cg->arena, t, c);
    return t;
}

static AstNode *mk_int(Quoter *q, int64_t v)
{
    AstNode *n = mk(q, AST_INT, NULL);
    n->ival = v;
    return n;
}

// ==== Metadata ====

// The metadata every escaped node gets from the options: [generated:, keep: | line:].
static AstNode *base_meta(Quoter *q, const AstNode *n, bool is_no_parens)
{
    AstNode *meta = mk_list(q);
    if (q->is_generated) {
        ast_push(q->cg->arena, meta, mk_pair(q, "generated", mk(q, AST_ATOM, "true")));
    }
    if (q->is_keep) {
        AstNode *where = mk(q, AST_TUPLE, NULL);
        ast_push(q->cg->arena, where, mk(q, AST_STRING, q->cg->file));
        ast_push(q->cg->arena, where, mk_int(q, n->line));
        ast_push(q->cg->arena, meta, mk_pair(q, "keep", where));
    }
    if (is_no_parens) { // the parser writes [no_parens: true, line: n]
        ast_push(q->cg->arena, meta, mk_pair(q, "no_parens", mk(q, AST_ATOM, "true")));
    }
    if (!q->is_keep && q->line_opt) {
        ast_push(q->cg->arena, meta, mk_pair(q, "line", (AstNode *)q->line_opt));
    }
    return meta;
}

static bool has_context(const AstNode *meta)
{
    for (uint32_t i = 0; i < meta->nkids; i++) {
        if (ast_is_named(meta->kids[i]->kids[0], AST_ATOM, "context")) {
            return true;
        }
    }
    return false;
}

// Appends `context:, imports: [{arity, Kernel}...]` when Kernel exports [name] at any arity.
static void add_imports(Quoter *q, AstNode *meta, const char *name)
{
    AstNode *imports = NULL;
    for (size_t i = 0; i < sizeof kernel_imports / sizeof kernel_imports[0]; i++) {
        if (strcmp(kernel_imports[i].name, name) != 0) {
            continue;
        }
        imports = imports ? imports : mk_list(q);
        AstNode *t = mk(q, AST_TUPLE, NULL);
        ast_push(q->cg->arena, t, mk_int(q, kernel_imports[i].arity));
        ast_push(q->cg->arena, t, mk(q, AST_ATOM, "Elixir.Kernel"));
        ast_push(q->cg->arena, imports, t);
    }
    if (imports) {
        ast_push(q->cg->arena, meta, mk_pair(q, "context", q->context));
        ast_push(q->cg->arena, meta, mk_pair(q, "imports", imports));
    }
}

static bool is_kernel_import(const char *name, int64_t arity)
{
    for (size_t i = 0; i < sizeof kernel_imports / sizeof kernel_imports[0]; i++) {
        if (strcmp(kernel_imports[i].name, name) == 0 && kernel_imports[i].arity == arity) {
            return true;
        }
    }
    return false;
}

// ==== Lists, arguments and unquote_splicing ====

static bool is_splice(const Quoter *q, const AstNode *n)
{
    return q->is_unquote && ast_is_named(n, AST_CALL, "unquote_splicing") && n->nkids == 1;
}

// [kids...] ++ acc as a list expression ([acc] NULL: a proper list ends).
static AstNode *prepend_all(Quoter *q, AstNode **kids, uint32_t len, AstNode *acc)
{
    if (acc && len == 0) {
        return acc;
    }
    AstNode *list = mk_list(q);
    for (uint32_t i = 0; i < len; i++) {
        if (acc && i + 1 == len) {
            AstNode *bar = mk(q, AST_CALL, "|");
            ast_push(q->cg->arena, bar, kids[i]);
            ast_push(q->cg->arena, bar, acc);
            ast_push(q->cg->arena, list, bar);
        } else {
            ast_push(q->cg->arena, list, kids[i]);
        }
    }
    return list;
}

// Escapes the elements [kids] of a list or argument list, splicing unquote_splicing(l) in.
static AstNode *quote_list(Quoter *q, AstNode *const *kids, uint32_t len)
{
    AstNode **done = arena_alloc(q->cg->arena, (len + 1) * sizeof *done);
    AstNode *acc = NULL;
    uint32_t pending = 0; // done[len - pending .. len) are escaped, not yet joined
    for (uint32_t i = len; i-- > 0;) {
        if (!is_splice(q, kids[i])) {
            done[i] = quote_node(q, kids[i]);
            pending++;
            continue;
        }
        AstNode *rest = prepend_all(q, done + i + 1, pending, acc);
        AstNode *plus = mk(q, AST_CALL, "++");
        ast_push(q->cg->arena, plus, kids[i]->kids[0]);
        ast_push(q->cg->arena, plus, rest);
        acc = plus;
        pending = 0;
    }
    return prepend_all(q, done, pending, acc);
}

// A list literal. `[a, unquote_splicing(l) | t]` splices l, then puts the tail on the last
// element at run time (Macro.__tail_list__/2, Elixir's elixir_quote:tail_list).
static AstNode *quote_list_node(Quoter *q, const AstNode *n)
{
    const AstNode *last = n->nkids ? n->kids[n->nkids - 1] : NULL;
    if (!(last && ast_is_named(last, AST_CALL, "|") && last->nkids == 2 &&
          is_splice(q, last->kids[0]))) {
        return quote_list(q, n->kids, n->nkids);
    }
    AstNode **kids = arena_alloc(q->cg->arena, n->nkids * sizeof *kids);
    memcpy(kids, n->kids, (n->nkids - 1) * sizeof *kids);
    kids[n->nkids - 1] = last->kids[0];
    AstNode *call = mk(q, AST_REMOTE, "__tail_list__");
    call->target = mk(q, AST_ATOM, "Elixir.Macro");
    ast_push(q->cg->arena, call, quote_list(q, kids, n->nkids));
    ast_push(q->cg->arena, call, quote_node(q, last->kids[1]));
    return call;
}

// ==== Nodes ====

static AstNode *quote_alias(Quoter *q, const AstNode *n)
{
    AstNode *parts = mk_list(q);
    const char *s = n->text;
    while (*s) {
        const char *dot = strchr(s, '.');
        size_t len = dot ? (size_t)(dot - s) : strlen(s);
        ast_push(q->cg->arena, parts, mk(q, AST_ATOM, arena_strdup(q->cg->arena, s, len)));
        s += len + (dot ? 1 : 0);
    }
    AstNode *meta = base_meta(q, n, false);
    if (strncmp(n->text, "Elixir.", 7) != 0 && strcmp(n->text, "Elixir") != 0) {
        const char *full = cg_alias_text(q->fg->mg, n);
        size_t len = strlen(n->text);
        bool is_aliased = strncmp(full, "Elixir.", 7) != 0 || strlen(full) != len + 7 ||
                          memcmp(full + 7, n->text, len) != 0;
        ast_push(q->cg->arena, meta,
                 mk_pair(q, "alias", mk(q, AST_ATOM, is_aliased ? full : "false")));
    }
    return mk_triple(q, mk(q, AST_ATOM, "__aliases__"), meta, parts);
}

static AstNode *quote_var(Quoter *q, const AstNode *n, bool add_context)
{
    AstNode *meta = base_meta(q, n, false);
    add_imports(q, meta, n->text);
    if (add_context && !has_context(meta)) {
        ast_push(q->cg->arena, meta, mk_pair(q, "context", q->context));
    }
    return mk_triple(q, mk(q, AST_ATOM, n->text), meta, q->context);
}

// `Left.unquote(name)` and `Left.unquote(name)(args)`: a dot whose right side is computed.
static AstNode *quote_dot_unquote(Quoter *q, const AstNode *remote, const AstNode *call)
{
    AstNode *dot_args = mk_list(q);
    ast_push(q->cg->arena, dot_args, quote_node(q, remote->target));
    ast_push(q->cg->arena, dot_args, remote->kids[0]);
    AstNode *dot = mk_triple(q, mk(q, AST_ATOM, "."), base_meta(q, remote, false), dot_args);
    if (call == NULL) {
        return mk_triple(q, dot, base_meta(q, remote, true), mk_list(q));
    }
    return mk_triple(q, dot, base_meta(q, call, false),
                     quote_list(q, call->kids, call->nkids));
}

static AstNode *quote_remote(Quoter *q, const AstNode *n)
{
    if (q->is_unquote && n->kind == AST_REMOTE && strcmp(n->text, "unquote") == 0 &&
        n->nkids == 1) {
        return quote_dot_unquote(q, n, NULL);
    }
    AstNode *dot_args = mk_list(q);
    if (n->kind == AST_REMOTE) {
        ast_push(q->cg->arena, dot_args, quote_node(q, n->target));
        ast_push(q->cg->arena, dot_args, mk(q, AST_ATOM, n->text));
    } else {
        ast_push(q->cg->arena, dot_args, quote_node(q, n->target));
    }
    AstNode *dot = mk_triple(q, mk(q, AST_ATOM, "."), base_meta(q, n, false), dot_args);
    bool is_no_parens = n->kind == AST_REMOTE && (n->flags & AST_F_NO_PARENS) && n->nkids == 0;
    return mk_triple(q, dot, base_meta(q, n, is_no_parens), quote_list(q, n->kids, n->nkids));
}

// `&name/arity`: the capture itself names the import when name/arity is one of Kernel's.
static AstNode *quote_capture(Quoter *q, const AstNode *n)
{
    const AstNode *slash = n->kids[0];
    const AstNode *fun = slash->kids[0];
    AstNode *meta = base_meta(q, n, false);
    if (is_kernel_import(fun->text, slash->kids[1]->ival)) {
        AstNode *imports = mk_list(q);
        AstNode *t = mk(q, AST_TUPLE, NULL);
        ast_push(q->cg->arena, t, mk_int(q, slash->kids[1]->ival));
        ast_push(q->cg->arena, t, mk(q, AST_ATOM, "Elixir.Kernel"));
        ast_push(q->cg->arena, imports, t);
        ast_push(q->cg->arena, meta, mk_pair(q, "imports", imports));
        ast_push(q->cg->arena, meta, mk_pair(q, "context", q->context));
    }
    AstNode *args = mk_list(q);
    ast_push(q->cg->arena, args, quote_node(q, slash));
    return mk_triple(q, mk(q, AST_ATOM, "&"), meta, args);
}

static bool is_capture_fa(const AstNode *n)
{
    if (!ast_is_named(n, AST_CALL, "&") || n->nkids != 1) {
        return false;
    }
    const AstNode *s = n->kids[0];
    return ast_is_named(s, AST_CALL, "/") && s->nkids == 2 && s->kids[0]->kind == AST_VAR &&
           s->kids[1]->kind == AST_INT;
}

static bool is_def_form(const char *name)
{
    static const char *const defs[] = {"def", "defp", "defmacro", "defmacrop", "defguard",
                                       "defguardp"};
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        if (strcmp(defs[i], name) == 0) {
            return true;
        }
    }
    return false;
}

// Escapes a definition's head (the first argument of def/@), adding `context:` to it.
static AstNode *quote_head(Quoter *q, const AstNode *head)
{
    if (ast_is_named(head, AST_CALL, "when") && head->nkids == 2) {
        AstNode *args = mk_list(q);
        ast_push(q->cg->arena, args, quote_head(q, head->kids[0]));
        ast_push(q->cg->arena, args, quote_node(q, head->kids[1]));
        AstNode *meta = base_meta(q, head, false);
        add_imports(q, meta, "when");
        if (!has_context(meta)) {
            ast_push(q->cg->arena, meta, mk_pair(q, "context", q->context));
        }
        return mk_triple(q, mk(q, AST_ATOM, "when"), meta, args);
    }
    if (head->kind == AST_VAR) {
        return quote_var(q, head, true);
    }
    if (head->kind == AST_CALL && head->text) {
        return quote_call(q, head, true);
    }
    return quote_node(q, head);
}

static AstNode *quote_call(Quoter *q, const AstNode *n, bool add_context)
{
    if (n->text == NULL) { // callee(args) where callee is itself a call
        if (q->is_unquote && n->target->kind == AST_REMOTE &&
            strcmp(n->target->text, "unquote") == 0 && n->target->nkids == 1) {
            return quote_dot_unquote(q, n->target, n);
        }
        return mk_triple(q, quote_node(q, n->target), base_meta(q, n, false),
                         quote_list(q, n->kids, n->nkids));
    }
    if (q->is_unquote && strcmp(n->text, "unquote") == 0 && n->nkids == 1) {
        return n->kids[0];
    }
    if (is_capture_fa(n)) {
        return quote_capture(q, n);
    }
    bool is_nested_quote = strcmp(n->text, "quote") == 0;
    bool was_unquote = q->is_unquote;
    q->is_unquote = was_unquote && !is_nested_quote;
    AstNode *args;
    if ((is_def_form(n->text) || strcmp(n->text, "@") == 0) && n->nkids >= 1) {
        args = mk_list(q);
        ast_push(q->cg->arena, args, quote_head(q, n->kids[0]));
        AstNode *rest = quote_list(q, n->kids + 1, n->nkids - 1);
        for (uint32_t i = 0; i < rest->nkids; i++) {
            ast_push(q->cg->arena, args, rest->kids[i]);
        }
    } else {
        args = quote_list(q, n->kids, n->nkids);
    }
    q->is_unquote = was_unquote;
    AstNode *meta = base_meta(q, n, false);
    if (n->delimiter) {
        ast_push(q->cg->arena, meta, mk_pair(q, "delimiter", mk(q, AST_STRING, n->delimiter)));
    }
    add_imports(q, meta, n->text);
    bool is_lexical = is_nested_quote || strcmp(n->text, "import") == 0 ||
                      strcmp(n->text, "alias") == 0 || strcmp(n->text, "require") == 0;
    if ((add_context || is_lexical) && !has_context(meta)) {
        ast_push(q->cg->arena, meta, mk_pair(q, "context", q->context));
    }
    return mk_triple(q, mk(q, AST_ATOM, n->text), meta, args);
}

static AstNode *quote_node(Quoter *q, const AstNode *n)
{
    switch (n->kind) {
    case AST_LIST:
        return quote_list_node(q, n);
    case AST_TUPLE:
        if (n->nkids == 2) {
            AstNode *t = mk(q, AST_TUPLE, NULL);
            ast_push(q->cg->arena, t, quote_node(q, n->kids[0]));
            ast_push(q->cg->arena, t, quote_node(q, n->kids[1]));
            return t;
        }
        return mk_triple(q, mk(q, AST_ATOM, "{}"), base_meta(q, n, false),
                         quote_list(q, n->kids, n->nkids));
    case AST_VAR:
        return quote_var(q, n, false);
    case AST_ALIAS:
        return quote_alias(q, n);
    case AST_CALL:
        return quote_call(q, n, false);
    case AST_REMOTE: case AST_DOT_CALL:
        return quote_remote(q, n);
    default: // numbers, atoms, strings, charlists are their own quoted form
        return (AstNode *)n;
    }
}

// ==== Options and entry point ====

static AstNode *context_expr(Quoter *q, const AstNode *v)
{
    if (v->kind == AST_ALIAS) {
        return mk(q, AST_ATOM, cg_alias_text(q->fg->mg, v));
    }
    return (AstNode *)v;
}

// Reads the options of `quote` [n]; returns the body (NULL after reporting an error).
static const AstNode *read_options(Quoter *q, const AstNode *n, const AstNode **bind)
{
    const AstNode *body = NULL;
    for (uint32_t k = 0; k < n->nkids; k++) {
        const AstNode *kw = n->kids[k];
        if (!cg_is_keyword(kw)) {
            cg_error(q->cg, n->line, "invalid arguments for quote");
            return NULL;
        }
        for (uint32_t i = 0; i < kw->nkids; i++) {
            const char *key = kw->kids[i]->kids[0]->text;
            const AstNode *v = kw->kids[i]->kids[1];
            if (strcmp(key, "do") == 0) {
                body = v;
            } else if (strcmp(key, "context") == 0) {
                q->context = context_expr(q, v);
            } else if (strcmp(key, "unquote") == 0) {
                q->is_unquote = !ast_is_named(v, AST_ATOM, "false");
            } else if (strcmp(key, "line") == 0) {
                q->line_opt = v;
            } else if (strcmp(key, "location") == 0) {
                q->is_keep = ast_is_named(v, AST_ATOM, "keep");
            } else if (strcmp(key, "generated") == 0) {
                q->is_generated = ast_is_named(v, AST_ATOM, "true");
            } else if (strcmp(key, "bind_quoted") == 0) {
                if (!cg_is_keyword(v)) {
                    cg_error(q->cg, n->line, "invalid :bind_quoted for quote, expected a keyword list of variable names");
                    return NULL;
                }
                *bind = v;
                q->is_unquote = false;
            }
        }
    }
    if (body == NULL) {
        cg_error(q->cg, n->line, "missing :do option in \"quote\"");
    }
    return body;
}

// `bind_quoted: [k: v]`: {:__block__, [], [{:=, [], [{:k, [line: L], ctx}, v]}, ..., body]}.
static AstNode *bind_block(Quoter *q, const AstNode *bind, AstNode *body)
{
    AstNode *stmts = mk_list(q);
    for (uint32_t i = 0; i < bind->nkids; i++) {
        AstNode *var_meta = mk_list(q);
        ast_push(q->cg->arena, var_meta, mk_pair(q, "line", mk_int(q, q->line)));
        AstNode *var = mk_triple(q, mk(q, AST_ATOM, bind->kids[i]->kids[0]->text), var_meta,
                                 q->context);
        AstNode *args = mk_list(q);
        ast_push(q->cg->arena, args, var);
        ast_push(q->cg->arena, args, bind->kids[i]->kids[1]);
        ast_push(q->cg->arena, stmts, mk_triple(q, mk(q, AST_ATOM, "="), mk_list(q), args));
    }
    ast_push(q->cg->arena, stmts, body);
    return mk_triple(q, mk(q, AST_ATOM, "__block__"), mk_list(q), stmts);
}

void quote_compile(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    (void)tail;
    ModGen *mg = fg->mg;
    Quoter q = {.fg = fg, .cg = mg->cg, .line = n->line, .is_unquote = true};
    q.context = mk(&q, AST_ATOM, mg->is_script ? "Elixir" : mg->name);
    const AstNode *bind = NULL;
    const AstNode *body = read_options(&q, n, &bind);
    if (body == NULL) {
        return;
    }
    AstNode *built = quote_node(&q, body);
    if (bind) {
        built = bind_block(&q, bind, built);
    }
    expr_compile(fg, built, dst);
}

// ==== __ENV__ fields, __DIR__ and var! (the compile-time environment, without a Macro.Env) ====

// The absolute path of the file being compiled ("nofile" and the like stay as they are).
static const char *absolute_file(Cg *cg)
{
    char *resolved = realpath(cg->file, NULL);
    if (resolved == NULL) {
        return cg->file;
    }
    const char *copy = arena_strdup(cg->arena, resolved, strlen(resolved));
    free(resolved);
    return copy;
}

static AstNode *env_function(Quoter *q)
{
    FnGen *fg = q->fg;
    if (fg->fn_name == NULL || strcmp(fg->fn_name, "__script__") == 0 ||
        strcmp(fg->fn_name, MODULE_BODY_FN) == 0) {
        return mk(q, AST_ATOM, "nil");
    }
    AstNode *t = mk(q, AST_TUPLE, NULL);
    ast_push(q->cg->arena, t, mk(q, AST_ATOM, fg->fn_name));
    ast_push(q->cg->arena, t, mk_int(q, fg->fn_arity));
    return t;
}

static bool is_unbound_var(FnGen *fg, const AstNode *n, const char *name)
{
    return n->kind == AST_VAR && strcmp(n->text, name) == 0 &&
           scope_lookup(fg, n->text) == UINT32_MAX;
}

const AstNode *quote_env_expr(FnGen *fg, const AstNode *n)
{
    Quoter q = {.fg = fg, .cg = fg->mg->cg, .line = n->line};
    if (ast_is_named(n, AST_CALL, "var!") && (n->nkids == 1 || n->nkids == 2) &&
        n->kids[0]->kind == AST_VAR && !cg_find_def(fg->mg, "var!", n->nkids)) {
        return n->kids[0];
    }
    if (is_unbound_var(fg, n, "__DIR__")) {
        const char *file = absolute_file(q.cg);
        const char *slash = strrchr(file, '/');
        return mk(&q, AST_STRING, slash ? arena_strdup(q.cg->arena, file, (size_t)(slash - file))
                                        : ".");
    }
    if (n->kind != AST_REMOTE || !(n->flags & AST_F_NO_PARENS) || n->nkids != 0 ||
        !is_unbound_var(fg, n->target, "__ENV__")) {
        return NULL;
    }
    if (strcmp(n->text, "module") == 0) {
        return mk(&q, AST_ATOM, fg->mg->is_script ? "nil" : fg->mg->name);
    }
    if (strcmp(n->text, "file") == 0) {
        return mk(&q, AST_STRING, absolute_file(q.cg));
    }
    if (strcmp(n->text, "line") == 0) {
        return mk_int(&q, n->line);
    }
    if (strcmp(n->text, "function") == 0) {
        return env_function(&q);
    }
    return NULL;
}
