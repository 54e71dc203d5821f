// Code generator driver: compile_source parses, finds every defstruct, then compiles each
// defmodule (nested ones too, named A.B) into its own CompiledModule, and in script mode all
// other top-level code into ember_script.__script__/0. Within a module, a pre-pass numbers every
// def/defp group (and the heads generated for default arguments) so calls can go forward.
#include "codegen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ==== Small helpers ====

void cg_error(Cg *cg, uint32_t line, const char *fmt, ...)
{
    if (cg->failed) {
        return;
    }
    cg->failed = true;
    Diag *d = cg->diag;
    memset(d, 0, sizeof *d);
    snprintf(d->kind, sizeof d->kind, "CompileError");
    snprintf(d->file, sizeof d->file, "%s", cg->file);
    d->line = line;
    d->col = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
}

void cg_grow(void **data, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap) {
        return;
    }
    uint32_t n = *cap ? *cap : 8;
    while (n < need) {
        n *= 2;
    }
    void *p = realloc(*data, (size_t)n * elem);
    if (!p) {
        fputs("ember: out of memory\n", stderr);
        exit(1);
    }
    *data = p;
    *cap = n;
}

AstNode *cg_node(Cg *cg, AstKind kind, uint32_t line, const char *text)
{
    AstNode *n = ast_new(cg->arena, kind, line, 0);
    if (text) {
        n->text = text;
        n->text_len = strlen(text);
    }
    return n;
}

static void snippet_fix(Arena *arena, AstNode *n, uint32_t line, int depth)
{
    if (!n || depth > 200) {
        return;
    }
    n->line = line;
    if (n->text) {
        n->text = arena_strdup(arena, n->text, n->text_len);
    }
    snippet_fix(arena, n->target, line, depth + 1);
    for (uint32_t i = 0; i < n->nkids; i++) {
        snippet_fix(arena, n->kids[i], line, depth + 1);
    }
}

AstNode *cg_parse_snippet(Cg *cg, const char *src, uint32_t line)
{
    Diag diag;
    AstNode *root = parse_source(cg->arena, src, strlen(src), cg->file, &diag);
    if (!root) {
        cg_error(cg, line, "internal error: bad generated code");
        return cg_node(cg, AST_ATOM, line, "nil");
    }
    snippet_fix(cg->arena, root, line, 0);
    if (root->kind == AST_CALL && strcmp(root->text, "__block__") == 0 && root->nkids == 1) {
        return root->kids[0];
    }
    return root;
}

bool cg_is_keyword(const AstNode *n)
{
    if (!n || n->kind != AST_LIST) {
        return false;
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *kv = n->kids[i];
        if (kv->kind != AST_TUPLE || kv->nkids != 2 || kv->kids[0]->kind != AST_ATOM) {
            return false;
        }
    }
    return true;
}

const AstNode *cg_kw_get(const AstNode *kw, const char *key)
{
    if (!cg_is_keyword(kw)) {
        return NULL;
    }
    for (uint32_t i = 0; i < kw->nkids; i++) {
        if (strcmp(kw->kids[i]->kids[0]->text, key) == 0) {
            return kw->kids[i]->kids[1];
        }
    }
    return NULL;
}

const char *cg_alias_text(ModGen *mg, const AstNode *alias)
{
    const char *text = alias->text;
    if (strncmp(text, "Elixir.", 7) == 0 || strcmp(text, "Elixir") == 0) {
        return text; // `Elixir` alone is the atom :Elixir
    }
    size_t first_len = strcspn(text, ".");
    const char *base = NULL;
    for (uint32_t i = mg->alias_len; i-- > 0;) {
        const char *short_name = mg->aliases[i].name;
        if (strlen(short_name) == first_len && strncmp(short_name, text, first_len) == 0) {
            base = (const char *)mg->aliases[i].node;
            break;
        }
    }
    size_t size = 8 + strlen(text) + (base ? strlen(base) : 0);
    char *out = arena_alloc(mg->cg->arena, size);
    if (base) {
        snprintf(out, size, "Elixir.%s%s", base, text + first_len);
    } else {
        snprintf(out, size, "Elixir.%s", text);
    }
    return out;
}

void cg_add_alias(ModGen *mg, const char *short_name, const char *full)
{
    cg_grow((void **)&mg->aliases, &mg->alias_cap, mg->alias_len + 1, sizeof(NamedNode));
    mg->aliases[mg->alias_len++] = (NamedNode){short_name, (const AstNode *)full};
}

void cg_add_import(ModGen *mg, const AstNode *n)
{
    const AstNode *target = n->nkids ? n->kids[0] : NULL;
    if (!target || target->kind != AST_ALIAS) {
        return;
    }
    const AstNode *only = n->nkids == 2 ? cg_kw_get(n->kids[1], "only") : NULL;
    cg_grow((void **)&mg->imports, &mg->import_cap, mg->import_len + 1, sizeof(NamedNode));
    mg->imports[mg->import_len++] = (NamedNode){cg_alias_text(mg, target), only};
}

void cg_apply_directive(ModGen *mg, const AstNode *n)
{
    const AstNode *target = n->nkids ? n->kids[0] : NULL;
    if (!target || target->kind != AST_ALIAS) {
        return;
    }
    if (strcmp(n->text, "import") == 0) {
        cg_add_import(mg, n);
        return;
    }
    if (strcmp(n->text, "alias") != 0) {
        return; // require: nothing to do without macros
    }
    const char *full = cg_alias_text(mg, target) + 7; // without "Elixir."
    const AstNode *as = n->nkids == 2 ? cg_kw_get(n->kids[1], "as") : NULL;
    const char *short_name = strrchr(target->text, '.');
    short_name = short_name ? short_name + 1 : target->text;
    if (as && as->kind == AST_ALIAS) {
        short_name = as->text;
    }
    cg_add_alias(mg, short_name, full);
}

const char *cg_import_for(ModGen *mg, const char *name, uint32_t arity)
{
    for (uint32_t i = mg->import_len; i-- > 0;) {
        const AstNode *only = mg->imports[i].node;
        if (!only) {
            return mg->imports[i].name;
        }
        for (uint32_t k = 0; cg_is_keyword(only) && k < only->nkids; k++) {
            const AstNode *key = only->kids[k]->kids[0];
            const AstNode *want = only->kids[k]->kids[1];
            if (strcmp(key->text, name) == 0 && want->kind == AST_INT &&
                want->ival == (int64_t)arity) {
                return mg->imports[i].name;
            }
        }
    }
    return NULL;
}

const char *cg_struct_module(FnGen *fg, const AstNode *name)
{
    if (name->kind == AST_ALIAS) {
        return cg_alias_text(fg->mg, name);
    }
    if (name->kind == AST_ATOM) {
        return name->text;
    }
    if (name->kind == AST_VAR && strcmp(name->text, "__MODULE__") == 0) {
        return fg->mg->name;
    }
    return NULL;
}

const StructDef *cg_find_struct(Cg *cg, const char *module)
{
    for (uint32_t i = 0; i < cg->struct_len; i++) {
        if (strcmp(cg->structs[i].module, module) == 0) {
            return &cg->structs[i];
        }
    }
    return NULL;
}

void cg_set_attr(ModGen *mg, const char *name, const AstNode *node)
{
    cg_grow((void **)&mg->attrs, &mg->attr_cap, mg->attr_len + 1, sizeof(NamedNode));
    mg->attrs[mg->attr_len++] = (NamedNode){name, node};
}

LocalDef *cg_find_def(ModGen *mg, const char *name, uint32_t arity)
{
    for (uint32_t i = 0; i < mg->def_len; i++) {
        if (mg->defs[i].arity == arity && strcmp(mg->defs[i].name, name) == 0) {
            return &mg->defs[i];
        }
    }
    return NULL;
}

// ==== Functions ====

uint32_t cg_new_function(ModGen *mg, const char *name, uint32_t arity, uint32_t flags)
{
    cg_grow((void **)&mg->fns, &mg->fn_cap, mg->fn_len + 1, sizeof(FnOut));
    FnOut *f = &mg->fns[mg->fn_len];
    memset(f, 0, sizeof *f);
    f->name_atom = tab_atom(&mg->tab, name);
    f->arity = arity;
    f->flags = flags;
    return mg->fn_len++;
}

void cg_fn_begin(FnGen *fg, ModGen *mg, uint32_t fn_index, const char *fn_name,
                 uint32_t fn_arity)
{
    memset(fg, 0, sizeof *fg);
    fg->mg = mg;
    fg->fn_index = fn_index;
    fg->fn_name = fn_name;
    fg->fn_arity = fn_arity;
}

void cg_fn_end(FnGen *fg)
{
    emit_finish(fg);
    FnOut *f = &fg->mg->fns[fg->fn_index];
    uint32_t frame = fg->max_reg;
    if (frame < f->arity + f->free_count) {
        frame = f->arity + f->free_count;
    }
    f->frame_size = frame ? frame : 1;
    free(fg->vars);
    free(fg->labels);
    free(fg->fixups);
}

void cg_compile_lambda(FnGen *parent, const AstNode *fn_node, uint32_t dst)
{
    ModGen *mg = parent->mg;
    if (fn_node->nkids == 0 || !ast_is_named(fn_node->kids[0], AST_CALL, "->")) {
        cg_error(mg->cg, fn_node->line, "expected anonymous functions to be defined with -> "
                 "inside: 'fn'");
        return;
    }
    const AstNode *const *pats;
    uint32_t arity;
    const AstNode *guard;
    pattern_split_when(fn_node->kids[0]->kids[0], &pats, &arity, &guard);
    const char *names[REG_LIMIT];
    uint32_t nfree = scope_free_vars(parent, fn_node, names, REG_LIMIT - arity);
    char name[160];
    snprintf(name, sizeof name, "-%s/%u-fun-%u-", parent->fn_name, parent->fn_arity,
             mg->lambda_count++);
    uint32_t index = cg_new_function(mg, name, arity, EMB_FN_LAMBDA);
    mg->fns[index].free_count = nfree;
    uint32_t base = reg_alloc_n(parent, nfree);
    for (uint32_t i = 0; i < nfree; i++) {
        emit2(parent, OP_MOVE, base + i, scope_lookup(parent, names[i]));
    }
    emit4(parent, OP_MAKE_CLOSURE, dst, nfree ? base : 0, index, nfree);
    reg_free_to(parent, base);

    FnGen fg;
    cg_fn_begin(&fg, mg, index, parent->fn_name, parent->fn_arity);
    fg.parent = parent;
    fg.line = fn_node->line;
    fg.top = arity + nfree;
    fg.max_reg = fg.top;
    for (uint32_t i = 0; i < nfree; i++) {
        scope_bind(&fg, names[i], arity + i);
    }
    uint32_t srcs[REG_LIMIT];
    for (uint32_t i = 0; i < arity; i++) {
        srcs[i] = i;
    }
    AstNode clauses = {.kind = AST_LIST, .kids = fn_node->kids, .nkids = fn_node->nkids};
    control_clauses_n(&fg, &clauses, srcs, arity, 0, true, NO_LABEL);
    fg.line = fn_node->line;
    emit0(&fg, OP_FUNC_CLAUSE);
    cg_fn_end(&fg);
}
