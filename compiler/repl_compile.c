// The REPL's shape of a script (compile_repl in compiler.h). Each input becomes its own module
// whose __script__/N receives the variables of earlier inputs as arguments and returns
// {value, [{:name, value}, ...]}, so the shell (stdlib/repl.ex) keeps bindings between inputs
// without the compiler or the VM having any notion of a session.
#include "codegen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The input's value while the bindings list is built; never visible to user code ("__ember"
// names cannot clash: Elixir reserves no such variable, but no one writes it either, and it
// is filtered out of the bindings).
#define VALUE_VAR "__ember_repl_value__"

// The shell helpers importable at the prompt, as an `only:` list (stdlib/repl.ex defines them).
static const char helper_import[] =
    "import Ember.Repl.Helpers, only: [h: 0, v: 0, v: 1, flush: 0, i: 1, c: 1, r: 1, "
    "pid: 1, pid: 3]";

void repl_begin(FnGen *fg, const CompileRepl *repl)
{
    Cg *cg = fg->mg->cg;
    fg->top = fg->max_reg = repl->bound_count;
    for (uint32_t i = 0; i < repl->bound_count; i++) {
        scope_bind(fg, arena_strdup(cg->arena, repl->bound[i], strlen(repl->bound[i])), i);
    }
    cg_add_import(fg->mg, cg_parse_snippet(cg, helper_import, fg->line));
    if (repl->env != NULL && repl->env[0] != '\0') {
        // The aliases and imports of earlier inputs, as iex keeps them.
        const AstNode *env = cg_parse_snippet(cg, repl->env, fg->line);
        bool block = ast_is_named(env, AST_CALL, "__block__");
        for (uint32_t i = 0; i < (block ? env->nkids : 1); i++) {
            cg_apply_directive(fg->mg, block ? env->kids[i] : env);
        }
    }
}

// The aliases and imports in effect now, as statements for the next input's env.
static char *env_text(const ModGen *mg)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    for (uint32_t i = 0; i < mg->alias_len; i++) {
        fprintf(out, "alias %s, as: %s\n", (const char *)mg->aliases[i].node,
                mg->aliases[i].name);
    }
    for (uint32_t i = 0; i < mg->import_len; i++) {
        const char *module = mg->imports[i].name;
        if (strcmp(module, "Elixir.Ember.Repl.Helpers") == 0) {
            continue;
        }
        if (strncmp(module, "Elixir.", 7) == 0) {
            fprintf(out, "import %s", module + 7);
        } else {
            fprintf(out, "import :\"%s\"", module);
        }
        const AstNode *only = mg->imports[i].node;
        for (uint32_t k = 0; only != NULL && cg_is_keyword(only) && k < only->nkids; k++) {
            const AstNode *arity = only->kids[k]->kids[1];
            fprintf(out, "%s\"%s\": %lld", k == 0 ? ", only: [" : ", ",
                    only->kids[k]->kids[0]->text,
                    arity->kind == AST_INT ? (long long)arity->ival : 0LL);
        }
        fputs(only != NULL && cg_is_keyword(only) && only->nkids > 0 ? "]\n" : "\n", out);
    }
    fclose(out);
    return text;
}

static bool seen_later(const FnGen *fg, uint32_t index)
{
    for (uint32_t j = index + 1; j < fg->var_len; j++) {
        if (strcmp(fg->vars[j].name, fg->vars[index].name) == 0) {
            return true;
        }
    }
    return false;
}

// [{:name, name}, ...] for every variable visible now, each name once (its newest binding),
// oldest first.
static AstNode *bindings_list(FnGen *fg, uint32_t line)
{
    Cg *cg = fg->mg->cg;
    AstNode *list = cg_node(cg, AST_LIST, line, NULL);
    for (uint32_t i = 0; i < fg->var_len; i++) {
        const char *name = fg->vars[i].name;
        if (strncmp(name, "__ember", 7) == 0 || scope_is_ignored(name) || seen_later(fg, i)) {
            continue;
        }
        AstNode *pair = cg_node(cg, AST_TUPLE, line, NULL);
        ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, line, name));
        ast_push(cg->arena, pair, cg_node(cg, AST_VAR, line, name));
        ast_push(cg->arena, list, pair);
    }
    return list;
}

void repl_finish(FnGen *fg, const AstNode *last)
{
    Cg *cg = fg->mg->cg;
    uint32_t line = last ? last->line : fg->line;
    uint32_t value = reg_alloc(fg);
    if (last) {
        expr_compile(fg, last, value);
    } else {
        emit_load_atom(fg, value, "nil");
    }
    scope_bind(fg, VALUE_VAR, value);
    free(cg->repl_env);
    cg->repl_env = env_text(fg->mg);
    AstNode *result = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, result, cg_node(cg, AST_VAR, line, VALUE_VAR));
    ast_push(cg->arena, result, bindings_list(fg, line));
    expr_compile_tail(fg, result);
}

// {name, arity} of the def that ends the module body [body], or nil (Elixir's 4th element is
// the body's last value, which for the usual module is its last def).
static AstNode *last_def(Cg *cg, const AstNode *body, uint32_t line)
{
    const AstNode *s = body;
    if (s && ast_is_named(s, AST_CALL, "__block__") && s->nkids > 0) {
        s = s->kids[s->nkids - 1];
    }
    bool is_def = s && s->kind == AST_CALL && s->nkids >= 1 &&
                  (strcmp(s->text, "def") == 0 || strcmp(s->text, "defp") == 0);
    const AstNode *head = is_def ? s->kids[0] : NULL;
    if (head && ast_is_named(head, AST_CALL, "when") && head->nkids > 0) {
        head = head->kids[0];
    }
    if (!head || (head->kind != AST_CALL && head->kind != AST_VAR)) {
        return cg_node(cg, AST_ATOM, line, "nil");
    }
    AstNode *pair = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, line, head->text));
    AstNode *arity = cg_node(cg, AST_INT, line, NULL);
    arity->ival = head->kind == AST_CALL ? head->nkids : 0;
    ast_push(cg->arena, pair, arity);
    return pair;
}

void repl_finish_module(FnGen *fg, const AstNode *s, const char *module)
{
    Cg *cg = fg->mg->cg;
    AstNode *bytes = cg_node(cg, AST_STRING, s->line, "");
    for (size_t i = 0; i < cg->out_len; i++) {
        if (strcmp(cg->outs[i].name, module) == 0) {
            bytes->text = (const char *)cg->outs[i].bytes;
            bytes->text_len = cg->outs[i].size;
        }
    }
    AstNode *value = cg_node(cg, AST_TUPLE, s->line, NULL);
    ast_push(cg->arena, value, cg_node(cg, AST_ATOM, s->line, "module"));
    ast_push(cg->arena, value, cg_node(cg, AST_ATOM, s->line, module));
    ast_push(cg->arena, value, bytes);
    ast_push(cg->arena, value, last_def(cg, cg_kw_get(s->kids[1], "do"), s->line));
    repl_finish(fg, value);
}
