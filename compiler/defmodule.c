// Modules: compile_source's top level, defmodule bodies (attributes, aliases, defstruct,
// def/defp groups with multiple clauses, guards, default arguments and implicit try), and the
// script function. Each module is written to .emb bytes as soon as its body is compiled.
#include "codegen.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void normalize_texts(Arena *arena, AstNode *n, int depth);

// ==== Struct pre-pass ====

static char *module_name(Cg *cg, const char *parent, const AstNode *alias)
{
    const char *text = alias->text;
    size_t size = strlen(text) + (parent ? strlen(parent) : 0) + 9;
    char *out = arena_alloc(cg->arena, size);
    if (parent) {
        snprintf(out, size, "%s.%s", parent, text);
    } else if (strncmp(text, "Elixir.", 7) == 0) {
        snprintf(out, size, "%s", text);
    } else {
        snprintf(out, size, "Elixir.%s", text);
    }
    return out;
}

static const AstNode *do_body(const AstNode *n)
{
    return n->nkids >= 2 ? cg_kw_get(n->kids[n->nkids - 1], "do") : NULL;
}

// Statements of a body: the kids of a __block__, or the node itself.
static uint32_t stmt_count(const AstNode *body)
{
    if (!body) {
        return 0;
    }
    return ast_is_named(body, AST_CALL, "__block__") ? body->nkids : 1;
}

static const AstNode *stmt_at(const AstNode *body, uint32_t i)
{
    return ast_is_named(body, AST_CALL, "__block__") ? body->kids[i] : body;
}

static bool is_defmodule(const AstNode *n)
{
    return ast_is_named(n, AST_CALL, "defmodule") && n->nkids == 2 &&
           n->kids[0]->kind == AST_ALIAS;
}

static bool is_defstruct(const AstNode *n)
{
    return n->kind == AST_CALL && n->nkids == 1 &&
           (strcmp(n->text, "defstruct") == 0 || strcmp(n->text, "defexception") == 0);
}

// defstruct [:a, b: 1] / defexception: the field list as a LIST of atoms and {atom, default}.
static const AstNode *struct_fields(Cg *cg, const AstNode *n)
{
    const AstNode *arg = n->kids[0];
    AstNode *fields = cg_node(cg, AST_LIST, n->line, NULL);
    for (uint32_t i = 0; arg->kind == AST_LIST && i < arg->nkids; i++) {
        ast_push(cg->arena, fields, arg->kids[i]);
    }
    if (strcmp(n->text, "defexception") == 0) {
        AstNode *pair = cg_node(cg, AST_TUPLE, n->line, NULL);
        ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, n->line, "__exception__"));
        ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, n->line, "true"));
        ast_push(cg->arena, fields, pair);
    }
    return fields;
}

// For `@enforce_keys [:a, :b]`: the list as Elixir text "[:a, :b]" (arena); NULL for any
// other statement or a list that is not made of plain atoms.
static const char *enforce_keys_text(Cg *cg, const AstNode *d)
{
    if (!ast_is_named(d, AST_CALL, "@") || d->nkids != 1 ||
        !ast_is_named(d->kids[0], AST_CALL, "enforce_keys") || d->kids[0]->nkids != 1) {
        return NULL;
    }
    const AstNode *list = d->kids[0]->kids[0];
    if (list->kind != AST_LIST) {
        return NULL;
    }
    char buf[1024];
    size_t len = 0;
    buf[len++] = '[';
    for (uint32_t i = 0; i < list->nkids; i++) {
        const AstNode *k = list->kids[i];
        if (k->kind != AST_ATOM || !k->text || k->text_len > 100 || len + k->text_len + 4 >= sizeof buf) {
            return NULL;
        }
        for (size_t c = 0; c < k->text_len; c++) {
            char ch = k->text[c];
            if (!(isalnum((unsigned char)ch) || ch == '_' || ch == '?' || ch == '!')) {
                return NULL;
            }
        }
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s:%.*s", i ? ", " : "",
                                (int)k->text_len, k->text);
    }
    buf[len++] = ']';
    return arena_strdup(cg->arena, buf, len);
}

static void find_structs(Cg *cg, const AstNode *body, const char *parent)
{
    for (uint32_t i = 0; i < stmt_count(body); i++) {
        const AstNode *s = stmt_at(body, i);
        if (!is_defmodule(s)) {
            continue;
        }
        char *name = module_name(cg, parent, s->kids[0]);
        const AstNode *mbody = do_body(s);
        const char *enforce = NULL;
        for (uint32_t k = 0; k < stmt_count(mbody); k++) {
            const AstNode *d = stmt_at(mbody, k);
            const char *keys = enforce_keys_text(cg, d);
            if (keys) {
                enforce = keys[1] == ']' ? NULL : keys;
            }
            if (is_defstruct(d)) {
                cg_grow((void **)&cg->structs, &cg->struct_cap, cg->struct_len + 1,
                        sizeof(StructDef));
                cg->structs[cg->struct_len++] = (StructDef){name, struct_fields(cg, d), enforce};
            }
        }
        find_structs(cg, mbody, name);
    }
}

// ==== def groups ====

// The call head of a def (`f(a, b)` or `f`), its guard, and its name/arity.
static const AstNode *def_head(const AstNode *def, const AstNode **guard)
{
    const AstNode *head = def->nkids ? def->kids[0] : NULL;
    *guard = NULL;
    if (head && ast_is_named(head, AST_CALL, "when") && head->nkids == 2) {
        *guard = head->kids[1];
        head = head->kids[0];
    }
    if (!head || (head->kind != AST_CALL && head->kind != AST_VAR)) {
        return NULL;
    }
    return head;
}

static bool is_def(const AstNode *n)
{
    return n->kind == AST_CALL && (n->nkids == 1 || n->nkids == 2) &&
           (strcmp(n->text, "def") == 0 || strcmp(n->text, "defp") == 0);
}

static bool is_default_arg(const AstNode *p)
{
    return ast_is_named(p, AST_CALL, "\\\\") && p->nkids == 2;
}

static LocalDef *add_def(ModGen *mg, const char *name, uint32_t arity, bool is_private)
{
    LocalDef *d = cg_find_def(mg, name, arity);
    if (d) {
        return d;
    }
    cg_grow((void **)&mg->defs, &mg->def_cap, mg->def_len + 1, sizeof(LocalDef));
    d = &mg->defs[mg->def_len++];
    memset(d, 0, sizeof *d);
    d->name = name;
    d->arity = arity;
    d->is_private = is_private;
    d->fn_index = cg_new_function(mg, name, arity, is_private ? 0 : EMB_FN_EXPORTED);
    return d;
}

static void register_def(ModGen *mg, const AstNode *def)
{
    const AstNode *guard;
    const AstNode *head = def_head(def, &guard);
    if (!head) {
        cg_error(mg->cg, def->line, "invalid syntax in def");
        return;
    }
    bool is_private = strcmp(def->text, "defp") == 0;
    uint32_t arity = head->kind == AST_CALL ? head->nkids : 0;
    LocalDef *d = add_def(mg, head->text, arity, is_private);
    cg_grow((void **)&d->clauses, &d->clause_cap, d->clause_len + 1, sizeof(AstNode *));
    d->clauses[d->clause_len++] = def;
    uint32_t required = 0;
    for (uint32_t i = 0; i < arity; i++) {
        required += is_default_arg(head->kids[i]) ? 0 : 1;
    }
    for (uint32_t a = required; a < arity; a++) {
        LocalDef *h = add_def(mg, head->text, a, is_private);
        if (h->clause_len == 0 && !h->default_of) {
            h->default_of = def;
            h->full_arity = arity;
        }
    }
}

// A generated head f/k of f/n with defaults: tail-calls f/n filling defaults from the left.
static void compile_default_head(ModGen *mg, LocalDef *d)
{
    FnGen fg;
    cg_fn_begin(&fg, mg, d->fn_index, d->name, d->arity);
    fg.line = d->default_of->line;
    fg.top = fg.max_reg = d->arity;
    const AstNode *guard;
    const AstNode *head = def_head(d->default_of, &guard);
    uint32_t required = 0;
    for (uint32_t i = 0; i < head->nkids; i++) {
        required += is_default_arg(head->kids[i]) ? 0 : 1;
    }
    uint32_t extra = d->arity - required;
    uint32_t base = reg_alloc_n(&fg, head->nkids);
    uint32_t next_arg = 0;
    for (uint32_t i = 0; i < head->nkids; i++) {
        const AstNode *p = head->kids[i];
        if (!is_default_arg(p) || extra > 0) {
            extra -= is_default_arg(p) ? 1 : 0;
            emit2(&fg, OP_MOVE, base + i, next_arg++);
        } else {
            expr_compile(&fg, p->kids[1], base + i);
        }
    }
    LocalDef *full = cg_find_def(mg, d->name, d->full_arity);
    emit3(&fg, OP_TAIL_CALL, base, head->nkids, full->fn_index);
    cg_fn_end(&fg);
}

static void compile_def_clause(FnGen *fg, const AstNode *def, uint32_t arity)
{
    const AstNode *guard;
    const AstNode *head = def_head(def, &guard);
    const AstNode *kw = def->nkids == 2 ? def->kids[1] : NULL;
    if (!kw) {
        return; // a bodiless head: only declares defaults
    }
    uint32_t mark = scope_enter(fg);
    uint32_t reg_mark = fg->top;
    uint32_t next = label_new(fg);
    fg->line = def->line;
    pattern_begin(fg);
    for (uint32_t i = 0; i < arity; i++) {
        const AstNode *p = head->kids[i];
        pattern_match(fg, is_default_arg(p) ? p->kids[0] : p, i, next);
    }
    if (guard) {
        control_guard(fg, guard, next);
    }
    if (cg_kw_get(kw, "rescue") || cg_kw_get(kw, "catch") || cg_kw_get(kw, "after")) {
        uint32_t r = reg_alloc(fg);
        control_try(fg, kw, def->line, r);
        emit1(fg, OP_RETURN, r);
    } else if (!cg_is_keyword(kw)) {
        cg_error(fg->mg->cg, def->line, "invalid syntax in def");
    } else {
        expr_compile_body(fg, cg_kw_get(kw, "do"), 0, true);
    }
    scope_leave(fg, mark, reg_mark);
    label_bind(fg, next);
}

static void compile_def_group(ModGen *mg, LocalDef *d)
{
    d->is_compiled = true;
    if (d->clause_len == 0) {
        compile_default_head(mg, d);
        return;
    }
    FnGen fg;
    cg_fn_begin(&fg, mg, d->fn_index, d->name, d->arity);
    fg.top = fg.max_reg = d->arity;
    for (uint32_t i = 0; i < d->clause_len; i++) {
        compile_def_clause(&fg, d->clauses[i], d->arity);
    }
    fg.line = d->clauses[0]->line;
    emit0(&fg, OP_FUNC_CLAUSE);
    cg_fn_end(&fg);
}

// ==== defstruct ====

static AstNode *kw_pair(Cg *cg, uint32_t line, const char *key, const AstNode *value)
{
    AstNode *pair = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, line, key));
    ast_push(cg->arena, pair, (AstNode *)value);
    return pair;
}

// def name(params), do: body
static AstNode *mk_def(Cg *cg, uint32_t line, const char *name, AstNode *params,
                       const AstNode *body)
{
    AstNode *head = cg_node(cg, AST_CALL, line, name);
    for (uint32_t i = 0; params && i < params->nkids; i++) {
        ast_push(cg->arena, head, params->kids[i]);
    }
    AstNode *def = cg_node(cg, AST_CALL, line, "def");
    ast_push(cg->arena, def, head);
    AstNode *kw = cg_node(cg, AST_LIST, line, NULL);
    ast_push(cg->arena, kw, kw_pair(cg, line, "do", body));
    ast_push(cg->arena, def, kw);
    return def;
}

static void set_lines(AstNode *n, uint32_t line, int depth)
{
    if (!n || depth > 100) {
        return;
    }
    n->line = line;
    set_lines(n->target, line, depth + 1);
    for (uint32_t i = 0; i < n->nkids; i++) {
        set_lines(n->kids[i], line, depth + 1);
    }
}

// Parses Elixir source [src] (a fixed snippet) and registers its defs in [mg], as if they
// were written at [line].
static void register_source_defs(ModGen *mg, const char *src, size_t len, uint32_t line)
{
    Diag diag;
    AstNode *defs = parse_source(mg->cg->arena, src, len, mg->cg->file, &diag);
    normalize_texts(mg->cg->arena, defs, 0);
    set_lines(defs, line, 0);
    for (uint32_t i = 0; defs && i < stmt_count(defs); i++) {
        register_def(mg, stmt_at(defs, i));
    }
}

// __struct__/1: the defaults updated from a keyword list (KeyError for unknown keys); with
// @enforce_keys, the ArgumentError Elixir raises when some of them are not given.
static void register_struct_update(ModGen *mg, const StructDef *sd, uint32_t line)
{
    static const char fill[] =
        "defp __struct_fill__([], acc), do: acc\n"
        "defp __struct_fill__([{k, v} | t], acc), do: __struct_fill__(t, %{acc | k => v})\n";
    register_source_defs(mg, fill, sizeof fill - 1, line);
    if (!sd || !sd->enforce) {
        static const char src[] = "def __struct__(kv), do: __struct_fill__(kv, __struct__())\n";
        register_source_defs(mg, src, sizeof src - 1, line);
        return;
    }
    char src[2048];
    int len = snprintf(src, sizeof src,
                       "def __struct__(kv) do\n"
                       "  case Enum.reject(%s, fn k -> :lists.keymember(k, 1, kv) end) do\n"
                       "    [] -> __struct_fill__(kv, __struct__())\n"
                       "    missing -> raise(ArgumentError, \"the following keys must also be "
                       "given when building struct %s: \" <> inspect(missing))\n"
                       "  end\n"
                       "end\n",
                       sd->enforce, mg->display);
    if (len < 0 || (size_t)len >= sizeof src) { // keys or module name of unusual length
        cg_error(mg->cg, line, "@enforce_keys too long in struct %s", mg->display);
        return;
    }
    register_source_defs(mg, src, (size_t)len, line);
}

// __struct__/0 returns the defaults; __struct__/1 folds a keyword list into them with
// %{acc | k => v} (KeyError for unknown keys); __struct_fields__/0 lists the fields.
static void register_struct(ModGen *mg, const AstNode *n)
{
    Cg *cg = mg->cg;
    uint32_t line = n->line;
    const StructDef *sd = cg_find_struct(cg, mg->name);
    AstNode *map = cg_node(cg, AST_CALL, line, "%{}");
    AstNode *kw = cg_node(cg, AST_LIST, line, NULL);
    ast_push(cg->arena, kw, kw_pair(cg, line, "__struct__", cg_node(cg, AST_ATOM, line, mg->name)));
    for (uint32_t i = 0; sd && i < sd->fields->nkids; i++) {
        const AstNode *f = sd->fields->kids[i];
        if (f->kind == AST_ATOM) {
            ast_push(cg->arena, kw, kw_pair(cg, line, f->text, cg_node(cg, AST_ATOM, line, "nil")));
        } else if (f->kind == AST_TUPLE && f->nkids == 2 && f->kids[0]->kind == AST_ATOM) {
            ast_push(cg->arena, kw, (AstNode *)f);
        } else {
            cg_error(cg, line, "defstruct fields must be a list of atoms or a keyword list");
            return;
        }
    }
    ast_push(cg->arena, map, kw);
    register_def(mg, mk_def(cg, line, "__struct__", NULL, map));

    // __struct_fields__/0: the field atoms in definition order, as one literal list (its code
    // is LOAD_LIT + RETURN, so the VM can read it without running it: inspect's field order).
    AstNode *names = cg_node(cg, AST_LIST, line, NULL);
    for (uint32_t i = 1; i < kw->nkids; i++) {
        ast_push(cg->arena, names, kw->kids[i]->kids[0]);
    }
    register_def(mg, mk_def(cg, line, "__struct_fields__", NULL, names));

    register_struct_update(mg, sd, line);
}

// defexception's exception/1 (unless the module defines its own): a message string or a
// keyword list of fields.
static void register_exception(ModGen *mg, const AstNode *n)
{
    static const char src[] =
        "def exception(msg) when is_binary(msg), do: __struct__([message: msg])\n"
        "def exception(args) when is_list(args), do: __struct__(args)\n";
    if (strcmp(n->text, "defexception") != 0 || cg_find_def(mg, "exception", 1)) {
        return;
    }
    register_source_defs(mg, src, sizeof src - 1, n->line);
}

// ==== __info__/1 ====

static bool info_listed(const LocalDef *d)
{
    const char *name = d->name;
    if (d->is_private || (strncmp(name, "__", 2) == 0 && strcmp(name, "__struct__") != 0)) {
        return false;
    }
    if (!(isalpha((unsigned char)name[0]) || name[0] == '_') || strlen(name) > 200) {
        return false;
    }
    for (const char *c = name; *c; c++) {
        if (!(isalnum((unsigned char)*c) || *c == '_' || (c[1] == '\0' && (*c == '?' || *c == '!')))) {
            return false;
        }
    }
    return true;
}

static int info_cmp(const void *a, const void *b)
{
    const LocalDef *x = *(const LocalDef *const *)a;
    const LocalDef *y = *(const LocalDef *const *)b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->arity > y->arity) - (x->arity < y->arity);
}

// __info__/1 (unless the module defines it): :functions (the public functions, without
// Ember's hidden helpers, merged at run time with the module's C built-ins and sorted by name
// and arity by :ember_code.module_functions/2 in vm/bi_code.c), :macros and :module.
static void register_info(ModGen *mg, uint32_t line)
{
    if (cg_find_def(mg, "__info__", 1) || mg->cg->failed) {
        return;
    }
    const LocalDef **list = arena_alloc(mg->cg->arena, (mg->def_len + 1) * sizeof *list);
    uint32_t count = 0;
    for (uint32_t i = 0; i < mg->def_len; i++) {
        if (info_listed(&mg->defs[i])) {
            list[count++] = &mg->defs[i];
        }
    }
    qsort(list, count, sizeof *list, info_cmp);
    ByteBuf src = {0};
    static const char head[] = "def __info__(:functions), do: :ember_code.module_functions(:\"";
    buf_put(&src, head, sizeof head - 1);
    buf_put(&src, mg->name, strlen(mg->name));
    buf_put(&src, "\", [", 4);
    for (uint32_t i = 0; i < count; i++) { // names of any length: no fixed-size buffers
        char arity[32];
        int len = snprintf(arity, sizeof arity, ", %u}", list[i]->arity);
        buf_put(&src, i ? ", {:" : "{:", i ? 4 : 2);
        buf_put(&src, list[i]->name, strlen(list[i]->name));
        buf_put(&src, arity, (size_t)len);
    }
    static const char tail[] = "])\ndef __info__(:macros), do: []\ndef __info__(:module), do: :\"";
    buf_put(&src, tail, sizeof tail - 1);
    buf_put(&src, mg->name, strlen(mg->name));
    buf_put(&src, "\"\n", 2);
    register_source_defs(mg, (const char *)src.data, src.len, line);
    free(src.data);
}

// ==== Modules ====

static void modgen_init(ModGen *mg, Cg *cg, char *name, bool is_script)
{
    memset(mg, 0, sizeof *mg);
    mg->cg = cg;
    mg->name = name;
    mg->display = strncmp(name, "Elixir.", 7) == 0 ? name + 7 : name;
    mg->is_script = is_script;
    tab_atom(&mg->tab, name);
}

static void modgen_finish(ModGen *mg)
{
    Cg *cg = mg->cg;
    if (!cg->failed) {
        size_t size = 0;
        uint8_t *bytes = bcwrite_module(mg, &size);
        if (cg->out_len == cg->out_cap) {
            uint32_t cap = (uint32_t)cg->out_cap;
            cg_grow((void **)&cg->outs, &cap, (uint32_t)cg->out_len + 1, sizeof(CompiledModule));
            cg->out_cap = cap;
        }
        cg->outs[cg->out_len++] = (CompiledModule){strdup(mg->name), bytes, size};
    }
    for (uint32_t i = 0; i < mg->fn_len; i++) {
        free(mg->fns[i].code);
        free(mg->fns[i].lines);
    }
    for (uint32_t i = 0; i < mg->def_len; i++) {
        free(mg->defs[i].clauses);
    }
    free(mg->fns);
    free(mg->defs);
    free(mg->attrs);
    free(mg->aliases);
    free(mg->imports);
    tab_free(&mg->tab);
}

static bool compile_module(Cg *cg, const AstNode *n, const char *parent, ModGen *outer);

// The module's body function, started on first use.
static FnGen *module_body(ModGen *mg)
{
    if (!mg->has_body) {
        uint32_t index = cg_new_function(mg, MODULE_BODY_FN, 0, EMB_FN_EXPORTED);
        cg_fn_begin(mg->body, mg, index, MODULE_BODY_FN, 0);
        mg->body->allow_reuse = true;
        mg->has_body = true;
    }
    return mg->body;
}

// Emits, into [fg], a call running module [name]'s body.
static void call_module_body(FnGen *fg, const char *name, uint32_t line)
{
    fg->line = line;
    uint32_t mark = fg->top;
    uint32_t r = reg_alloc(fg);
    expr_call_ext(fg, name, MODULE_BODY_FN, NULL, 0, r, false);
    reg_free_to(fg, mark);
}

// `@name value` at module level.
static void module_attr(ModGen *mg, const AstNode *s)
{
    const AstNode *a = s->kids[0];
    if (a->kind == AST_CALL && a->nkids == 1) {
        cg_set_attr(mg, a->text, a->kids[0]);
    } else {
        cg_error(mg->cg, s->line, "module attribute @%s in code block has no effect as it "
                 "is never returned (remove the attribute or assign it to _)",
                 a->text ? a->text : "?");
    }
}

static void module_stmt(ModGen *mg, const AstNode *s)
{
    if (is_defmodule(s)) {
        const char *inner = module_name(mg->cg, mg->name, s->kids[0]);
        if (compile_module(mg->cg, s, mg->name, mg)) {
            call_module_body(module_body(mg), inner, s->line);
        }
    } else if (is_def(s)) {
        const AstNode *guard;
        const AstNode *head = def_head(s, &guard);
        LocalDef *d = head ? cg_find_def(mg, head->text, head->kind == AST_CALL ? head->nkids : 0)
                           : NULL;
        if (d && !d->is_compiled) {
            compile_def_group(mg, d);
        }
    } else if (ast_is_named(s, AST_CALL, "@") && s->nkids == 1) {
        module_attr(mg, s);
    } else if (s->kind == AST_CALL && (strcmp(s->text, "alias") == 0 ||
                                       strcmp(s->text, "import") == 0 ||
                                       strcmp(s->text, "require") == 0)) {
        cg_apply_directive(mg, s);
    } else if (use_is_import(mg, s)) {
        // applied (use.c)
    } else if (!is_defstruct(s) && !use_is_use(s)) {
        expr_compile_effect(module_body(mg), s);
    }
}

// Compiles defmodule [n] (nested in module [parent], or top level when NULL). Returns true
// when the module has a body function that must run where the defmodule stands.
static bool compile_module(Cg *cg, const AstNode *n, const char *parent, ModGen *outer)
{
    ModGen mg;
    FnGen body_fg;
    modgen_init(&mg, cg, module_name(cg, parent, n->kids[0]), false);
    mg.body = &body_fg;
    for (uint32_t i = 0; outer && i < outer->alias_len; i++) {
        cg_add_alias(&mg, outer->aliases[i].name, (const char *)outer->aliases[i].node);
    }
    for (uint32_t i = 0; outer && i < outer->import_len; i++) {
        cg_grow((void **)&mg.imports, &mg.import_cap, mg.import_len + 1, sizeof(NamedNode));
        mg.imports[mg.import_len++] = outer->imports[i];
    }
    if (outer && parent) {
        const char *last = strrchr(mg.name, '.') + 1;
        cg_add_alias(outer, last, mg.name + 7);
        cg_add_alias(&mg, last, mg.name + 7);
    }
    const AstNode *body = do_body(n);
    const AstNode *struct_node = NULL;
    for (uint32_t i = 0; i < stmt_count(body); i++) {
        const AstNode *s = stmt_at(body, i);
        if (is_def(s)) {
            register_def(&mg, s);
        } else if (is_defstruct(s)) {
            register_struct(&mg, s);
            struct_node = s;
        }
    }
    if (struct_node) {
        register_exception(&mg, struct_node);
    }
    for (uint32_t i = 0; i < stmt_count(body) && !cg->failed; i++) {
        const AstNode *defs = use_defaults(&mg, stmt_at(body, i)); // use.c
        for (uint32_t k = 0; defs && k < stmt_count(defs); k++) {
            register_def(&mg, stmt_at(defs, k));
        }
    }
    for (uint32_t i = 0; i < stmt_count(body) && !cg->failed; i++) {
        module_stmt(&mg, stmt_at(body, i));
    }
    register_info(&mg, n->line);
    for (uint32_t i = 0; i < mg.def_len && !cg->failed; i++) {
        if (!mg.defs[i].is_compiled) {
            compile_def_group(&mg, &mg.defs[i]);
        }
    }
    bool has_body = mg.has_body;
    if (has_body) {
        uint32_t r = reg_alloc(&body_fg);
        emit_load_atom(&body_fg, r, "nil");
        emit1(&body_fg, OP_RETURN, r);
        cg_fn_end(&body_fg);
    }
    modgen_finish(&mg);
    return has_body;
}

// ==== Entry ====

// Gives every node's text a NUL-terminated arena copy, so later passes may use C strings
// (the parser may point texts into the source).
static void normalize_texts(Arena *arena, AstNode *n, int depth)
{
    if (!n || depth > 10000) {
        return;
    }
    if (n->text) {
        n->text = arena_strdup(arena, n->text, n->text_len);
    }
    normalize_texts(arena, n->target, depth + 1);
    for (uint32_t i = 0; i < n->nkids; i++) {
        normalize_texts(arena, n->kids[i], depth + 1);
    }
}

// The first call whose callee is itself a call, `f(1)(2)`: the parser gives it no name (the
// callee is in target). Elixir rejects it at compile time with "invalid call".
static const AstNode *find_invalid_call(const AstNode *n, int depth)
{
    if (!n || depth > 10000) {
        return NULL;
    }
    if (n->kind == AST_CALL && n->text == NULL) {
        return n;
    }
    if (ast_is_named(n, AST_CALL, "quote")) {
        return NULL; // quoted code is data: `quote(do: M.unquote(f)(x))` is valid
    }
    const AstNode *found = find_invalid_call(n->target, depth + 1);
    for (uint32_t i = 0; !found && i < n->nkids; i++) {
        found = find_invalid_call(n->kids[i], depth + 1);
    }
    return found;
}

// A module that fails to compile inside a script: like Elixir, which compiles a module only
// when execution reaches its defmodule, the statements before it still run and the
// CompileError is raised at that point. Emits `raise CompileError, file: f, line: l,
// description: d` (ArgumentError: `raise ArgumentError, d`).
static void raise_deferred_compile_error(Cg *cg, FnGen *fg, uint32_t line)
{
    bool arg_error = strcmp(cg->diag->kind, "ArgumentError") == 0;
    cg->failed = false;
    AstNode *mod = ast_new(cg->arena, AST_ALIAS, line, 1);
    mod->text = arg_error ? "ArgumentError" : "CompileError";
    mod->text_len = strlen(mod->text);
    AstNode *msg = cg_node(cg, AST_STRING, line,
                           arena_strdup(cg->arena, cg->diag->message, strlen(cg->diag->message)));
    AstNode *call = cg_node(cg, AST_CALL, line, "raise");
    ast_push(cg->arena, call, mod);
    if (arg_error) {
        ast_push(cg->arena, call, msg);
    } else {
        AstNode *file = cg_node(cg, AST_STRING, line,
                                arena_strdup(cg->arena, cg->diag->file, strlen(cg->diag->file)));
        AstNode *at = cg_node(cg, AST_INT, line, NULL);
        at->ival = cg->diag->line;
        AstNode *fields = cg_node(cg, AST_LIST, line, NULL);
        ast_push(cg->arena, fields, kw_pair(cg, line, "file", file));
        ast_push(cg->arena, fields, kw_pair(cg, line, "line", at));
        ast_push(cg->arena, fields, kw_pair(cg, line, "description", msg));
        ast_push(cg->arena, call, fields);
    }
    expr_compile_effect(fg, call);
}

// Script mode: top-level code becomes __script__/0 of COMPILE_SCRIPT_MODULE, or, for a REPL
// input ([repl] not NULL), __script__/N of repl->module shaped by repl_compile.c.
static void compile_script(Cg *cg, const AstNode *root, const CompileRepl *repl)
{
    ModGen mg;
    modgen_init(&mg, cg, repl ? arena_strdup(cg->arena, repl->module, strlen(repl->module))
                              : COMPILE_SCRIPT_MODULE,
                true);
    uint32_t arity = repl ? repl->bound_count : 0;
    uint32_t index = cg_new_function(&mg, "__script__", arity, EMB_FN_EXPORTED);
    FnGen fg;
    cg_fn_begin(&fg, &mg, index, "__script__", arity);
    fg.line = root ? root->line : 1;
    fg.allow_reuse = true;
    if (repl) {
        repl_begin(&fg, repl);
    }
    uint32_t count = stmt_count(root);
    const AstNode *last = NULL;
    for (uint32_t i = 0; i < count && !cg->failed; i++) {
        const AstNode *s = stmt_at(root, i);
        if (is_defmodule(s)) {
            const char *name = module_name(cg, NULL, s->kids[0]);
            // A module whose body failed to compile has no body function to call: the
            // deferred CompileError below is what runs.
            if (compile_module(cg, s, NULL, &mg) && !cg->failed) {
                call_module_body(&fg, name, s->line);
            }
            if (cg->failed && (strcmp(cg->diag->kind, "CompileError") == 0 ||
                               strcmp(cg->diag->kind, "ArgumentError") == 0)) {
                raise_deferred_compile_error(cg, &fg, s->line);
                last = s;
                break; // nothing after the failing defmodule can run
            }
            last = s;
            if (repl && i + 1 == count && !cg->failed) {
                repl_finish_module(&fg, s, name);
                last = NULL;
            }
            continue;
        }
        if (i + 1 == count) {
            if (repl) {
                repl_finish(&fg, s);
            } else {
                expr_compile_tail(&fg, s);
            }
            last = NULL;
            continue;
        }
        expr_compile_effect(&fg, s);
    }
    if ((count == 0 || last) && repl) {
        repl_finish(&fg, NULL);
    } else if (count == 0 || last) {
        uint32_t r = reg_alloc(&fg);
        emit_load_atom(&fg, r, "nil");
        emit1(&fg, OP_RETURN, r);
    }
    cg_fn_end(&fg);
    modgen_finish(&mg);
}

static void compile_library(Cg *cg, const AstNode *root)
{
    for (uint32_t i = 0; i < stmt_count(root) && !cg->failed; i++) {
        const AstNode *s = stmt_at(root, i);
        if (!is_defmodule(s)) {
            cg_error(cg, s->line, "only defmodule is allowed at the top level of a module file");
            return;
        }
        if (compile_module(cg, s, NULL, NULL)) {
            cg_error(cg, s->line, "module bodies with expressions are only supported in "
                     "scripts by Ember");
            return;
        }
    }
}

void compile_output_free(CompileOutput *out)
{
    for (size_t i = 0; i < out->count; i++) {
        free(out->modules[i].name);
        free(out->modules[i].bytes);
    }
    free(out->modules);
    free(out->repl_env);
    out->modules = NULL;
    out->count = 0;
    out->repl_env = NULL;
}

static bool compile_any(const char *src, size_t len, const char *file, CompileMode mode,
                        const CompileRepl *repl, CompileOutput *out, Diag *diag)
{
    memset(out, 0, sizeof *out);
    Arena *arena = arena_new();
    if (!arena) {
        fputs("ember: out of memory\n", stderr);
        exit(1);
    }
    AstNode *root = parse_source(arena, src, len, file, diag);
    if (!root) {
        arena_free(arena);
        return false;
    }
    return cg_compile_tree(arena, root, file, mode, repl, out, diag);
}

bool cg_compile_tree(Arena *arena, AstNode *root, const char *file, CompileMode mode,
                     const CompileRepl *repl, CompileOutput *out, Diag *diag)
{
    memset(out, 0, sizeof *out);
    normalize_texts(arena, root, 0);
    Cg cg = {.arena = arena, .file = file, .diag = diag};
    root = protocol_expand(&cg, root);
    def_rewrites_expand(&cg, root);
    if (cg.failed) {
        arena_free(arena);
        return false;
    }
    const AstNode *invalid = find_invalid_call(root, 0);
    if (invalid != NULL) {
        cg_error(&cg, invalid->line, "invalid call");
        arena_free(arena);
        return false;
    }
    find_structs(&cg, root, NULL);
    if (mode == COMPILE_SCRIPT) {
        compile_script(&cg, root, repl);
    } else {
        compile_library(&cg, root);
    }
    free(cg.structs);
    arena_free(arena);
    out->modules = cg.outs;
    out->count = cg.out_len;
    out->repl_env = cg.repl_env;
    if (cg.failed) {
        compile_output_free(out);
        return false;
    }
    return true;
}

bool compile_source(const char *src, size_t len, const char *file, CompileMode mode,
                    CompileOutput *out, Diag *diag)
{
    return compile_any(src, len, file, mode, NULL, out, diag);
}

bool compile_repl(const char *src, size_t len, const char *file, const CompileRepl *repl,
                  CompileOutput *out, Diag *diag)
{
    return compile_any(src, len, file, COMPILE_SCRIPT, repl, out, diag);
}
