// Rewrites of forms into simpler ones before compiling them: `for` comprehensions become
// nested Enum.reduce/3 calls over two-clause lambdas (matching elements, skipping the rest)
// followed by :lists.reverse/1 (and Enum.into/2 for into:), and `&` captures become fns or
// external funs. Also dispatches the control forms named in expr.c's form table.
#include "codegen.h"

#include <stdio.h>
#include <string.h>

static AstNode *mk(FnGen *fg, AstKind kind, uint32_t line, const char *text)
{
    return cg_node(fg->mg->cg, kind, line, text);
}

static void add(FnGen *fg, AstNode *parent, const AstNode *kid)
{
    ast_push(fg->mg->cg->arena, parent, (AstNode *)kid);
}

static AstNode *mk_remote(FnGen *fg, uint32_t line, const char *mod, const char *fun)
{
    AstNode *r = mk(fg, AST_REMOTE, line, fun);
    r->target = mk(fg, AST_ATOM, line, mod);
    return r;
}

// `->` clause with [params] (a LIST) and [body].
static AstNode *mk_clause(FnGen *fg, uint32_t line, AstNode *params, const AstNode *body)
{
    AstNode *c = mk(fg, AST_CALL, line, "->");
    add(fg, c, params);
    add(fg, c, body);
    return c;
}

// ==== for ====

typedef struct ForCtx {
    const AstNode *const *quals;
    uint32_t qual_len;
    const AstNode *body;    // do: value (an expression, or -> clauses with reduce:)
    bool is_reduce;
    uint32_t line;
} ForCtx;

static const AstNode *for_build(FnGen *fg, const ForCtx *f, uint32_t i, const AstNode *acc);
static const AstNode *bits_generator(FnGen *fg, const AstNode *q);

static const AstNode *for_generator(FnGen *fg, const ForCtx *f, uint32_t i,
                                    const AstNode *acc, const AstNode *q)
{
    char name[32];
    snprintf(name, sizeof name, "for acc %u", i);
    const char *acc_name = arena_strdup(fg->mg->cg->arena, name, strlen(name));
    AstNode *acc_var = mk(fg, AST_VAR, q->line, acc_name);
    AstNode *params = mk(fg, AST_LIST, q->line, NULL);
    const AstNode *pat = q->kids[0];
    if (ast_is_named(pat, AST_CALL, "when") && pat->nkids == 2) {
        AstNode *w = mk(fg, AST_CALL, q->line, "when");
        add(fg, w, pat->kids[0]);
        add(fg, w, acc_var);
        add(fg, w, pat->kids[1]);
        add(fg, params, w);
    } else {
        add(fg, params, pat);
        add(fg, params, acc_var);
    }
    AstNode *fn = mk(fg, AST_CALL, q->line, "fn");
    add(fg, fn, mk_clause(fg, q->line, params, for_build(fg, f, i + 1, acc_var)));
    AstNode *skip = mk(fg, AST_LIST, q->line, NULL);
    add(fg, skip, mk(fg, AST_VAR, q->line, "_"));
    add(fg, skip, acc_var);
    add(fg, fn, mk_clause(fg, q->line, skip, acc_var));
    AstNode *call = mk_remote(fg, q->line, "Elixir.Enum", "reduce");
    add(fg, call, q->kids[1]);
    add(fg, call, acc);
    add(fg, call, fn);
    return call;
}

// ==== Binary generators: `<<a::4, b::4 <- bin>>` ====

// The value of a segment (`value::spec` or a bare value).
static const AstNode *segment_value(const AstNode *seg)
{
    return ast_is_named(seg, AST_CALL, "::") && seg->nkids == 2 ? seg->kids[0] : seg;
}

// A copy of segment [seg] whose literal or pinned value is `_` (for the skip clause).
static const AstNode *skip_segment(FnGen *fg, const AstNode *seg)
{
    const AstNode *v = segment_value(seg);
    bool fixed = v->kind == AST_INT || v->kind == AST_FLOAT || ast_is_named(v, AST_CALL, "^");
    if (!fixed) {
        return seg;
    }
    AstNode *blank = mk(fg, AST_VAR, seg->line, "_");
    if (v == seg) {
        return blank;
    }
    AstNode *copy = mk(fg, AST_CALL, seg->line, "::");
    add(fg, copy, blank);
    add(fg, copy, seg->kids[1]);
    return copy;
}

// `fn <<segs, rest::bitstring>> -> result end` clause for the matcher.
static AstNode *bits_clause(FnGen *fg, const AstNode *q, bool skip, const AstNode *result)
{
    uint32_t line = q->line;
    AstNode *pat = mk(fg, AST_CALL, line, "<<>>");
    for (uint32_t k = 0; k < q->nkids; k++) {
        const AstNode *seg = k + 1 < q->nkids ? q->kids[k] : q->kids[k]->kids[0];
        add(fg, pat, skip ? skip_segment(fg, seg) : seg);
    }
    AstNode *rest = mk(fg, AST_CALL, line, "::");
    add(fg, rest, mk(fg, AST_VAR, line, "for bits rest"));
    add(fg, rest, mk(fg, AST_VAR, line, "bitstring"));
    add(fg, pat, rest);
    AstNode *params = mk(fg, AST_LIST, line, NULL);
    add(fg, params, pat);
    return mk_clause(fg, line, params, result);
}

// Rewrites binary generator [q] into `{vars...} <- Ember.Bits.generate(bin, matcher)`.
static const AstNode *bits_generator(FnGen *fg, const AstNode *q)
{
    uint32_t line = q->line;
    AstNode *vars = mk(fg, AST_TUPLE, line, NULL);
    for (uint32_t k = 0; k < q->nkids; k++) {
        const AstNode *seg = k + 1 < q->nkids ? q->kids[k] : q->kids[k]->kids[0];
        const AstNode *v = segment_value(seg);
        if (v->kind == AST_VAR && !scope_is_ignored(v->text)) {
            add(fg, vars, v);
        }
    }
    AstNode *ok = mk(fg, AST_TUPLE, line, NULL);
    add(fg, ok, mk(fg, AST_ATOM, line, "ok"));
    add(fg, ok, vars);
    add(fg, ok, mk(fg, AST_VAR, line, "for bits rest"));
    AstNode *skip = mk(fg, AST_TUPLE, line, NULL);
    add(fg, skip, mk(fg, AST_ATOM, line, "skip"));
    add(fg, skip, mk(fg, AST_VAR, line, "for bits rest"));
    AstNode *done = mk(fg, AST_LIST, line, NULL);
    add(fg, done, mk(fg, AST_VAR, line, "_"));
    AstNode *matcher = mk(fg, AST_CALL, line, "fn");
    add(fg, matcher, bits_clause(fg, q, false, ok));
    bool has_fixed = false;
    for (uint32_t k = 0; k < q->nkids; k++) {
        const AstNode *seg = k + 1 < q->nkids ? q->kids[k] : q->kids[k]->kids[0];
        has_fixed = has_fixed || skip_segment(fg, seg) != seg;
    }
    if (has_fixed) { // elements whose literal segments differ are skipped, as in Erlang
        add(fg, matcher, bits_clause(fg, q, true, skip));
    }
    add(fg, matcher, mk_clause(fg, line, done, mk(fg, AST_ATOM, line, "done")));
    AstNode *call = mk_remote(fg, line, "Elixir.Ember.Bits", "generate");
    add(fg, call, q->kids[q->nkids - 1]->kids[1]);
    add(fg, call, matcher);
    AstNode *gen = mk(fg, AST_CALL, line, "<-");
    add(fg, gen, vars);
    add(fg, gen, call);
    return gen;
}

// The code for qualifiers i.. given the accumulator expression [acc].
static const AstNode *for_build(FnGen *fg, const ForCtx *f, uint32_t i, const AstNode *acc)
{
    if (i == f->qual_len) {
        if (f->is_reduce) {
            AstNode *c = mk(fg, AST_CALL, f->line, "case");
            add(fg, c, acc);
            AstNode *kw = mk(fg, AST_LIST, f->line, NULL);
            AstNode *pair = mk(fg, AST_TUPLE, f->line, NULL);
            add(fg, pair, mk(fg, AST_ATOM, f->line, "do"));
            add(fg, pair, f->body);
            add(fg, kw, pair);
            add(fg, c, kw);
            return c;
        }
        AstNode *list = mk(fg, AST_LIST, f->line, NULL);
        AstNode *bar = mk(fg, AST_CALL, f->line, "|");
        add(fg, bar, f->body);
        add(fg, bar, acc);
        add(fg, list, bar);
        return list;
    }
    const AstNode *q = f->quals[i];
    if (ast_is_named(q, AST_CALL, "<-") && q->nkids == 2) {
        return for_generator(fg, f, i, acc, q);
    }
    if (ast_is_named(q, AST_CALL, "<<>>") && q->nkids > 0 &&
        ast_is_named(q->kids[q->nkids - 1], AST_CALL, "<-") && q->kids[q->nkids - 1]->nkids == 2) {
        return for_generator(fg, f, i, acc, bits_generator(fg, q));
    }
    AstNode *c = mk(fg, AST_CALL, q->line, "if");
    add(fg, c, q);
    AstNode *kw = mk(fg, AST_LIST, q->line, NULL);
    AstNode *yes = mk(fg, AST_TUPLE, q->line, NULL);
    add(fg, yes, mk(fg, AST_ATOM, q->line, "do"));
    add(fg, yes, for_build(fg, f, i + 1, acc));
    AstNode *no = mk(fg, AST_TUPLE, q->line, NULL);
    add(fg, no, mk(fg, AST_ATOM, q->line, "else"));
    add(fg, no, acc);
    add(fg, kw, yes);
    add(fg, kw, no);
    add(fg, c, kw);
    return c;
}

// Option [key] of a for: its trailing keyword lists start at kid [first_opt].
static const AstNode *for_opt(const AstNode *n, uint32_t first_opt, const char *key)
{
    for (uint32_t i = first_opt; i < n->nkids; i++) {
        const AstNode *v = cg_kw_get(n->kids[i], key);
        if (v) {
            return v;
        }
    }
    return NULL;
}

void control_for(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    uint32_t first_opt = n->nkids;
    while (first_opt > 0 && cg_is_keyword(n->kids[first_opt - 1])) {
        first_opt--;
    }
    const AstNode *body = for_opt(n, first_opt, "do");
    if (!body) {
        cg_error(fg->mg->cg, n->line, "missing :do option in \"for\"");
        return;
    }
    ForCtx f = {(const AstNode *const *)n->kids, first_opt, body, false, n->line};
    const AstNode *init = for_opt(n, first_opt, "reduce");
    const AstNode *into = for_opt(n, first_opt, "into");
    const AstNode *uniq = for_opt(n, first_opt, "uniq");
    f.is_reduce = init != NULL;
    if (!init) {
        init = mk(fg, AST_LIST, n->line, NULL);
    }
    const AstNode *result = for_build(fg, &f, 0, init);
    if (!f.is_reduce) {
        AstNode *rev = mk_remote(fg, n->line, "lists", "reverse");
        add(fg, rev, result);
        result = rev;
        if (uniq && ast_is_named(uniq, AST_ATOM, "true")) {
            AstNode *u = mk_remote(fg, n->line, "Elixir.Enum", "uniq");
            add(fg, u, result);
            result = u;
        }
        if (into && into->kind == AST_STRING) {
            AstNode *bin = mk_remote(fg, n->line, "erlang", "iolist_to_binary");
            add(fg, bin, result);
            AstNode *cat = mk(fg, AST_CALL, n->line, "<>");
            add(fg, cat, into);
            add(fg, cat, bin);
            result = cat;
        } else if (into) {
            AstNode *call = mk_remote(fg, n->line, "Elixir.Enum", "into");
            add(fg, call, result);
            add(fg, call, into);
            result = call;
        }
    }
    expr_finish(fg, result, dst, tail);
}

// ==== Captures ====

static int64_t max_capture_arg(const AstNode *n)
{
    if (!n) {
        return 0;
    }
    if (ast_is_named(n, AST_CALL, "&") && n->nkids == 1 && n->kids[0]->kind == AST_INT) {
        return n->kids[0]->ival;
    }
    int64_t m = max_capture_arg(n->target);
    for (uint32_t i = 0; i < n->nkids; i++) {
        int64_t k = max_capture_arg(n->kids[i]);
        m = k > m ? k : m;
    }
    return m;
}

// fn &1, .., &arity -> body end
static void capture_fn(FnGen *fg, uint32_t line, int64_t arity, const AstNode *body,
                       uint32_t dst)
{
    AstNode *params = mk(fg, AST_LIST, line, NULL);
    for (int64_t i = 1; i <= arity; i++) {
        char name[24];
        snprintf(name, sizeof name, "&%lld", (long long)i);
        add(fg, params, mk(fg, AST_VAR, line, arena_strdup(fg->mg->cg->arena, name, strlen(name))));
    }
    AstNode *fn = mk(fg, AST_CALL, line, "fn");
    add(fg, fn, mk_clause(fg, line, params, body));
    cg_compile_lambda(fg, fn, dst);
}

// &name/arity and &Mod.name/arity.
static void capture_named(FnGen *fg, const AstNode *n, const AstNode *f, int64_t arity,
                          uint32_t dst)
{
    if (f->kind == AST_REMOTE && f->nkids == 0 &&
        (f->target->kind == AST_ALIAS || f->target->kind == AST_ATOM)) {
        const char *mod = f->target->kind == AST_ALIAS ? cg_alias_text(fg->mg, f->target)
                                                         : f->target->text;
        emit2(fg, OP_MAKE_EXT_FUN, dst, tab_import(&fg->mg->tab, mod, f->text, (uint32_t)arity));
        return;
    }
    if (f->kind != AST_VAR) {
        cg_error(fg->mg->cg, n->line, "invalid args for &, expected one of:\n\n"
                 "  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n"
                 "  * &fun/arity to capture a local or imported function, such as &is_atom/1\n"
                 "  * &some_code(&1, ...) containing at least one argument as &1, such as "
                 "&List.flatten(&1)\n\nGot: %s", f->text ? f->text : "?");
        return;
    }
    if (!cg_find_def(fg->mg, f->text, (uint32_t)arity) &&
        expr_is_kernel_import(f->text, (uint32_t)arity)) {
        emit2(fg, OP_MAKE_EXT_FUN, dst,
              tab_import(&fg->mg->tab, "Elixir.Kernel", f->text, (uint32_t)arity));
        return;
    }
    AstNode *call = mk(fg, AST_CALL, n->line, f->text);
    for (int64_t i = 1; i <= arity; i++) {
        AstNode *arg = mk(fg, AST_CALL, n->line, "&");
        AstNode *num = mk(fg, AST_INT, n->line, NULL);
        num->ival = i;
        add(fg, arg, num);
        add(fg, call, arg);
    }
    capture_fn(fg, n->line, arity, call, dst);
}

void control_capture(FnGen *fg, const AstNode *n, uint32_t dst)
{
    const AstNode *e = n->kids[0];
    if (e->kind == AST_INT) {
        char name[24];
        snprintf(name, sizeof name, "&%lld", (long long)e->ival);
        uint32_t reg = scope_lookup(fg, name);
        if (reg == UINT32_MAX) {
            cg_error(fg->mg->cg, n->line, "capture argument &%lld must be used within the "
                     "capture operator &", (long long)e->ival);
            return;
        }
        emit2(fg, OP_MOVE, dst, reg);
        return;
    }
    if (ast_is_named(e, AST_CALL, "/") && e->nkids == 2 && e->kids[1]->kind == AST_INT &&
        (e->kids[0]->kind == AST_VAR || (e->kids[0]->kind == AST_REMOTE &&
                                         e->kids[0]->nkids == 0))) {
        capture_named(fg, n, e->kids[0], e->kids[1]->ival, dst);
        return;
    }
    int64_t arity = max_capture_arg(e);
    if (arity == 0) {
        cg_error(fg->mg->cg, n->line, "invalid args for &, expected one of:\n\n"
                 "  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n"
                 "  * &fun/arity to capture a local or imported function, such as &is_atom/1\n"
                 "  * &some_code(&1, ...) containing at least one argument as &1, such as "
                 "&List.flatten(&1)\n");
        return;
    }
    capture_fn(fg, n->line, arity, e, dst);
}

// ==== raise ====

// `raise Mod` / `raise Mod, args` for an exception defined in this compile becomes
// raise(Mod.exception(args)), so its defaults and exception/1 apply. Returns false (nothing
// emitted) for anything else.
bool desugar_raise(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    if (n->nkids < 1 || n->nkids > 2 || n->kids[0]->kind != AST_ALIAS) {
        return false;
    }
    const char *mod = cg_alias_text(fg->mg, n->kids[0]);
    const StructDef *sd = cg_find_struct(fg->mg->cg, mod);
    bool found = false;
    for (uint32_t i = 0; sd && sd->fields && i < sd->fields->nkids; i++) {
        const AstNode *f = sd->fields->kids[i];
        found = found || (f->kind == AST_TUPLE && f->nkids == 2 &&
                          ast_is_named(f->kids[0], AST_ATOM, "__exception__"));
    }
    if (!found) {
        return false;
    }
    AstNode *make = mk_remote(fg, n->line, mod, "exception");
    add(fg, make, n->nkids == 2 ? n->kids[1] : mk(fg, AST_LIST, n->line, NULL));
    const AstNode *args[1] = {make};
    expr_call_ext(fg, "Elixir.Kernel", "raise", args, 1, dst, tail);
    return true;
}

// Dispatch of the control forms of expr.c's table.
void ops_control(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    const char *op = n->text;
    if (strcmp(op, "case") == 0) {
        control_case(fg, n, dst, tail);
    } else if (strcmp(op, "receive") == 0) {
        control_receive(fg, n, dst, tail);
    } else if (strcmp(op, "if") == 0 || strcmp(op, "unless") == 0) {
        control_if(fg, n, dst, tail);
    } else if (strcmp(op, "cond") == 0) {
        control_cond(fg, n, dst, tail);
    } else if (strcmp(op, "with") == 0) {
        control_with(fg, n, dst, tail);
    } else if (strcmp(op, "for") == 0) {
        control_for(fg, n, dst, tail);
    } else if (strcmp(op, "try") == 0) {
        control_try(fg, n->kids[0], n->line, dst);
    } else if (strcmp(op, "fn") == 0) {
        cg_compile_lambda(fg, n, dst);
    } else {
        control_capture(fg, n, dst);
    }
}

// ==== destructure ====

// destructure([a, b], right) becomes [a, b] = Kernel.Utils.destructure(right, 2): the list
// cut or padded with nils to the pattern's length (stdlib/kernel.ex), as Elixir's macro does.
// Returns false (nothing emitted) when the pattern is not a list literal.
bool desugar_destructure(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    if (n->nkids != 2 || n->kids[0]->kind != AST_LIST) {
        return false;
    }
    AstNode *count = mk(fg, AST_INT, n->line, NULL);
    count->ival = n->kids[0]->nkids;
    AstNode *pad = mk_remote(fg, n->line, "Elixir.Kernel.Utils", "destructure");
    add(fg, pad, n->kids[1]);
    add(fg, pad, count);
    AstNode *match = mk(fg, AST_CALL, n->line, "=");
    add(fg, match, n->kids[0]);
    add(fg, match, pad);
    expr_finish(fg, match, dst, tail);
    return true;
}

// ==== put_in/update_in/get_and_update_in/pop_in paths ====

// `x[key]`: the parser writes it as Access.get(x, key) (its target the atom Elixir.Access).
static bool is_access_get(const AstNode *n)
{
    const AstNode *t = n->target;
    return n->nkids == 2 && strcmp(n->text, "get") == 0 &&
           ((t->kind == AST_ATOM && strcmp(t->text, "Elixir.Access") == 0) ||
            (t->kind == AST_ALIAS && strcmp(t->text, "Access") == 0));
}

// Is [n] `x.field` (a no-parens remote call on a non-alias) or `x[key]` (Access.get/2)?
static bool path_step(const AstNode *n)
{
    if (n->kind != AST_REMOTE || !n->target) {
        return false;
    }
    if (is_access_get(n)) {
        return true;
    }
    return n->target->kind != AST_ALIAS && n->target->kind != AST_ATOM &&
           (n->flags & AST_F_NO_PARENS) && n->nkids == 0;
}

bool desugar_path_macro(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    static const struct {
        const char *name;
        uint32_t arity;
    } macros[] = {{"put_in", 2}, {"update_in", 2}, {"get_and_update_in", 2}, {"pop_in", 1}};
    bool known = false;
    for (size_t i = 0; i < sizeof macros / sizeof macros[0]; i++) {
        known = known || (strcmp(n->text, macros[i].name) == 0 && n->nkids == macros[i].arity);
    }
    if (!known || !path_step(n->kids[0])) {
        return false;
    }
    Cg *cg = fg->mg->cg;
    uint32_t line = n->line;
    // Walk from the last step to the root, prepending keys.
    const AstNode *steps[256];
    uint32_t count = 0;
    const AstNode *root = n->kids[0];
    while (path_step(root) && count < 256) {
        steps[count++] = root;
        root = is_access_get(root) ? root->kids[0] : root->target;
    }
    AstNode *keys = cg_node(cg, AST_LIST, line, NULL);
    for (uint32_t i = count; i-- > 0;) {
        const AstNode *s = steps[i];
        if (is_access_get(s)) {
            ast_push(cg->arena, keys, s->kids[1]);
        } else {
            AstNode *acc = cg_node(cg, AST_ALIAS, s->line, "Access");
            AstNode *call = cg_node(cg, AST_REMOTE, s->line, "key!");
            call->target = acc;
            ast_push(cg->arena, call, cg_node(cg, AST_ATOM, s->line, s->text));
            ast_push(cg->arena, keys, call);
        }
    }
    AstNode *call = cg_node(cg, AST_CALL, line, n->text);
    ast_push(cg->arena, call, (AstNode *)root);
    ast_push(cg->arena, call, keys);
    if (n->nkids == 2) {
        ast_push(cg->arena, call, n->kids[1]);
    }
    expr_finish(fg, call, dst, tail);
    return true;
}
