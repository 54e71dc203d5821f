// Protocols without macros: a pre-pass rewrites `defprotocol` and `defimpl` into ordinary
// modules before code generation.
//   defprotocol P do def f(x, y) end
//     -> defmodule P: f(x, y) calls Ember.Protocol.impl!(P, x, fallback).f(x, y), plus
//        impl_for/1 and __protocol__/1 (stdlib/protocol.ex does the type dispatch)
//   defimpl P, for: T do ... end   (for: [A, B] makes one module per type)
//     -> defmodule P.T do ... end
// A defimpl or defprotocol inside a module body is hoisted after that module (an implementation
// is a top-level module in Elixir too); without for:, it implements the enclosing module.
#include "codegen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_call(const AstNode *n, const char *name)
{
    return n && n->kind == AST_CALL && n->text && strcmp(n->text, name) == 0;
}

static uint32_t block_len(const AstNode *body)
{
    if (!body) {
        return 0;
    }
    return ast_is_named(body, AST_CALL, "__block__") ? body->nkids : 1;
}

static AstNode *block_at(const AstNode *body, uint32_t i)
{
    return ast_is_named(body, AST_CALL, "__block__") ? body->kids[i] : (AstNode *)body;
}

// The value of keyword [key] in any keyword-list argument of call [n].
static const AstNode *call_option(const AstNode *n, const char *key)
{
    for (uint32_t i = 1; i < n->nkids; i++) {
        const AstNode *v = cg_kw_get(n->kids[i], key);
        if (v) {
            return v;
        }
    }
    return NULL;
}

static AstNode *defmodule_node(Cg *cg, uint32_t line, const char *name, AstNode *body)
{
    AstNode *alias = cg_node(cg, AST_ALIAS, line, name);
    AstNode *pair = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, line, "do"));
    ast_push(cg->arena, pair, body ? body : cg_node(cg, AST_CALL, line, "__block__"));
    AstNode *kw = cg_node(cg, AST_LIST, line, NULL);
    ast_push(cg->arena, kw, pair);
    AstNode *mod = cg_node(cg, AST_CALL, line, "defmodule");
    ast_push(cg->arena, mod, alias);
    ast_push(cg->arena, mod, kw);
    return mod;
}

static char *concat(Cg *cg, const char *a, const char *b)
{
    size_t size = strlen(a) + strlen(b) + 2;
    char *out = arena_alloc(cg->arena, size);
    snprintf(out, size, "%s.%s", a, b);
    return out;
}

// defimpl P, for: T do body end: appends one defmodule per type to [out].
static void expand_impl(Cg *cg, const AstNode *s, const char *enclosing, AstNode *out)
{
    const AstNode *protocol = s->nkids ? s->kids[0] : NULL;
    const AstNode *types = call_option(s, "for");
    AstNode *body = (AstNode *)call_option(s, "do");
    if (!protocol || protocol->kind != AST_ALIAS || (!types && !enclosing)) {
        cg_error(cg, s->line, "defimpl needs a protocol name and for: (outside a module)");
        return;
    }
    if (!types) {
        ast_push(cg->arena, out, defmodule_node(cg, s->line, concat(cg, protocol->text, enclosing),
                                                body));
        return;
    }
    uint32_t count = types->kind == AST_LIST ? types->nkids : 1;
    for (uint32_t i = 0; i < count; i++) {
        const AstNode *type = types->kind == AST_LIST ? types->kids[i] : types;
        if (type->kind != AST_ALIAS) {
            cg_error(cg, s->line, "defimpl for: expects module names");
            return;
        }
        ast_push(cg->arena, out,
                 defmodule_node(cg, s->line, concat(cg, protocol->text, type->text), body));
    }
}

// defprotocol P do def f(a, b) ... end: the dispatching module, generated as source.
static void expand_protocol(Cg *cg, const AstNode *s, AstNode *out)
{
    const AstNode *name = s->nkids ? s->kids[0] : NULL;
    const AstNode *body = call_option(s, "do");
    if (!name || name->kind != AST_ALIAS) {
        cg_error(cg, s->line, "defprotocol needs a module name");
        return;
    }
    bool fallback = false;
    for (uint32_t i = 0; i < block_len(body); i++) {
        const AstNode *a = block_at(body, i);
        if (is_call(a, "@") && a->nkids == 1 && is_call(a->kids[0], "fallback_to_any") &&
            a->kids[0]->nkids == 1 && a->kids[0]->kids[0]->kind == AST_ATOM) {
            fallback = strcmp(a->kids[0]->kids[0]->text, "true") == 0;
        }
    }
    char *src = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&src, &size);
    const char *fb = fallback ? "true" : "false";
    fprintf(f, "defmodule %s do\n", name->text);
    fprintf(f, "def impl_for(value), do: Ember.Protocol.impl_for(__MODULE__, value, %s)\n", fb);
    fprintf(f, "def __protocol__(:module), do: __MODULE__\n");
    for (uint32_t i = 0; i < block_len(body); i++) {
        const AstNode *d = block_at(body, i);
        const AstNode *head = is_call(d, "def") && d->nkids == 1 ? d->kids[0] : NULL;
        if (!head || (head->kind != AST_CALL && head->kind != AST_VAR) || head->nkids == 0) {
            continue; // @doc, @spec, ... (a def without arguments cannot dispatch)
        }
        fprintf(f, "def %s(", head->text);
        for (uint32_t k = 0; k < head->nkids; k++) {
            fprintf(f, "%sarg%u", k ? ", " : "", k);
        }
        fprintf(f, "), do: Ember.Protocol.impl!(__MODULE__, arg0, %s).%s(", fb, head->text);
        for (uint32_t k = 0; k < head->nkids; k++) {
            fprintf(f, "%sarg%u", k ? ", " : "", k);
        }
        fprintf(f, ")\n");
    }
    fprintf(f, "end\n");
    fclose(f);
    ast_push(cg->arena, out, cg_parse_snippet(cg, arena_strdup(cg->arena, src, size), s->line));
    free(src);
}

static void expand_stmt(Cg *cg, AstNode *s, const char *enclosing, AstNode *out);

// Replaces the `do:` value of defmodule [s] by [body].
static void set_do_body(AstNode *s, AstNode *body)
{
    AstNode *kw = s->kids[1];
    for (uint32_t i = 0; kw->kind == AST_LIST && i < kw->nkids; i++) {
        AstNode *pair = kw->kids[i];
        if (pair->kind == AST_TUPLE && pair->nkids == 2 && pair->kids[0]->kind == AST_ATOM &&
            strcmp(pair->kids[0]->text, "do") == 0) {
            pair->kids[1] = body;
        }
    }
}

// A defmodule whose body may hold defimpl/defprotocol: those leave the body (replaced by nil)
// and follow the module in [out].
static void expand_module(Cg *cg, AstNode *s, const char *enclosing, AstNode *out)
{
    ast_push(cg->arena, out, s);
    const AstNode *alias = s->nkids == 2 ? s->kids[0] : NULL;
    AstNode *body = (AstNode *)(s->nkids == 2 ? cg_kw_get(s->kids[1], "do") : NULL);
    if (!alias || alias->kind != AST_ALIAS || !body) {
        return;
    }
    const char *name = enclosing ? concat(cg, enclosing, alias->text) : alias->text;
    for (uint32_t i = 0; i < block_len(body); i++) {
        AstNode *inner = block_at(body, i);
        if (is_call(inner, "defimpl") || is_call(inner, "defprotocol") ||
            is_call(inner, "defmodule")) {
            AstNode *hoisted = cg_node(cg, AST_CALL, inner->line, "__block__");
            expand_stmt(cg, inner, name, hoisted);
            if (is_call(inner, "defmodule")) {
                // A nested module stays where it is; only what its body hoisted moves out.
                for (uint32_t k = 1; k < hoisted->nkids; k++) {
                    ast_push(cg->arena, out, hoisted->kids[k]);
                }
                continue;
            }
            for (uint32_t k = 0; k < hoisted->nkids; k++) {
                ast_push(cg->arena, out, hoisted->kids[k]);
            }
            AstNode *nil = cg_node(cg, AST_ATOM, inner->line, "nil");
            if (ast_is_named(body, AST_CALL, "__block__")) {
                body->kids[i] = nil;
            } else {
                set_do_body(s, nil); // it was the module's only statement
            }
        }
    }
}

static void expand_stmt(Cg *cg, AstNode *s, const char *enclosing, AstNode *out)
{
    if (is_call(s, "defprotocol")) {
        expand_protocol(cg, s, out);
    } else if (is_call(s, "defimpl")) {
        expand_impl(cg, s, enclosing, out);
    } else if (is_call(s, "defmodule")) {
        expand_module(cg, s, enclosing, out);
    } else {
        ast_push(cg->arena, out, s);
    }
}

static bool mentions_protocols(const AstNode *n, int depth)
{
    if (!n || depth > 64) {
        return false;
    }
    if (is_call(n, "defprotocol") || is_call(n, "defimpl")) {
        return true;
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        if (mentions_protocols(n->kids[i], depth + 1)) {
            return true;
        }
    }
    return false;
}

AstNode *protocol_expand(Cg *cg, AstNode *root)
{
    if (!mentions_protocols(root, 0)) {
        return root; // the common case: the tree is left exactly as parsed
    }
    AstNode *out = cg_node(cg, AST_CALL, root->line, "__block__");
    for (uint32_t i = 0; i < block_len(root); i++) {
        expand_stmt(cg, block_at(root, i), NULL, out);
    }
    return out;
}
