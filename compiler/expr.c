// Expression compilation: dispatch on the node kind, variables, lists and tuples, and every
// kind of call (local, Kernel import, remote, fun.(args), dynamic module) in value or tail
// position. Operators and data constructors live in ops.c, control forms in control.c.
#include "codegen.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct KernelImport {
    const char *module;
    const char *name;
    uint32_t arity;
} KernelImport;

static const KernelImport kernel_table[] = {
#define KERNEL_IMPORT(name, arity) {"Elixir.Kernel", name, arity},
#include "kernel_imports.def"
#undef KERNEL_IMPORT
#define BUILTIN(module, name, arity, fn, flags) {module, name, arity},
#include "builtins.def"
#undef BUILTIN
};

bool expr_is_kernel_import(const char *name, uint32_t arity)
{
    for (size_t i = 0; i < sizeof kernel_table / sizeof kernel_table[0]; i++) {
        const KernelImport *k = &kernel_table[i];
        if (k->arity == arity && strcmp(k->name, name) == 0 &&
            strcmp(k->module, "Elixir.Kernel") == 0) {
            return true;
        }
    }
    return false;
}

// ==== Calls ====

typedef enum CallKind { CALL_KIND_LOCAL, CALL_KIND_EXT, CALL_KIND_FUN } CallKind;

// Compiles [argc] arguments into consecutive fresh registers; returns the first.
static uint32_t compile_args(FnGen *fg, const AstNode *const *args, uint32_t argc)
{
    uint32_t base = reg_alloc_n(fg, argc);
    for (uint32_t i = 0; i < argc; i++) {
        expr_compile(fg, args[i], base + i);
    }
    return base;
}

// True if [n] may bind a variable visible after it (a `=` outside any fn).
static bool binds_vars(const AstNode *n)
{
    if (!n || ast_is_named(n, AST_CALL, "fn")) {
        return false;
    }
    if (ast_is_named(n, AST_CALL, "=")) {
        return true;
    }
    if (binds_vars(n->target)) {
        return true;
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        if (binds_vars(n->kids[i])) {
            return true;
        }
    }
    return false;
}

static bool args_bind_vars(const AstNode *const *args, uint32_t argc)
{
    for (uint32_t i = 0; i < argc; i++) {
        if (binds_vars(args[i])) {
            return true;
        }
    }
    return false;
}

// Emits a call of [kind] to [target] (function index, import index or fun register).
static void emit_call(FnGen *fg, CallKind kind, uint32_t target, const AstNode *const *args,
                      uint32_t argc, uint32_t dst, bool tail)
{
    uint32_t mark = fg->top;
    uint32_t line = fg->line;
    if (tail) {
        uint32_t base = compile_args(fg, args, argc);
        base = argc == 0 ? 0 : base;
        fg->line = line;
        if (kind == CALL_KIND_LOCAL) {
            emit3(fg, OP_TAIL_CALL, base, argc, target);
        } else if (kind == CALL_KIND_EXT) {
            emit3(fg, OP_TAIL_CALL_EXT, base, argc, target);
        } else {
            emit3(fg, OP_TAIL_CALL_FUN, target, base, argc);
        }
        reg_free_to(fg, mark);
        return;
    }
    uint32_t d;
    if (args_bind_vars(args, argc)) {
        // Variables bound inside the arguments must live below the callee's window: evaluate
        // into temps first, then copy into a window above everything.
        uint32_t *tmp = arena_alloc(fg->mg->cg->arena, (argc + 1) * sizeof *tmp);
        for (uint32_t i = 0; i < argc; i++) {
            tmp[i] = reg_alloc(fg);
            expr_compile(fg, args[i], tmp[i]);
        }
        d = reg_alloc(fg);
        uint32_t base = reg_alloc_n(fg, argc);
        for (uint32_t i = 0; i < argc; i++) {
            emit2(fg, OP_MOVE, base + i, tmp[i]);
        }
    } else {
        d = (dst + 1 == fg->top) ? dst : reg_alloc(fg);
        compile_args(fg, args, argc);
    }
    fg->line = line;
    if (kind == CALL_KIND_LOCAL) {
        emit3(fg, OP_CALL, d, argc, target);
    } else if (kind == CALL_KIND_EXT) {
        emit3(fg, OP_CALL_EXT, d, argc, target);
    } else {
        emit3(fg, OP_CALL_FUN, d, target, argc);
    }
    if (d != dst) {
        emit2(fg, OP_MOVE, dst, d);
    }
    reg_free_to(fg, mark);
}

void expr_call_ext(FnGen *fg, const char *mod, const char *fun, const AstNode *const *args,
                   uint32_t argc, uint32_t dst, bool tail)
{
    uint32_t e = tab_import(&fg->mg->tab, mod, fun, argc);
    emit_call(fg, CALL_KIND_EXT, e, args, argc, dst, tail);
}

// `a -1` where a is a variable: Elixir's message, with the argument re-printed.
static void ambiguous_call(FnGen *fg, uint32_t line, const char *name, const AstNode *arg)
{
    const AstNode *x = arg->kids[0];
    char text[64];
    if (x->kind == AST_INT) {
        snprintf(text, sizeof text, "%s%lld", arg->text, (long long)x->ival);
    } else {
        snprintf(text, sizeof text, "%s%.40s", arg->text, x->text ? x->text : "");
    }
    cg_error(fg->mg->cg, line,
             "\"%s %s\" looks like a function call but there is a variable named \"%s\". If "
             "you want to perform a function call, use parentheses:\n\n    %s(%s)\n\nIf you "
             "want to perform an operation on the variable %s, use spaces around the unary "
             "operator",
             name, text, name, name, text, name);
}

static int compare_var_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

// binding(): the keyword list of the variables in scope, sorted by name as Elixir's is.
static void compile_binding(FnGen *fg, uint32_t line, uint32_t dst, bool tail)
{
    Cg *cg = fg->mg->cg;
    const char **names = arena_alloc(cg->arena, (fg->var_len + 1) * sizeof(char *));
    uint32_t count = 0;
    for (uint32_t i = 0; i < fg->var_len; i++) {
        const char *name = fg->vars[i].name;
        bool seen = strncmp(name, "__", 2) == 0 || strcmp(name, "_") == 0;
        for (uint32_t k = 0; k < count && !seen; k++) {
            seen = strcmp(names[k], name) == 0;
        }
        if (!seen) {
            names[count++] = name;
        }
    }
    qsort(names, count, sizeof(char *), compare_var_names);
    AstNode *list = cg_node(cg, AST_LIST, line, NULL);
    for (uint32_t i = 0; i < count; i++) {
        AstNode *pair = cg_node(cg, AST_TUPLE, line, NULL);
        ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, line, names[i]));
        ast_push(cg->arena, pair, cg_node(cg, AST_VAR, line, names[i]));
        ast_push(cg->arena, list, pair);
    }
    expr_finish(fg, list, dst, tail);
}

// An unqualified call: local function, Kernel import, or a CompileError.
static void call_named(FnGen *fg, uint32_t line, const char *name, const AstNode *const *args,
                       uint32_t argc, uint32_t dst, bool tail)
{
    LocalDef *def = cg_find_def(fg->mg, name, argc);
    if (def) {
        emit_call(fg, CALL_KIND_LOCAL, def->fn_index, args, argc, dst, tail);
        return;
    }
    if (expr_is_kernel_import(name, argc)) {
        expr_call_ext(fg, "Elixir.Kernel", name, args, argc, dst, tail);
        return;
    }
    const char *imported = cg_import_for(fg->mg, name, argc);
    if (imported) {
        expr_call_ext(fg, imported, name, args, argc, dst, tail);
        return;
    }
    if (strcmp(name, "binding") == 0 &&
        (argc == 0 || (argc == 1 && ast_is_named(args[0], AST_ATOM, "nil")))) {
        compile_binding(fg, line, dst, tail); // binding(nil): the caller's own variables
        return;
    }
    if (argc == 1 && scope_lookup(fg, name) != UINT32_MAX && args[0]->kind == AST_CALL &&
        args[0]->nkids == 1 && (!strcmp(args[0]->text, "-") || !strcmp(args[0]->text, "+"))) {
        ambiguous_call(fg, line, name, args[0]);
        return;
    }
    // Top-level script code and a module body's own expressions are not inside a def: Elixir
    // words those as a missing import.
    bool outside_def = fg->mg->is_script || (fg->fn_name && !strcmp(fg->fn_name, MODULE_BODY_FN));
    if (outside_def) {
        cg_error(fg->mg->cg, line, "undefined function %s/%u (there is no such import)", name,
                 argc);
    } else {
        cg_error(fg->mg->cg, line,
                 "undefined function %s/%u (expected %s to define such a function or for it "
                 "to be imported, but none are available)",
                 name, argc, fg->mg->display);
    }
}

// Module atom text of a call target that names a module, or NULL.
static const char *module_of(FnGen *fg, const AstNode *target)
{
    if (target->kind == AST_ALIAS) {
        return cg_alias_text(fg->mg, target);
    }
    if (target->kind == AST_ATOM) {
        return target->text;
    }
    if (target->kind == AST_VAR && strcmp(target->text, "__MODULE__") == 0 &&
        scope_lookup(fg, target->text) == UINT32_MAX) {
        return fg->mg->name;
    }
    return NULL;
}

// `mod.fun(args)` with a module only known at run time: APPLY.
static void call_dynamic(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    uint32_t d = reg_alloc(fg);
    uint32_t base = reg_alloc_n(fg, 3);
    expr_compile(fg, n->target, base);
    emit_load_atom(fg, base + 1, n->text);
    emit1(fg, OP_LOAD_NIL, base + 2);
    uint32_t tmp = reg_alloc(fg);
    for (uint32_t i = n->nkids; i-- > 0;) {
        expr_compile(fg, n->kids[i], tmp);
        emit3(fg, OP_CONS, base + 2, tmp, base + 2);
    }
    fg->line = n->line;
    emit2(fg, OP_APPLY, d, base);
    emit2(fg, OP_MOVE, dst, d);
    reg_free_to(fg, mark);
}

// apply(fun, args) and apply(mod, fun, args): APPLY_FUN / APPLY.
static void compile_apply(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    uint32_t mark = fg->top;
    uint32_t d = reg_alloc(fg);
    uint32_t base = reg_alloc_n(fg, n->nkids);
    for (uint32_t i = 0; i < n->nkids; i++) {
        expr_compile(fg, n->kids[i], base + i);
    }
    fg->line = n->line;
    emit2(fg, n->nkids == 3 ? OP_APPLY : OP_APPLY_FUN, d, base);
    if (tail) {
        emit1(fg, OP_RETURN, d);
    } else {
        emit2(fg, OP_MOVE, dst, d);
    }
    reg_free_to(fg, mark);
}

// True if [s] can be written as a bare atom `:s` (an identifier, maybe ending in ? or !).
static bool plain_name(const char *s)
{
    if (!s || !(isalpha((unsigned char)s[0]) || s[0] == '_') || strlen(s) > 100) {
        return false;
    }
    for (const char *c = s; *c; c++) {
        bool last = c[1] == '\0';
        if (!(isalnum((unsigned char)*c) || *c == '_' || (last && (*c == '?' || *c == '!')))) {
            return false;
        }
    }
    return true;
}

static void compile_remote(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    const AstNode *env = quote_env_expr(fg, n); // __ENV__.line ...
    if (env) {
        tail ? expr_compile_tail(fg, env) : expr_compile(fg, env, dst);
        return;
    }
    const char *mod = module_of(fg, n->target);
    const AstNode *const *args = (const AstNode *const *)n->kids;
    if (mod) {
        expr_call_ext(fg, mod, n->text, args, n->nkids, dst, tail);
        return;
    }
    if ((n->flags & AST_F_NO_PARENS) && n->nkids == 0 && plain_name(n->text)) {
        // map.field: KeyError when the key is missing, like Map.fetch!/2; on a non-map the
        // KeyError Elixir raises for the dot syntax (not BadMapError).
        char src[1024];
        int len = snprintf(src, sizeof src,
                 "case nil do\n"
                 "  ember_dot__ when is_map(ember_dot__) -> Map.fetch!(ember_dot__, :%s)\n"
                 "  ember_dot__ -> raise(KeyError, key: :%s, term: ember_dot__, message: "
                 "\"key :%s not found in: \" <> inspect(ember_dot__) <> \". If you are using the "
                 "dot syntax, such as map.field, make sure the left-hand side of the dot is a "
                 "map\")\n"
                 "end\n",
                 n->text, n->text, n->text);
        if (len < 0 || (size_t)len >= sizeof src) {
            cg_error(fg->mg->cg, n->line, "field name too long: %s", n->text);
            return;
        }
        AstNode *c = cg_parse_snippet(fg->mg->cg, src, n->line);
        if (c->kind == AST_CALL && c->nkids == 2) {
            c->kids[0] = (AstNode *)n->target;
        }
        expr_finish(fg, c, dst, tail);
        return;
    }
    if ((n->flags & AST_F_NO_PARENS) && n->nkids == 0) {
        AstNode *key = cg_node(fg->mg->cg, AST_ATOM, n->line, n->text);
        const AstNode *pair[2] = {n->target, key};
        expr_call_ext(fg, "Elixir.Map", "fetch!", pair, 2, dst, tail);
        return;
    }
    if (tail) {
        uint32_t mark = fg->top;
        uint32_t t = reg_alloc(fg);
        call_dynamic(fg, n, t);
        emit1(fg, OP_RETURN, t);
        reg_free_to(fg, mark);
        return;
    }
    call_dynamic(fg, n, dst);
}

static void compile_dot_call(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    uint32_t mark = fg->top;
    uint32_t f = expr_to_reg(fg, n->target);
    fg->line = n->line;
    emit_call(fg, CALL_KIND_FUN, f, (const AstNode *const *)n->kids, n->nkids, dst, tail);
    reg_free_to(fg, mark);
}

// ==== Variables, lists, tuples ====

static void compile_var(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    uint32_t reg = scope_lookup(fg, n->text);
    const AstNode *env = reg == UINT32_MAX ? quote_env_expr(fg, n) : NULL; // __DIR__
    if (env) {
        tail ? expr_compile_tail(fg, env) : expr_compile(fg, env, dst);
        return;
    }
    if (reg == UINT32_MAX) {
        // A hygienic variable from Code.eval_quoted ("x@Context", term_ast.c) that is not
        // bound is a call to x/0, as in Elixir.
        const char *at = strchr(n->text, '@');
        const char *name = at ? arena_strdup(fg->mg->cg->arena, n->text, (size_t)(at - n->text))
                              : n->text;
        call_named(fg, n->line, name, NULL, 0, dst, tail);
        return;
    }
    if (tail) {
        emit1(fg, OP_RETURN, reg);
    } else if (reg != dst) {
        emit2(fg, OP_MOVE, dst, reg);
    }
}

static void compile_list(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    uint32_t count = n->nkids;
    const AstNode *tail = NULL;
    if (count > 0 && ast_is_named(n->kids[count - 1], AST_CALL, "|") &&
        n->kids[count - 1]->nkids == 2) {
        tail = n->kids[count - 1];
    }
    uint32_t base = reg_alloc_n(fg, count + 1);
    for (uint32_t i = 0; i < count; i++) {
        const AstNode *el = (tail && i + 1 == count) ? tail->kids[0] : n->kids[i];
        expr_compile(fg, el, base + i);
    }
    uint32_t acc = base + count;
    if (tail) {
        expr_compile(fg, tail->kids[1], acc);
    } else {
        emit1(fg, OP_LOAD_NIL, acc);
    }
    for (uint32_t i = count; i-- > 0;) {
        emit3(fg, OP_CONS, i == 0 ? dst : acc, base + i, acc);
    }
    reg_free_to(fg, mark);
}

static void compile_tuple(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    uint32_t base = reg_alloc_n(fg, n->nkids);
    for (uint32_t i = 0; i < n->nkids; i++) {
        expr_compile(fg, n->kids[i], base + i);
    }
    emit3(fg, OP_MAKE_TUPLE, dst, n->nkids ? base : 0, n->nkids);
    reg_free_to(fg, mark);
}

// ==== Dispatch ====

typedef void (*FormFn)(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);

typedef struct Form {
    const char *name;
    int arity;        // -1: any
    bool is_tail_ok;  // compiles itself in tail position
    FormFn fn;
} Form;


static const Form forms[] = {
    {"__block__", -1, true, ops_block},
    {"|>", 2, true, ops_pipe},
    {"case", 2, true, ops_control},
    {"if", 2, true, ops_control},
    {"unless", 2, true, ops_control},
    {"cond", 1, true, ops_control},
    {"with", -1, true, ops_control},
    {"for", -1, true, ops_control},
    {"try", 1, false, ops_control},
    {"fn", -1, false, ops_control},
    {"&", 1, false, ops_control},
    {"receive", 1, true, ops_control},
    {"quote", -1, false, quote_compile},
    {"unquote", -1, false, ops_unsupported},
    {"super", -1, false, ops_unsupported},
    {"use", -1, false, ops_unsupported},
    {"def", -1, false, ops_unsupported},
    {"defp", -1, false, ops_unsupported},
    {"defmacro", -1, false, ops_unsupported},
    {"defstruct", -1, false, ops_unsupported},
    {"defmodule", -1, false, ops_unsupported},
};

static const Form *find_form(const AstNode *n)
{
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (strcmp(forms[i].name, n->text) == 0 &&
            (forms[i].arity < 0 || (uint32_t)forms[i].arity == n->nkids)) {
            return &forms[i];
        }
    }
    return NULL;
}


static void compile_call(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    const Form *form = find_form(n);
    if (form) {
        if (tail && !form->is_tail_ok) {
            uint32_t mark = fg->top;
            uint32_t t = reg_alloc(fg);
            form->fn(fg, n, t, false);
            emit1(fg, OP_RETURN, t);
            reg_free_to(fg, mark);
            return;
        }
        form->fn(fg, n, dst, tail);
        return;
    }
    if (ops_is_form(fg, n)) {
        if (tail) {
            uint32_t mark = fg->top;
            uint32_t t = reg_alloc(fg);
            ops_form(fg, n, t, false);
            emit1(fg, OP_RETURN, t);
            reg_free_to(fg, mark);
            return;
        }
        ops_form(fg, n, dst, false);
        return;
    }
    if (strcmp(n->text, "apply") == 0 && (n->nkids == 2 || n->nkids == 3) &&
        !cg_find_def(fg->mg, "apply", n->nkids)) {
        compile_apply(fg, n, dst, tail);
        return;
    }
    const AstNode *var = quote_env_expr(fg, n); // var!(x)
    if (var) {
        tail ? expr_compile_tail(fg, var) : expr_compile(fg, var, dst);
        return;
    }
    if (!cg_find_def(fg->mg, n->text, n->nkids) && desugar_path_macro(fg, n, dst, tail)) {
        return;
    }
    if (strcmp(n->text, "raise") == 0 && !cg_find_def(fg->mg, "raise", n->nkids) &&
        desugar_raise(fg, n, dst, tail)) {
        return;
    }
    if (strcmp(n->text, "destructure") == 0 && !cg_find_def(fg->mg, "destructure", 2) &&
        desugar_destructure(fg, n, dst, tail)) {
        return;
    }
    call_named(fg, n->line, n->text, (const AstNode *const *)n->kids, n->nkids, dst, tail);
}

static void compile_node(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    if (fg->mg->cg->failed) {
        return;
    }
    fg->line = n->line ? n->line : fg->line;
    if (expr_is_literal(fg, n)) {
        uint32_t mark = fg->top;
        uint32_t r = tail ? reg_alloc(fg) : dst;
        literal_load(fg, n, r);
        if (tail) {
            emit1(fg, OP_RETURN, r);
        }
        reg_free_to(fg, mark);
        return;
    }
    switch (n->kind) {
    case AST_VAR:
        compile_var(fg, n, dst, tail);
        return;
    case AST_CALL:
        compile_call(fg, n, dst, tail);
        return;
    case AST_REMOTE:
        compile_remote(fg, n, dst, tail);
        return;
    case AST_DOT_CALL:
        compile_dot_call(fg, n, dst, tail);
        return;
    default:
        break;
    }
    uint32_t mark = fg->top;
    uint32_t r = tail ? reg_alloc(fg) : dst;
    if (n->kind == AST_LIST) {
        compile_list(fg, n, r);
    } else if (n->kind == AST_TUPLE) {
        compile_tuple(fg, n, r);
    } else {
        cg_error(fg->mg->cg, n->line, "unsupported expression");
    }
    if (tail) {
        emit1(fg, OP_RETURN, r);
    }
    reg_free_to(fg, mark);
}

void expr_compile(FnGen *fg, const AstNode *n, uint32_t dst)
{
    compile_node(fg, n, dst, false);
}

void expr_compile_tail(FnGen *fg, const AstNode *n)
{
    compile_node(fg, n, 0, true);
}

void expr_finish(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    compile_node(fg, n, dst, tail);
}

uint32_t expr_to_reg(FnGen *fg, const AstNode *n)
{
    if (n->kind == AST_VAR) {
        uint32_t reg = scope_lookup(fg, n->text);
        if (reg != UINT32_MAX) {
            return reg;
        }
    }
    uint32_t r = reg_alloc(fg);
    expr_compile(fg, n, r);
    return r;
}

void expr_compile_effect(FnGen *fg, const AstNode *n)
{
    if (ast_is_named(n, AST_CALL, "=") && n->nkids == 2) {
        fg->line = n->line ? n->line : fg->line;
        ops_match(fg, n, 0, false);
        return;
    }
    uint32_t mark = fg->top;
    uint32_t t = reg_alloc(fg);
    expr_compile(fg, n, t);
    reg_free_to(fg, mark);
}

void expr_compile_body(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    if (!n) {
        AstNode nil = {.kind = AST_ATOM, .text = "nil", .text_len = 3, .line = fg->line};
        compile_node(fg, &nil, dst, tail);
        return;
    }
    const AstNode *saved = fg->body_block;
    fg->body_block = n;
    compile_node(fg, n, dst, tail);
    fg->body_block = saved;
}

void ops_block(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    if (n->nkids == 0) {
        expr_compile_body(fg, NULL, dst, tail);
        return;
    }
    bool saved = fg->allow_reuse;
    fg->allow_reuse = n == fg->body_block;
    for (uint32_t i = 0; i + 1 < n->nkids; i++) {
        expr_compile_effect(fg, n->kids[i]);
    }
    fg->allow_reuse = saved;
    compile_node(fg, n->kids[n->nkids - 1], dst, tail);
}

// `a |> f(b)` is f(a, b).
void ops_pipe(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    const AstNode *arg = n->kids[0];
    const AstNode *call = n->kids[1];
    Cg *cg = fg->mg->cg;
    AstNode *c = cg_node(cg, call->kind, call->line, call->text);
    if (call->kind == AST_VAR) {
        c->kind = AST_CALL;
    } else if (call->kind == AST_CALL || call->kind == AST_REMOTE ||
               call->kind == AST_DOT_CALL) {
        c->target = call->target;
        c->flags = call->flags & ~(uint32_t)AST_F_NO_PARENS;
    } else {
        cg_error(cg, n->line, "cannot pipe into this expression");
        return;
    }
    ast_push(cg->arena, c, (AstNode *)arg);
    for (uint32_t i = 0; call->kind != AST_VAR && i < call->nkids; i++) {
        ast_push(cg->arena, c, call->kids[i]);
    }
    compile_node(fg, c, dst, tail);
}

void ops_unsupported(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    (void)dst;
    (void)tail;
    if (strcmp(n->text, "def") == 0 || strcmp(n->text, "defp") == 0 ||
        strcmp(n->text, "defstruct") == 0) {
        cg_error(fg->mg->cg, n->line, "cannot invoke %s/%u outside module", n->text, n->nkids);
        return;
    }
    if (use_is_import(fg->mg, n)) {
        emit_load_atom(fg, dst, "Elixir.Bitwise");
        return;
    }
    cg_error(fg->mg->cg, n->line, "%s is not supported by Ember yet", n->text);
}
