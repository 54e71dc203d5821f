// Control forms: case, if/unless, cond, with, try/rescue/catch/else/after, guards, `&`
// captures and `for` comprehensions. Clause lists compile to sequential pattern tests (see
// codegen.h); `for` is rewritten into Enum.reduce/3 over lambdas, captures into fns.
#include "codegen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ==== Clause lists ====

static bool is_clause(const AstNode *c)
{
    return ast_is_named(c, AST_CALL, "->") && c->nkids == 2 && c->kids[0]->kind == AST_LIST;
}

// Number of `->` clauses in [clauses] (a LIST or a single clause).
static uint32_t clause_count(const AstNode *clauses)
{
    if (!clauses) {
        return 0;
    }
    return clauses->kind == AST_LIST ? clauses->nkids : 1;
}

static const AstNode *clause_at(const AstNode *clauses, uint32_t i)
{
    return clauses->kind == AST_LIST ? clauses->kids[i] : clauses;
}

// Compiles one clause against [srcs]; on failure jumps to a label bound after it. [accept]
// (receive clauses) removes the matched message from the mailbox before the body runs.
static void compile_clause(FnGen *fg, const AstNode *c, const uint32_t *srcs, uint32_t nsrc,
                           uint32_t dst, bool tail, uint32_t end, bool accept)
{
    if (!is_clause(c)) {
        cg_error(fg->mg->cg, c->line, "expected -> clauses");
        return;
    }
    const AstNode *const *pats;
    uint32_t pat_len;
    const AstNode *guard;
    pattern_split_when(c->kids[0], &pats, &pat_len, &guard);
    if (pat_len != nsrc) {
        cg_error(fg->mg->cg, c->line, "expected %u argument%s in clause, got %u", nsrc,
                 nsrc == 1 ? "" : "s", pat_len);
        return;
    }
    uint32_t mark = scope_enter(fg);
    uint32_t reg_mark = fg->top;
    uint32_t next = label_new(fg);
    pattern_begin(fg);
    for (uint32_t i = 0; i < nsrc; i++) {
        pattern_match(fg, pats[i], srcs[i], next);
    }
    if (guard) {
        control_guard(fg, guard, next);
    }
    if (accept) {
        emit0(fg, OP_RECV_ACCEPT);
    }
    expr_compile_body(fg, c->kids[1], dst, tail);
    if (!tail) {
        emit1(fg, OP_JUMP, end);
    }
    scope_leave(fg, mark, reg_mark);
    label_bind(fg, next);
}

// Compiles [clauses] against the values in [srcs]; falls through when none matches.
void control_clauses_n(FnGen *fg, const AstNode *clauses, const uint32_t *srcs, uint32_t nsrc,
                       uint32_t dst, bool tail, uint32_t end)
{
    for (uint32_t i = 0; i < clause_count(clauses); i++) {
        compile_clause(fg, clause_at(clauses, i), srcs, nsrc, dst, tail, end, false);
    }
}

void control_clauses(FnGen *fg, const AstNode *clauses, uint32_t src, uint32_t dst, bool tail,
                     uint32_t end)
{
    control_clauses_n(fg, clauses, &src, 1, dst, tail, end);
}

// ==== Guards ====

static const struct {
    const char *name;
    TypeTest test;
} type_guards[] = {
    {"is_integer", TT_INTEGER}, {"is_float", TT_FLOAT},       {"is_number", TT_NUMBER},
    {"is_atom", TT_ATOM},       {"is_boolean", TT_BOOLEAN},   {"is_binary", TT_BINARY},
    {"is_bitstring", TT_BITSTRING}, {"is_list", TT_LIST},     {"is_tuple", TT_TUPLE},
    {"is_map", TT_MAP},         {"is_function", TT_FUNCTION}, {"is_pid", TT_PID},
    {"is_reference", TT_REFERENCE},
};

static int type_guard(const AstNode *g)
{
    if (g->kind != AST_CALL || g->nkids != 1) {
        return -1;
    }
    for (size_t i = 0; i < sizeof type_guards / sizeof type_guards[0]; i++) {
        if (strcmp(type_guards[i].name, g->text) == 0) {
            return (int)type_guards[i].test;
        }
    }
    return -1;
}

static bool is_simple_operand(FnGen *fg, const AstNode *n)
{
    return n->kind == AST_VAR || expr_is_literal(fg, n);
}

// True when evaluating guard [g] with guard_test can never raise.
static bool guard_is_safe(FnGen *fg, const AstNode *g)
{
    if (is_simple_operand(fg, g)) {
        return true;
    }
    if (g->kind != AST_CALL) {
        return false;
    }
    const char *op = g->text;
    if (g->nkids == 2 && (!strcmp(op, "and") || !strcmp(op, "or"))) {
        return guard_is_safe(fg, g->kids[0]) && guard_is_safe(fg, g->kids[1]);
    }
    if (g->nkids == 1 && (!strcmp(op, "not") || type_guard(g) >= 0 || !strcmp(op, "is_nil"))) {
        return guard_is_safe(fg, g->kids[0]);
    }
    static const char *const cmps[] = {"==", "!=", "===", "!==", "<", "<=", ">", ">="};
    for (size_t i = 0; g->nkids == 2 && i < sizeof cmps / sizeof cmps[0]; i++) {
        if (strcmp(op, cmps[i]) == 0) {
            return is_simple_operand(fg, g->kids[0]) && is_simple_operand(fg, g->kids[1]);
        }
    }
    return false;
}

// Jumps to [fail] unless guard [g] is exactly true.
static void guard_test(FnGen *fg, const AstNode *g, uint32_t fail)
{
    if (g->kind == AST_CALL && g->nkids == 2 && strcmp(g->text, "and") == 0) {
        guard_test(fg, g->kids[0], fail);
        guard_test(fg, g->kids[1], fail);
        return;
    }
    if (g->kind == AST_CALL && g->nkids == 2 && strcmp(g->text, "or") == 0) {
        uint32_t ok = label_new(fg);
        uint32_t second = label_new(fg);
        guard_test(fg, g->kids[0], second);
        emit1(fg, OP_JUMP, ok);
        label_bind(fg, second);
        guard_test(fg, g->kids[1], fail);
        label_bind(fg, ok);
        return;
    }
    uint32_t mark = fg->top;
    int tt = type_guard(g);
    if (tt >= 0 && g->kids[0]->kind == AST_VAR && scope_lookup(fg, g->kids[0]->text) != UINT32_MAX) {
        emit3(fg, OP_TEST_TYPE, scope_lookup(fg, g->kids[0]->text), tt, fail);
        return;
    }
    if (g->kind == AST_CALL && g->nkids == 1 && strcmp(g->text, "not") == 0) {
        uint32_t r = expr_to_reg(fg, g->kids[0]);
        emit3(fg, OP_TEST_ATOM, r, tab_atom(&fg->mg->tab, "false"), fail);
        reg_free_to(fg, mark);
        return;
    }
    if (ops_compare_jump(fg, g, fail)) {
        return;
    }
    uint32_t r = expr_to_reg(fg, g);
    emit2(fg, OP_JUMP_UNLESS_TRUE, r, fail);
    reg_free_to(fg, mark);
}

void control_guard(FnGen *fg, const AstNode *guard, uint32_t fail)
{
    if (ast_is_named(guard, AST_CALL, "when") && guard->nkids == 2) {
        // `when a when b`: either guard may hold.
        AstNode either = *guard;
        either.text = "or";
        either.text_len = 2;
        control_guard(fg, &either, fail);
        return;
    }
    if (guard_is_safe(fg, guard)) {
        guard_test(fg, guard, fail);
        return;
    }
    // A guard that raises fails: run it under a handler.
    uint32_t mark = fg->top;
    uint32_t d = reg_alloc_n(fg, 3);
    uint32_t handler = label_new(fg);
    uint32_t inner_fail = label_new(fg);
    uint32_t ok = label_new(fg);
    emit2(fg, OP_TRY, d, handler);
    guard_test(fg, guard, inner_fail);
    emit0(fg, OP_TRY_END);
    emit1(fg, OP_JUMP, ok);
    label_bind(fg, inner_fail);
    emit0(fg, OP_TRY_END);
    label_bind(fg, handler);
    emit1(fg, OP_JUMP, fail);
    label_bind(fg, ok);
    reg_free_to(fg, mark);
}

// ==== case, if, cond ====

void control_case(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    uint32_t mark = fg->top;
    uint32_t v = expr_to_reg(fg, n->kids[0]);
    uint32_t end = label_new(fg);
    control_clauses(fg, cg_kw_get(n->kids[1], "do"), v, dst, tail, end);
    fg->line = n->line;
    emit2(fg, OP_RAISE_ERROR, CG_ERR_CASE_CLAUSE, v);
    label_bind(fg, end);
    reg_free_to(fg, mark);
}

// receive: a loop over the mailbox (RECV_PEEK .. clauses .. RECV_NEXT back to the peek;
// RECV_WAIT sleeps and jumps back too, or falls through to the `after` body on timeout).
// The timeout expression is evaluated once, before the first scan.
void control_receive(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    const AstNode *kw = n->nkids == 1 ? n->kids[0] : NULL;
    const AstNode *clauses = kw ? cg_kw_get(kw, "do") : NULL;
    const AstNode *after = kw ? cg_kw_get(kw, "after") : NULL;
    const AstNode *after_clause = after && clause_count(after) == 1 ? clause_at(after, 0) : NULL;
    if (clauses != NULL && ast_is_named(clauses, AST_CALL, "__block__") && clauses->nkids == 0) {
        clauses = NULL; // `receive do after ... end`: no clauses, only the timeout
    }
    if (kw == NULL || (after != NULL && (after_clause == NULL || !is_clause(after_clause) ||
                                          after_clause->kids[0]->nkids != 1))) {
        cg_error(fg->mg->cg, n->line, "expected a single -> clause for :after in \"receive\"");
        return;
    }
    uint32_t mark = fg->top;
    uint32_t timeout;
    if (after_clause) {
        timeout = expr_to_reg(fg, after_clause->kids[0]->kids[0]);
    } else {
        timeout = reg_alloc(fg);
        emit_load_atom(fg, timeout, "infinity");
    }
    uint32_t msg = reg_alloc(fg);
    uint32_t peek = label_new(fg);
    uint32_t wait = label_new(fg);
    uint32_t end = label_new(fg);
    fg->line = n->line;
    label_bind(fg, peek);
    emit2(fg, OP_RECV_PEEK, msg, wait);
    for (uint32_t i = 0; i < clause_count(clauses); i++) {
        compile_clause(fg, clause_at(clauses, i), &msg, 1, dst, tail, end, true);
    }
    emit1(fg, OP_RECV_NEXT, peek);
    label_bind(fg, wait);
    emit2(fg, OP_RECV_WAIT, timeout, peek);
    if (after_clause) {
        expr_compile_body(fg, after_clause->kids[1], dst, tail);
    } else {
        emit1(fg, OP_RECV_NEXT, peek); // unreachable: an :infinity wait never falls through
    }
    label_bind(fg, end);
    reg_free_to(fg, mark);
}

void control_if(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    bool is_unless = strcmp(n->text, "unless") == 0;
    const AstNode *kw = n->kids[1];
    uint32_t mark = scope_enter(fg);
    uint32_t reg_mark = fg->top;
    uint32_t other = label_new(fg);
    uint32_t end = label_new(fg);
    // A comparison is always a boolean, so `if a < b` needs no truthiness test of its own.
    if (is_unless || !ops_compare_jump(fg, n->kids[0], other)) {
        uint32_t c = expr_to_reg(fg, n->kids[0]);
        emit2(fg, is_unless ? OP_JUMP_IF_TRUTHY : OP_JUMP_IF_FALSY, c, other);
    }
    uint32_t inner = scope_enter(fg);
    uint32_t inner_regs = fg->top;
    expr_compile_body(fg, cg_kw_get(kw, "do"), dst, tail);
    scope_leave(fg, inner, inner_regs);
    if (!tail) {
        emit1(fg, OP_JUMP, end);
    }
    label_bind(fg, other);
    expr_compile_body(fg, cg_kw_get(kw, "else"), dst, tail);
    label_bind(fg, end);
    scope_leave(fg, mark, reg_mark);
}

void control_cond(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    const AstNode *clauses = cg_kw_get(n->kids[0], "do");
    uint32_t end = label_new(fg);
    for (uint32_t i = 0; i < clause_count(clauses); i++) {
        const AstNode *c = clause_at(clauses, i);
        if (!is_clause(c) || c->kids[0]->nkids != 1) {
            cg_error(fg->mg->cg, c->line, "expected -> clauses for :do in \"cond\"");
            return;
        }
        uint32_t mark = scope_enter(fg);
        uint32_t reg_mark = fg->top;
        uint32_t next = label_new(fg);
        uint32_t t = expr_to_reg(fg, c->kids[0]->kids[0]);
        emit2(fg, OP_JUMP_IF_FALSY, t, next);
        expr_compile_body(fg, c->kids[1], dst, tail);
        if (!tail) {
            emit1(fg, OP_JUMP, end);
        }
        scope_leave(fg, mark, reg_mark);
        label_bind(fg, next);
    }
    uint32_t mark = fg->top;
    uint32_t r = reg_alloc(fg);
    emit_load_atom(fg, r, "nil");
    fg->line = n->line;
    emit2(fg, OP_RAISE_ERROR, CG_ERR_COND_CLAUSE, r);
    reg_free_to(fg, mark);
    label_bind(fg, end);
}

// ==== with ====

typedef struct WithFail {
    uint32_t label;
    uint32_t reg;
} WithFail;

// One clause of a with: `pat <- expr` (recording where its mismatch goes) or a plain
// expression.
static void with_clause(FnGen *fg, const AstNode *c, WithFail *fails, uint32_t *fail_len)
{
    if (!(ast_is_named(c, AST_CALL, "<-") && c->nkids == 2)) {
        expr_compile_effect(fg, c);
        return;
    }
    const AstNode *pat = c->kids[0];
    const AstNode *guard = NULL;
    if (ast_is_named(pat, AST_CALL, "when") && pat->nkids == 2) {
        guard = pat->kids[1];
        pat = pat->kids[0];
    }
    uint32_t v = reg_alloc(fg);
    expr_compile(fg, c->kids[1], v);
    uint32_t fail = label_new(fg);
    pattern_begin(fg);
    pattern_match(fg, pat, v, fail);
    if (guard) {
        control_guard(fg, guard, fail);
    }
    fails[(*fail_len)++] = (WithFail){fail, v};
}

void control_with(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    const AstNode *kw = n->nkids ? n->kids[n->nkids - 1] : NULL;
    if (!kw || !cg_is_keyword(kw) || !cg_kw_get(kw, "do")) {
        cg_error(fg->mg->cg, n->line, "missing :do option in \"with\"");
        return;
    }
    uint32_t mark = scope_enter(fg);
    uint32_t reg_mark = fg->top;
    uint32_t w = reg_alloc(fg);
    uint32_t end = label_new(fg);
    WithFail *fails = arena_alloc(fg->mg->cg->arena, n->nkids * sizeof *fails);
    uint32_t fail_len = 0;
    for (uint32_t i = 0; i + 1 < n->nkids; i++) {
        with_clause(fg, n->kids[i], fails, &fail_len);
    }
    uint32_t inner = scope_enter(fg);
    expr_compile_body(fg, cg_kw_get(kw, "do"), dst, tail);
    scope_leave(fg, inner, fg->top);
    if (!tail) {
        emit1(fg, OP_JUMP, end);
    }
    uint32_t else_label = label_new(fg);
    for (uint32_t i = 0; i < fail_len; i++) {
        label_bind(fg, fails[i].label);
        emit2(fg, OP_MOVE, w, fails[i].reg);
        emit1(fg, OP_JUMP, else_label);
    }
    label_bind(fg, else_label);
    scope_leave(fg, mark, w + 1);
    const AstNode *else_clauses = cg_kw_get(kw, "else");
    if (!else_clauses) {
        if (tail) {
            emit1(fg, OP_RETURN, w);
        } else {
            emit2(fg, OP_MOVE, dst, w);
        }
    } else {
        control_clauses(fg, else_clauses, w, dst, tail, end);
        fg->line = n->line;
        emit2(fg, OP_RAISE_ERROR, CG_ERR_WITH_CLAUSE, w);
    }
    label_bind(fg, end);
    reg_free_to(fg, reg_mark);
}

// ==== try ====

// `e in [A, B]`, `e in A`, `A`, `e`: jumps to [fail] unless the :error reason in [reason]
// is one of the named exceptions; binds e.
static void rescue_pattern(FnGen *fg, const AstNode *pat, uint32_t reason, uint32_t fail)
{
    const AstNode *var = NULL;
    const AstNode *mods = NULL;
    if (ast_is_named(pat, AST_CALL, "in") && pat->nkids == 2) {
        var = pat->kids[0];
        mods = pat->kids[1];
    } else if (pat->kind == AST_VAR) {
        var = pat;
    } else {
        mods = pat;
    }
    if (mods) {
        uint32_t count = mods->kind == AST_LIST ? mods->nkids : 1;
        uint32_t ok = label_new(fg);
        uint32_t k = reg_alloc(fg);
        uint32_t s = reg_alloc(fg);
        emit2(fg, OP_TEST_MAP, reason, fail);
        emit_load_atom(fg, k, "__struct__");
        emit4(fg, OP_MAP_GET, s, reason, k, fail);
        for (uint32_t i = 0; i < count; i++) {
            const AstNode *m = mods->kind == AST_LIST ? mods->kids[i] : mods;
            if (m->kind != AST_ALIAS && m->kind != AST_ATOM) {
                cg_error(fg->mg->cg, m->line, "invalid rescue clause. The clause should match "
                         "on an alias, a variable or be in the \"var in [alias]\" format");
                return;
            }
            const char *text = m->kind == AST_ALIAS ? cg_alias_text(fg->mg, m) : m->text;
            uint32_t next = i + 1 == count ? fail : label_new(fg);
            emit3(fg, OP_TEST_ATOM, s, tab_atom(&fg->mg->tab, text), next);
            emit1(fg, OP_JUMP, ok);
            if (i + 1 < count) {
                label_bind(fg, next);
            }
        }
        label_bind(fg, ok);
    }
    if (var) {
        pattern_match(fg, var, reason, fail);
    }
}

typedef struct TryCtx {
    uint32_t d; // kind, reason, stacktrace registers
    uint32_t dst;
    uint32_t end;
} TryCtx;

// Compiles [body] for its effects in a scope of its own (after blocks).
static void emit_effect_scoped(FnGen *fg, const AstNode *body)
{
    uint32_t mark = scope_enter(fg);
    uint32_t reg_mark = fg->top;
    expr_compile_effect(fg, body);
    scope_leave(fg, mark, reg_mark);
}

static void handler_clause(FnGen *fg, const TryCtx *t, const AstNode *c, bool is_rescue)
{
    if (!is_clause(c)) {
        cg_error(fg->mg->cg, c->line, "expected -> clauses in try");
        return;
    }
    const AstNode *const *pats;
    uint32_t pat_len;
    const AstNode *guard;
    pattern_split_when(c->kids[0], &pats, &pat_len, &guard);
    uint32_t mark = scope_enter(fg);
    uint32_t reg_mark = fg->top;
    uint32_t next = label_new(fg);
    pattern_begin(fg);
    scope_bind(fg, "__STACKTRACE__", t->d + 2);
    if (is_rescue && pat_len == 1) {
        emit3(fg, OP_TEST_ATOM, t->d, tab_atom(&fg->mg->tab, "error"), next);
        rescue_pattern(fg, pats[0], t->d + 1, next);
    } else if (!is_rescue && pat_len == 1) {
        emit3(fg, OP_TEST_ATOM, t->d, tab_atom(&fg->mg->tab, "throw"), next);
        pattern_match(fg, pats[0], t->d + 1, next);
    } else if (!is_rescue && pat_len == 2) {
        pattern_match(fg, pats[0], t->d, next);
        pattern_match(fg, pats[1], t->d + 1, next);
    } else {
        cg_error(fg->mg->cg, c->line, "invalid %s clause", is_rescue ? "rescue" : "catch");
        return;
    }
    if (guard) {
        control_guard(fg, guard, next);
    }
    expr_compile_body(fg, c->kids[1], t->dst, false);
    scope_leave(fg, mark, reg_mark);
    emit1(fg, OP_JUMP, t->end);
    label_bind(fg, next);
}

// try do ... rescue ... catch ... else ... end (no after), given its keyword list [kw].
static void try_handlers(FnGen *fg, const AstNode *kw, uint32_t line, uint32_t dst)
{
    uint32_t mark = fg->top;
    TryCtx t = {reg_alloc_n(fg, 3), dst, label_new(fg)};
    uint32_t handler = label_new(fg);
    emit2(fg, OP_TRY, t.d, handler);
    uint32_t scope = scope_enter(fg);
    expr_compile_body(fg, cg_kw_get(kw, "do"), dst, false);
    scope_leave(fg, scope, t.d + 3);
    emit0(fg, OP_TRY_END);
    const AstNode *else_clauses = cg_kw_get(kw, "else");
    if (else_clauses) {
        uint32_t v = reg_alloc(fg);
        emit2(fg, OP_MOVE, v, dst);
        control_clauses(fg, else_clauses, v, dst, false, t.end);
        fg->line = line;
        emit2(fg, OP_RAISE_ERROR, CG_ERR_TRY_CLAUSE, v);
    } else {
        emit1(fg, OP_JUMP, t.end);
    }
    label_bind(fg, handler);
    static const char *const kinds[] = {"rescue", "catch"};
    for (int k = 0; k < 2; k++) {
        const AstNode *clauses = cg_kw_get(kw, kinds[k]);
        for (uint32_t i = 0; i < clause_count(clauses); i++) {
            handler_clause(fg, &t, clause_at(clauses, i), k == 0);
        }
    }
    fg->line = line;
    emit1(fg, OP_RERAISE, t.d);
    label_bind(fg, t.end);
    reg_free_to(fg, mark);
}

// try with an after block: the whole try runs under one more handler, so the after block
// runs once on every path (normal, rescued, re-raised, raised from a rescue or else clause).
void control_try(FnGen *fg, const AstNode *kw, uint32_t line, uint32_t dst)
{
    const AstNode *after = cg_kw_get(kw, "after");
    bool has_handlers = cg_kw_get(kw, "rescue") || cg_kw_get(kw, "catch") ||
                        cg_kw_get(kw, "else");
    if (!after) {
        try_handlers(fg, kw, line, dst);
        return;
    }
    uint32_t mark = fg->top;
    uint32_t d = reg_alloc_n(fg, 3);
    uint32_t handler = label_new(fg);
    uint32_t end = label_new(fg);
    emit2(fg, OP_TRY, d, handler);
    if (has_handlers) {
        try_handlers(fg, kw, line, dst);
    } else {
        uint32_t scope = scope_enter(fg);
        expr_compile_body(fg, cg_kw_get(kw, "do"), dst, false);
        scope_leave(fg, scope, d + 3);
    }
    emit0(fg, OP_TRY_END);
    emit_effect_scoped(fg, after);
    emit1(fg, OP_JUMP, end);
    label_bind(fg, handler);
    emit_effect_scoped(fg, after);
    fg->line = line;
    emit1(fg, OP_RERAISE, d);
    label_bind(fg, end);
    reg_free_to(fg, mark);
}
