// Pattern compilation: one pattern against one register becomes a sequence of TEST_* (jump to
// the fail label when the test fails) and GET_*/MAP_GET destructuring instructions. Variables
// bind to the register that holds their part of the value (no copy); a variable repeated in
// the same pattern becomes an equality test, `^x` compares with the existing binding.
#include "codegen.h"

#include <stdlib.h>
#include <string.h>

void pattern_begin(FnGen *fg)
{
    fg->pattern_base = fg->var_len;
}

void pattern_split_when(const AstNode *params, const AstNode *const **pats, uint32_t *pat_len,
                        const AstNode **guard)
{
    *guard = NULL;
    *pats = (const AstNode *const *)params->kids;
    *pat_len = params->nkids;
    if (params->nkids == 1 && ast_is_named(params->kids[0], AST_CALL, "when") &&
        params->kids[0]->nkids >= 2) {
        const AstNode *w = params->kids[0];
        *pats = (const AstNode *const *)w->kids;
        *pat_len = w->nkids - 1;
        *guard = w->kids[w->nkids - 1];
    }
}

static void match_var(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    const char *name = pat->text;
    if (scope_is_ignored(name)) {
        return;
    }
    for (uint32_t i = fg->var_len; i-- > fg->pattern_base;) {
        if (strcmp(fg->vars[i].name, name) == 0) {
            emit3(fg, OP_TEST_EQ, src, fg->vars[i].reg, fail);
            return;
        }
    }
    scope_bind(fg, name, src);
}

static void match_pin(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    const AstNode *v = pat->nkids == 1 ? pat->kids[0] : NULL;
    uint32_t reg = (v && v->kind == AST_VAR) ? scope_lookup(fg, v->text) : UINT32_MAX;
    if (reg == UINT32_MAX) {
        cg_error(fg->mg->cg, pat->line,
                 "undefined variable ^%s. No variable \"%s\" has been defined before the "
                 "current pattern", v ? v->text : "", v ? v->text : "");
        return;
    }
    emit3(fg, OP_TEST_EQ, src, reg, fail);
}

static void match_list(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    uint32_t cur = src;
    for (uint32_t i = 0; i < pat->nkids; i++) {
        const AstNode *el = pat->kids[i];
        bool is_tail = i + 1 == pat->nkids && ast_is_named(el, AST_CALL, "|") && el->nkids == 2;
        const AstNode *head = is_tail ? el->kids[0] : el;
        emit2(fg, OP_TEST_CONS, cur, fail);
        uint32_t h = reg_alloc(fg);
        uint32_t t = reg_alloc(fg);
        emit2(fg, OP_GET_HD, h, cur);
        emit2(fg, OP_GET_TL, t, cur);
        pattern_match(fg, head, h, fail);
        cur = t;
        if (is_tail) {
            pattern_match(fg, el->kids[1], t, fail);
            return;
        }
    }
    emit2(fg, OP_TEST_NIL, cur, fail);
}

static void match_tuple(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    emit3(fg, OP_TEST_TUPLE, src, pat->nkids, fail);
    for (uint32_t i = 0; i < pat->nkids; i++) {
        const AstNode *el = pat->kids[i];
        if (el->kind == AST_VAR && scope_is_ignored(el->text)) {
            continue;
        }
        uint32_t r = reg_alloc(fg);
        emit3(fg, OP_GET_ELEM, r, src, i);
        pattern_match(fg, el, r, fail);
    }
}

// Key of a map pattern: a literal, or a pinned variable.
static uint32_t map_key_reg(FnGen *fg, const AstNode *key)
{
    if (ast_is_named(key, AST_CALL, "^") && key->nkids == 1 && key->kids[0]->kind == AST_VAR) {
        uint32_t reg = scope_lookup(fg, key->kids[0]->text);
        if (reg != UINT32_MAX) {
            return reg;
        }
    }
    if (!expr_is_literal(fg, key)) {
        cg_error(fg->mg->cg, key->line, "cannot use variable or non-literal as a map key "
                 "inside a pattern");
        return 0;
    }
    uint32_t r = reg_alloc(fg);
    expr_compile(fg, key, r);
    return r;
}

static void match_map_pairs(FnGen *fg, const AstNode *pairs, uint32_t src, uint32_t fail)
{
    for (uint32_t i = 0; i < pairs->nkids; i++) {
        const AstNode *kv = pairs->kids[i];
        if (kv->kind != AST_TUPLE || kv->nkids != 2) {
            cg_error(fg->mg->cg, kv->line, "invalid map pattern");
            return;
        }
        uint32_t k = map_key_reg(fg, kv->kids[0]);
        uint32_t v = reg_alloc(fg);
        emit4(fg, OP_MAP_GET, v, src, k, fail);
        pattern_match(fg, kv->kids[1], v, fail);
    }
}

// `%{k => v}` / `%{k: v}`: kids are the pairs (or one keyword list).
static void match_map(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    emit2(fg, OP_TEST_MAP, src, fail);
    for (uint32_t i = 0; i < pat->nkids; i++) {
        const AstNode *kid = pat->kids[i];
        if (kid->kind == AST_LIST) {
            match_map_pairs(fg, kid, src, fail);
        } else if (kid->kind == AST_TUPLE) {
            AstNode one = {.kind = AST_LIST, .kids = (AstNode **)&pat->kids[i], .nkids = 1};
            match_map_pairs(fg, &one, src, fail);
        } else {
            cg_error(fg->mg->cg, kid->line, "invalid map pattern");
        }
    }
}

static void match_struct(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    const AstNode *name = pat->kids[0];
    const AstNode *body = pat->kids[1];
    emit2(fg, OP_TEST_MAP, src, fail);
    uint32_t k = reg_alloc(fg);
    emit_load_atom(fg, k, "__struct__");
    uint32_t v = reg_alloc(fg);
    emit4(fg, OP_MAP_GET, v, src, k, fail);
    const char *mod = cg_struct_module(fg, name);
    if (mod) {
        emit3(fg, OP_TEST_ATOM, v, tab_atom(&fg->mg->tab, mod), fail);
    } else {
        pattern_match(fg, name, v, fail);
    }
    if (ast_is_named(body, AST_CALL, "%{}")) {
        match_map(fg, body, src, fail);
    }
}

// `"prefix" <> rest`
static void match_concat(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    const AstNode *left = pat->kids[0];
    if (left->kind != AST_STRING) {
        cg_error(fg->mg->cg, pat->line, "the left argument of <> in a pattern must be a "
                 "literal string");
        return;
    }
    ByteBuf b = {0};
    buf_u8(&b, EMB_LIT_BINARY);
    buf_u32(&b, (uint32_t)left->text_len);
    buf_put(&b, left->text, left->text_len);
    uint32_t k = tab_literal(&fg->mg->tab, b.data, b.len);
    free(b.data);
    uint32_t rest = reg_alloc(fg);
    emit4(fg, OP_BIN_PREFIX, rest, src, k, fail);
    pattern_match(fg, pat->kids[1], rest, fail);
}

static void match_literal(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    if (pat->kind == AST_INT && pat->ival >= INT32_MIN && pat->ival <= INT32_MAX) {
        emit3(fg, OP_TEST_INT, src, pat->ival, fail);
        return;
    }
    if (pat->kind == AST_ATOM) {
        emit3(fg, OP_TEST_ATOM, src, tab_atom(&fg->mg->tab, pat->text), fail);
        return;
    }
    if (pat->kind == AST_LIST && pat->nkids == 0) {
        emit2(fg, OP_TEST_NIL, src, fail);
        return;
    }
    uint32_t r = reg_alloc(fg);
    expr_compile(fg, pat, r);
    emit3(fg, OP_TEST_EQ, src, r, fail);
}

// first..last and first..last//step against a %Range{} map.
static void match_range(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    static const char *const keys[] = {"first", "last", "step"};
    emit2(fg, OP_TEST_MAP, src, fail);
    uint32_t k = reg_alloc(fg);
    uint32_t v = reg_alloc(fg);
    emit_load_atom(fg, k, "__struct__");
    emit4(fg, OP_MAP_GET, v, src, k, fail);
    emit3(fg, OP_TEST_ATOM, v, tab_atom(&fg->mg->tab, "Elixir.Range"), fail);
    for (uint32_t i = 0; i < pat->nkids && i < 3; i++) {
        uint32_t key = reg_alloc(fg);
        uint32_t val = reg_alloc(fg);
        emit_load_atom(fg, key, keys[i]);
        emit4(fg, OP_MAP_GET, val, src, key, fail);
        pattern_match(fg, pat->kids[i], val, fail);
    }
}

static bool match_call(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    const char *op = pat->text;
    if (strcmp(op, "=") == 0 && pat->nkids == 2) {
        pattern_match(fg, pat->kids[0], src, fail);
        pattern_match(fg, pat->kids[1], src, fail);
    } else if (strcmp(op, "^") == 0) {
        match_pin(fg, pat, src, fail);
    } else if (strcmp(op, "%{}") == 0) {
        match_map(fg, pat, src, fail);
    } else if (strncmp(op, "sigil_", 6) == 0 && strchr("DTNU", op[6]) && op[7] == '\0' &&
               pat->nkids == 2 && ast_is_named(pat->kids[0], AST_CALL, "<<>>") &&
               pat->kids[0]->nkids == 1 && pat->kids[0]->kids[0]->kind == AST_STRING) {
        const AstNode *text = pat->kids[0]->kids[0]; // ~D[...]: the struct literal's map
        AstNode *map = sigil_calendar_expand(fg->mg->cg, pat, text->text, text->text_len);
        if (map != NULL) {
            match_map(fg, map, src, fail);
        }
    } else if (strcmp(op, "%") == 0 && pat->nkids == 2) {
        match_struct(fg, pat, src, fail);
    } else if (strcmp(op, "<<>>") == 0) {
        binary_match(fg, pat, src, fail);
    } else if (strcmp(op, "<>") == 0 && pat->nkids == 2) {
        match_concat(fg, pat, src, fail);
    } else if ((strcmp(op, "..") == 0 && pat->nkids == 2) ||
               (strcmp(op, "..//") == 0 && pat->nkids == 3)) {
        match_range(fg, pat, src, fail);
    } else {
        return false;
    }
    return true;
}

// Map patterns match subsets of keys, so a literal holding a map is not matched exactly.
static bool has_map(const AstNode *n)
{
    if (ast_is_named(n, AST_CALL, "%{}")) {
        return true;
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        if (has_map(n->kids[i])) {
            return true;
        }
    }
    return false;
}

static bool is_exact_literal(FnGen *fg, const AstNode *n)
{
    return expr_is_literal(fg, n) && !has_map(n);
}

void pattern_match(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    if (fg->mg->cg->failed) {
        return;
    }
    fg->line = pat->line ? pat->line : fg->line;
    switch (pat->kind) {
    case AST_VAR:
        match_var(fg, pat, src, fail);
        return;
    case AST_LIST:
        if (pat->nkids > 0 && !is_exact_literal(fg, pat)) {
            match_list(fg, pat, src, fail);
            return;
        }
        break;
    case AST_TUPLE:
        if (!is_exact_literal(fg, pat)) {
            match_tuple(fg, pat, src, fail);
            return;
        }
        break;
    case AST_CALL:
        if (!is_exact_literal(fg, pat)) {
            if (!match_call(fg, pat, src, fail)) {
                cg_error(fg->mg->cg, pat->line, "cannot invoke remote function %s/%u inside "
                         "a match", pat->text, pat->nkids);
            }
            return;
        }
        break;
    case AST_REMOTE:
    case AST_DOT_CALL:
        cg_error(fg->mg->cg, pat->line, "cannot invoke remote function inside a match");
        return;
    default:
        break;
    }
    match_literal(fg, pat, src, fail);
}
