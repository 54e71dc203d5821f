// defdelegate, defguard and lowercase sigils' escapes without macros: a pre-pass over the
// tree, before code generation.
//   defdelegate f(a, b), to: Mod [, as: :g]   ->  def f(a, b), do: Mod.g(a, b)
//   defguard g(x) when expr                   ->  every call g(y) in the same module (in guards
//                                                 and expressions) becomes expr with x := y
#include "codegen.h"

#include <string.h>

static bool is_call(const AstNode *n, const char *name)
{
    return n && n->kind == AST_CALL && n->text && strcmp(n->text, name) == 0;
}

// The argument a parameter passes on: the variable of `a \\ default`, else the parameter.
static AstNode *passed(AstNode *param)
{
    return is_call(param, "\\\\") && param->nkids == 2 ? param->kids[0] : param;
}

static void rewrite(Cg *cg, AstNode *d)
{
    AstNode *head = d->nkids == 2 ? d->kids[0] : NULL;
    const AstNode *to = d->nkids == 2 ? cg_kw_get(d->kids[1], "to") : NULL;
    const AstNode *as = d->nkids == 2 ? cg_kw_get(d->kids[1], "as") : NULL;
    if (!head || (head->kind != AST_CALL && head->kind != AST_VAR) || !to ||
        (to->kind != AST_ALIAS && to->kind != AST_ATOM) || (as && as->kind != AST_ATOM)) {
        cg_error(cg, d->line, "defdelegate expects a function head and to: Module");
        return;
    }
    AstNode *call = cg_node(cg, AST_REMOTE, d->line, as ? as->text : head->text);
    call->target = (AstNode *)to;
    for (uint32_t i = 0; head->kind == AST_CALL && i < head->nkids; i++) {
        ast_push(cg->arena, call, passed(head->kids[i]));
    }
    AstNode *pair = cg_node(cg, AST_TUPLE, d->line, NULL);
    ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, d->line, "do"));
    ast_push(cg->arena, pair, call);
    AstNode *kw = cg_node(cg, AST_LIST, d->line, NULL);
    ast_push(cg->arena, kw, pair);
    d->text = "def";
    d->text_len = 3;
    d->kids[1] = kw;
}

// ==== defguard ====

typedef struct Guard {
    const AstNode *head; // g(x, y)
    const AstNode *body; // the expression after `when`
} Guard;

#define GUARDS_MAX 64

// A copy of [n] with every variable named like a parameter of [g] replaced by its argument.
static AstNode *substitute(Cg *cg, const AstNode *n, const Guard *g, AstNode *const *args,
                           int depth)
{
    if (n->kind == AST_VAR) {
        for (uint32_t i = 0; i < g->head->nkids; i++) {
            const AstNode *p = g->head->kids[i];
            if (p->kind == AST_VAR && strcmp(p->text, n->text) == 0) {
                return args[i];
            }
        }
    }
    AstNode *copy = ast_new(cg->arena, n->kind, n->line, n->col);
    *copy = *n;
    copy->kids = NULL;
    copy->nkids = 0;
    for (uint32_t i = 0; i < n->nkids && depth < 200; i++) {
        ast_push(cg->arena, copy, substitute(cg, n->kids[i], g, args, depth + 1));
    }
    if (n->target && depth < 200) {
        copy->target = substitute(cg, n->target, g, args, depth + 1);
    }
    return copy;
}

static const Guard *find_guard(const Guard *guards, uint32_t count, const AstNode *n)
{
    for (uint32_t i = 0; n->kind == AST_CALL && n->text && i < count; i++) {
        if (strcmp(guards[i].head->text, n->text) == 0 && guards[i].head->nkids == n->nkids) {
            return &guards[i];
        }
    }
    return NULL;
}

// Replaces, below [n], every call of one of [guards] by its substituted body.
static void inline_guards(Cg *cg, AstNode *n, const Guard *guards, uint32_t count, int depth)
{
    if (!n || depth > 200) {
        return;
    }
    if (n->target) {
        inline_guards(cg, n->target, guards, count, depth + 1);
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        AstNode *kid = n->kids[i];
        inline_guards(cg, kid, guards, count, depth + 1);
        const Guard *g = find_guard(guards, count, kid);
        if (g) {
            n->kids[i] = substitute(cg, g->body, g, kid->kids, 0);
        }
    }
}

// defguard g(x) when expr, as (head, expr); false when [s] is not a well-formed defguard.
static bool guard_of(const AstNode *s, Guard *out)
{
    const AstNode *w = s->nkids == 1 ? s->kids[0] : NULL;
    if (!is_call(w, "when") || w->nkids != 2 || w->kids[0]->kind != AST_CALL) {
        return false;
    }
    out->head = w->kids[0];
    out->body = w->kids[1];
    return true;
}

// The module body [body]: collects its defguards (removing them) and inlines their calls
// everywhere in the body. (In Elixir a guard is a macro: other modules need `require`, which
// Ember does not model; they cannot call it.)
static void expand_guards(Cg *cg, AstNode *body)
{
    Guard guards[GUARDS_MAX];
    uint32_t count = 0;
    bool block = ast_is_named(body, AST_CALL, "__block__");
    for (uint32_t i = 0; block && i < body->nkids; i++) {
        AstNode *s = body->kids[i];
        if (!is_call(s, "defguard") && !is_call(s, "defguardp")) {
            continue;
        }
        if (count == GUARDS_MAX || !guard_of(s, &guards[count])) {
            cg_error(cg, s->line, "defguard expects `name(args) when guard`");
            return;
        }
        count++;
        body->kids[i] = cg_node(cg, AST_ATOM, s->line, "nil");
    }
    if (count > 0) {
        inline_guards(cg, body, guards, count, 0);
    }
}

// ==== Lowercase sigils ====

// ~s, ~c and ~w resolve escapes in their literal parts, like strings (Elixir's sigil_s,
// sigil_c and sigil_w call Macro.unescape_string); the parser keeps them raw, as Elixir's
// quoted form does.
static void unescape_sigil(Cg *cg, AstNode *n)
{
    AstNode *body = n->nkids ? n->kids[0] : NULL;
    bool chars = strcmp(n->text, "sigil_c") == 0;
    for (uint32_t i = 0; ast_is_named(body, AST_CALL, "<<>>") && i < body->nkids; i++) {
        AstNode *part = body->kids[i];
        if (part->kind == AST_STRING && memchr(part->text, '\\', part->text_len) != NULL) {
            char *out = arena_alloc(cg->arena, part->text_len + 1);
            part->text_len = lx_unescape_sigil(part->text, part->text_len, out, chars);
            part->text = out;
        }
    }
}

static void walk(Cg *cg, AstNode *n, int depth)
{
    if (!n || depth > 200) {
        return;
    }
    if (is_call(n, "sigil_s") || is_call(n, "sigil_c") || is_call(n, "sigil_w")) {
        unescape_sigil(cg, n);
        return;
    }
    if (is_call(n, "defdelegate")) {
        rewrite(cg, n);
        return;
    }
    if (is_call(n, "defmodule") && n->nkids == 2) {
        AstNode *body = (AstNode *)cg_kw_get(n->kids[1], "do");
        if (body) {
            expand_guards(cg, body);
        }
    }
    if (n->target) {
        walk(cg, n->target, depth + 1);
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        walk(cg, n->kids[i], depth + 1);
    }
}

void def_rewrites_expand(Cg *cg, AstNode *root)
{
    walk(cg, root, 0);
}
