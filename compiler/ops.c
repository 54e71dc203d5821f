// Operators and data forms: arithmetic and comparison opcodes, boolean operators (and/or with
// BADBOOL, &&/|| on truthiness), `<>` and interpolation (BIN_CONCAT), `=` matches, maps and
// structs, ranges, `in`, module attributes, sigils, is_nil, match?, alias. None of these is a
// call, so none is ever compiled as a tail call.
#include "codegen.h"

#include <stdlib.h>
#include <string.h>

typedef struct BinOp {
    const char *name;
    Opcode op;
} BinOp;

static const BinOp binops[] = {
    {"+", OP_ADD},      {"-", OP_SUB},       {"*", OP_MUL}, {"/", OP_FDIV},
    {"==", OP_EQ},      {"!=", OP_NE},       {"===", OP_EXACT_EQ},
    {"!==", OP_EXACT_NE}, {"<", OP_LT},      {"<=", OP_LE}, {">", OP_GT}, {">=", OP_GE},
};

typedef struct DataForm {
    const char *name;
    int arity; // -1: any
} DataForm;

static const DataForm data_forms[] = {
    {"=", 2},        {"and", 2},     {"or", 2},       {"&&", 2},      {"||", 2},
    {"!", 1},        {"not", 1},     {"<>", 2},       {"<<>>", -1},   {"%{}", -1},
    {"%", 2},        {"..", 2},      {"..//", 3},     {"in", 2},      {"@", 1},
    {"is_nil", 1},   {"match?", 2},  {"sigil_s", 2},  {"sigil_S", 2}, {"sigil_c", 2},
    {"sigil_C", 2},  {"sigil_w", 2}, {"sigil_W", 2},  {"alias", -1},  {"import", -1},
    {"require", -1}, {"{}", -1},    {"sigil_D", 2},  {"sigil_T", 2}, {"sigil_N", 2},
    {"sigil_U", 2},  {"sigil_r", 2}, {"sigil_R", 2},
};

static bool is_binop(const AstNode *n, Opcode *op)
{
    if (n->nkids != 2) {
        return false;
    }
    for (size_t i = 0; i < sizeof binops / sizeof binops[0]; i++) {
        if (strcmp(binops[i].name, n->text) == 0) {
            *op = binops[i].op;
            return true;
        }
    }
    return false;
}

bool ops_is_form(FnGen *fg, const AstNode *n)
{
    (void)fg;
    Opcode op;
    if (is_binop(n, &op)) {
        return true;
    }
    if (n->nkids == 1 && (strcmp(n->text, "-") == 0 || strcmp(n->text, "+") == 0)) {
        return true;
    }
    for (size_t i = 0; i < sizeof data_forms / sizeof data_forms[0]; i++) {
        if (strcmp(data_forms[i].name, n->text) == 0 &&
            (data_forms[i].arity < 0 || (uint32_t)data_forms[i].arity == n->nkids)) {
            return true;
        }
    }
    return false;
}

// ==== Matches ====

void ops_match(FnGen *fg, const AstNode *n, uint32_t dst, bool want_value)
{
    const AstNode *pat = n->kids[0];
    const AstNode *rhs = n->kids[1];
    uint32_t line = n->line;
    if (pat->kind == AST_VAR && !scope_is_ignored(pat->text)) {
        uint32_t old = !want_value && fg->allow_reuse ? scope_reusable(fg, pat->text)
                                                      : UINT32_MAX;
        if (old != UINT32_MAX) {
            // Rebinding: the old value is unreachable by name, so its register is reused.
            uint32_t mark = fg->top;
            uint32_t t = reg_alloc(fg);
            expr_compile(fg, rhs, t);
            emit2(fg, OP_MOVE, old, t);
            reg_free_to(fg, mark);
            if (want_value) {
                emit2(fg, OP_MOVE, dst, old);
            }
            return;
        }
        uint32_t r = reg_alloc(fg);
        expr_compile(fg, rhs, r);
        pattern_begin(fg);
        scope_bind(fg, pat->text, r);
        if (want_value) {
            emit2(fg, OP_MOVE, dst, r);
        }
        return;
    }
    uint32_t v = expr_to_reg(fg, rhs);
    uint32_t fail = label_new(fg);
    uint32_t ok = label_new(fg);
    uint32_t fixups = fg->fixup_len;
    pattern_begin(fg);
    pattern_match(fg, pat, v, fail);
    if (fg->fixup_len != fixups) {
        emit1(fg, OP_JUMP, ok);
        label_bind(fg, fail);
        fg->line = line;
        emit2(fg, OP_RAISE_ERROR, CG_ERR_MATCH, v);
        label_bind(fg, ok);
    }
    if (want_value) {
        emit2(fg, OP_MOVE, dst, v);
    }
}

static void compile_match_p(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = scope_enter(fg);
    uint32_t reg_mark = fg->top;
    const AstNode *pat = n->kids[0];
    const AstNode *guard = NULL;
    if (ast_is_named(pat, AST_CALL, "when") && pat->nkids == 2) {
        guard = pat->kids[1];
        pat = pat->kids[0];
    }
    uint32_t v = expr_to_reg(fg, n->kids[1]);
    uint32_t fail = label_new(fg);
    uint32_t end = label_new(fg);
    pattern_begin(fg);
    pattern_match(fg, pat, v, fail);
    if (guard) {
        control_guard(fg, guard, fail);
    }
    emit_load_atom(fg, dst, "true");
    emit1(fg, OP_JUMP, end);
    label_bind(fg, fail);
    emit_load_atom(fg, dst, "false");
    label_bind(fg, end);
    scope_leave(fg, mark, reg_mark);
}

// ==== Booleans ====

static void compile_bool(FnGen *fg, const AstNode *n, uint32_t dst)
{
    const char *op = n->text;
    bool is_strict = strcmp(op, "and") == 0 || strcmp(op, "or") == 0;
    bool is_and = strcmp(op, "and") == 0 || strcmp(op, "&&") == 0;
    uint32_t end = label_new(fg);
    expr_compile(fg, n->kids[0], dst);
    if (is_strict) {
        fg->line = n->line;
        emit2(fg, OP_BADBOOL, dst, tab_atom(&fg->mg->tab, op));
    }
    emit2(fg, is_and ? OP_JUMP_IF_FALSY : OP_JUMP_IF_TRUTHY, dst, end);
    expr_compile(fg, n->kids[1], dst);
    label_bind(fg, end);
}

static void compile_unary(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    uint32_t v = expr_to_reg(fg, n->kids[0]);
    fg->line = n->line;
    if (strcmp(n->text, "not") == 0) {
        emit2(fg, OP_NOT, dst, v);
    } else if (strcmp(n->text, "-") == 0) {
        emit2(fg, OP_NEG, dst, v);
    } else if (strcmp(n->text, "+") == 0) {
        if (v != dst) {
            emit2(fg, OP_MOVE, dst, v);
        }
    } else {
        uint32_t is_falsy = label_new(fg);
        uint32_t end = label_new(fg);
        emit2(fg, OP_JUMP_IF_FALSY, v, is_falsy);
        emit_load_atom(fg, dst, "false");
        emit1(fg, OP_JUMP, end);
        label_bind(fg, is_falsy);
        emit_load_atom(fg, dst, "true");
        label_bind(fg, end);
    }
    reg_free_to(fg, mark);
}

// An integer literal small enough for an immediate operand (i), in *[out].
static bool small_literal(const AstNode *n, int64_t *out)
{
    if (n->kind != AST_INT || n->ival < -(INT64_C(1) << 30) || n->ival > (INT64_C(1) << 30)) {
        return false;
    }
    *out = n->ival;
    return true;
}

// The fused "jump unless" forms of the comparison opcodes, register and immediate versions.
static bool fused_compare(Opcode op, Opcode *reg_form, Opcode *imm_form)
{
    static const Opcode table[][3] = {
        {OP_EQ, OP_JUMP_UNLESS_EQ, OP_JUMP_UNLESS_EQ_INT},
        {OP_NE, OP_JUMP_UNLESS_NE, OP_JUMP_UNLESS_NE_INT},
        {OP_LT, OP_JUMP_UNLESS_LT, OP_JUMP_UNLESS_LT_INT},
        {OP_LE, OP_JUMP_UNLESS_LE, OP_JUMP_UNLESS_LE_INT},
        {OP_GT, OP_JUMP_UNLESS_GT, OP_JUMP_UNLESS_GT_INT},
        {OP_GE, OP_JUMP_UNLESS_GE, OP_JUMP_UNLESS_GE_INT},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i][0] == op) {
            *reg_form = table[i][1];
            *imm_form = table[i][2];
            return true;
        }
    }
    return false;
}

bool ops_compare_jump(FnGen *fg, const AstNode *cond, uint32_t fail)
{
    Opcode op;
    Opcode reg_form;
    Opcode imm_form;
    if (cond->kind != AST_CALL || !is_binop(cond, &op) || !fused_compare(op, &reg_form, &imm_form)) {
        return false;
    }
    uint32_t mark = fg->top;
    uint32_t a = expr_to_reg(fg, cond->kids[0]);
    int64_t imm;
    fg->line = cond->line;
    if (small_literal(cond->kids[1], &imm)) {
        emit3(fg, imm_form, a, imm, fail);
    } else {
        uint32_t b = expr_to_reg(fg, cond->kids[1]);
        emit3(fg, reg_form, a, b, fail);
    }
    reg_free_to(fg, mark);
    return true;
}

static void compile_binop(FnGen *fg, const AstNode *n, Opcode op, uint32_t dst)
{
    uint32_t mark = fg->top;
    int64_t imm;
    if ((op == OP_ADD || op == OP_SUB) && small_literal(n->kids[1], &imm)) {
        uint32_t r = expr_to_reg(fg, n->kids[0]);
        fg->line = n->line;
        emit3(fg, OP_ADD_INT, dst, r, op == OP_ADD ? imm : -imm);
        reg_free_to(fg, mark);
        return;
    }
    uint32_t a = expr_to_reg(fg, n->kids[0]);
    uint32_t b = expr_to_reg(fg, n->kids[1]);
    fg->line = n->line;
    emit3(fg, op, dst, a, b);
    reg_free_to(fg, mark);
}

static void compile_is_nil(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    uint32_t a = expr_to_reg(fg, n->kids[0]);
    uint32_t b = reg_alloc(fg);
    emit_load_atom(fg, b, "nil");
    emit3(fg, OP_EXACT_EQ, dst, a, b);
    reg_free_to(fg, mark);
}

// ==== Binaries ====

static uint32_t count_concat(const AstNode *n)
{
    if (ast_is_named(n, AST_CALL, "<>") && n->nkids == 2) {
        return count_concat(n->kids[0]) + count_concat(n->kids[1]);
    }
    return 1;
}

static void fill_concat(FnGen *fg, const AstNode *n, uint32_t *next)
{
    if (ast_is_named(n, AST_CALL, "<>") && n->nkids == 2) {
        fill_concat(fg, n->kids[0], next);
        fill_concat(fg, n->kids[1], next);
        return;
    }
    expr_compile(fg, n, (*next)++);
}

static void compile_concat(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    uint32_t count = count_concat(n);
    uint32_t base = reg_alloc_n(fg, count);
    uint32_t next = base;
    fill_concat(fg, n, &next);
    fg->line = n->line;
    emit3(fg, OP_BIN_CONCAT, dst, base, count);
    reg_free_to(fg, mark);
}

static void compile_sigil(FnGen *fg, const AstNode *n, uint32_t dst)
{
    const AstNode *body = n->kids[0];
    char kind = n->text[6];
    if (kind == 's' || kind == 'S') {
        expr_compile(fg, body, dst);
        return;
    }
    if (kind == 'r' || kind == 'R') {
        sigil_regex_compile(fg, n, dst);
        return;
    }
    if (ast_is_named(body, AST_CALL, "<<>>") && body->nkids <= 1 &&
        (body->nkids == 0 || body->kids[0]->kind == AST_STRING)) {
        if (strchr("DTNU", kind) != NULL) { // calendar structs, built at compile time
            const AstNode *s = body->nkids ? body->kids[0] : NULL;
            AstNode *map = sigil_calendar_expand(fg->mg->cg, n, s ? s->text : "",
                                                 s ? s->text_len : 0);
            if (map != NULL) {
                expr_compile(fg, map, dst);
            }
            return;
        }
        if (kind == 'c' || kind == 'C') {
            AstNode cl = {.kind = AST_CHARLIST, .line = n->line, .text = "", .text_len = 0};
            if (body->nkids) {
                cl.text = body->kids[0]->text;
                cl.text_len = body->kids[0]->text_len;
            }
            literal_load(fg, &cl, dst);
            return;
        }
        AstNode w = *n;
        w.text = "sigil_w";
        literal_load(fg, &w, dst);
        return;
    }
    if (kind == 'c') {
        const AstNode *args[1] = {body};
        expr_call_ext(fg, "Elixir.String", "to_charlist", args, 1, dst, false);
        return;
    }
    cg_error(fg->mg->cg, n->line, "interpolation in ~%c sigils is not supported by Ember yet",
             kind);
}

// ==== Maps, structs, ranges ====

// Pairs of a map body: kids that are {k, v} tuples or keyword lists. Returns the count and
// fills [out] (NULL to count only).
static uint32_t map_pairs(const AstNode *const *kids, uint32_t nkids, const AstNode **out)
{
    uint32_t count = 0;
    for (uint32_t i = 0; i < nkids; i++) {
        const AstNode *kid = kids[i];
        uint32_t len = kid->kind == AST_LIST ? kid->nkids : 1;
        for (uint32_t p = 0; p < len; p++) {
            if (out) {
                out[count] = kid->kind == AST_LIST ? kid->kids[p] : kid;
            }
            count++;
        }
    }
    return count;
}

static void emit_pairs(FnGen *fg, const AstNode **pairs, uint32_t count, uint32_t base)
{
    for (uint32_t i = 0; i < count; i++) {
        const AstNode *kv = pairs[i];
        if (kv->kind != AST_TUPLE || kv->nkids != 2) {
            cg_error(fg->mg->cg, kv->line, "invalid map entry");
            return;
        }
        expr_compile(fg, kv->kids[0], base + 2 * i);
        expr_compile(fg, kv->kids[1], base + 2 * i + 1);
    }
}

// %{a => 1}, %{a: 1} and %{m | a: 1}.
static void compile_map(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    const AstNode *const *kids = (const AstNode *const *)n->kids;
    uint32_t nkids = n->nkids;
    uint32_t update = UINT32_MAX;
    if (nkids == 1 && ast_is_named(kids[0], AST_CALL, "|") && kids[0]->nkids == 2) {
        update = expr_to_reg(fg, kids[0]->kids[0]);
        kids = (const AstNode *const *)&kids[0]->kids[1];
        nkids = 1;
    }
    uint32_t count = map_pairs(kids, nkids, NULL);
    const AstNode **pairs = arena_alloc(fg->mg->cg->arena, (count + 1) * sizeof *pairs);
    map_pairs(kids, nkids, pairs);
    uint32_t base = reg_alloc_n(fg, 2 * count);
    emit_pairs(fg, pairs, count, base);
    fg->line = n->line;
    if (update != UINT32_MAX) {
        emit4(fg, OP_MAP_UPDATE, dst, update, count ? base : 0, count);
    } else {
        emit3(fg, OP_MAKE_MAP, dst, count ? base : 0, count);
    }
    reg_free_to(fg, mark);
}

// Default value node of field [name] in a defstruct argument, or NULL if no such field;
// [*found] tells whether the field exists.
static const AstNode *struct_default(const AstNode *fields, const char *name, bool *found)
{
    *found = false;
    for (uint32_t i = 0; fields && i < fields->nkids; i++) {
        const AstNode *f = fields->kids[i];
        if (f->kind == AST_ATOM && strcmp(f->text, name) == 0) {
            *found = true;
            return NULL;
        }
        if (f->kind == AST_TUPLE && f->nkids == 2 && f->kids[0]->kind == AST_ATOM &&
            strcmp(f->kids[0]->text, name) == 0) {
            *found = true;
            return f->kids[1];
        }
    }
    return NULL;
}

// @enforce_keys: every enforced key of [sd] must be among [pairs] of a literal %S{...}; else
// the ArgumentError Elixir raises while expanding the struct (reported when the module that
// builds it is compiled). Returns false after recording that error.
static bool struct_enforced(FnGen *fg, const AstNode *n, const StructDef *sd,
                            const AstNode **pairs, uint32_t count)
{
    char missing[1024];
    size_t len = 0;
    const char *p = sd->enforce + 1; // "[:a, :b]"
    while (*p == ':') {
        const char *name = ++p;
        while (*p && *p != ',' && *p != ']') {
            p++;
        }
        size_t name_len = (size_t)(p - name);
        bool given = false;
        for (uint32_t i = 0; i < count; i++) {
            const AstNode *key = pairs[i]->kind == AST_TUPLE ? pairs[i]->kids[0] : NULL;
            if (key && key->kind == AST_ATOM && strlen(key->text) == name_len &&
                strncmp(key->text, name, name_len) == 0) {
                given = true;
            }
        }
        if (!given && len + name_len + 4 < sizeof missing) {
            len += (size_t)snprintf(missing + len, sizeof missing - len, "%s:%.*s",
                                    len ? ", " : "", (int)name_len, name);
        }
        while (*p == ',' || *p == ' ') {
            p++;
        }
    }
    if (len == 0) {
        return true;
    }
    bool had_error = fg->mg->cg->failed;
    uint32_t line = n->kids[0]->line ? n->kids[0]->line : n->line; // the struct name's line
    cg_error(fg->mg->cg, line,
             "the following keys must also be given when building struct %s: [%s]",
             sd->module + 7, missing);
    if (!had_error) {
        snprintf(fg->mg->cg->diag->kind, sizeof fg->mg->cg->diag->kind, "ArgumentError");
    }
    return false;
}

static void compile_struct_known(FnGen *fg, const AstNode *n, const StructDef *sd,
                                 const AstNode **pairs, uint32_t count, uint32_t dst)
{
    const AstNode *fields = sd->fields;
    for (uint32_t i = 0; i < count; i++) {
        bool found = false;
        const AstNode *key = pairs[i]->kind == AST_TUPLE ? pairs[i]->kids[0] : NULL;
        if (key && key->kind == AST_ATOM) {
            struct_default(fields, key->text, &found);
        }
        if (!found) {
            cg_error(fg->mg->cg, n->line, "unknown key %s%s for struct %s",
                     key && key->kind == AST_ATOM ? ":" : "",
                     key && key->kind == AST_ATOM ? key->text : "?", sd->module + 7);
            return;
        }
    }
    if (sd->enforce && !struct_enforced(fg, n, sd, pairs, count)) {
        return;
    }
    uint32_t nfields = fields ? fields->nkids : 0;
    uint32_t base = reg_alloc_n(fg, 2 * (nfields + 1));
    emit_load_atom(fg, base, "__struct__");
    emit_load_atom(fg, base + 1, sd->module);
    for (uint32_t i = 0; i < nfields; i++) {
        const AstNode *f = fields->kids[i];
        const AstNode *name = f->kind == AST_TUPLE ? f->kids[0] : f;
        const AstNode *value = f->kind == AST_TUPLE ? f->kids[1] : NULL;
        for (uint32_t p = 0; p < count; p++) {
            if (strcmp(pairs[p]->kids[0]->text, name->text) == 0) {
                value = pairs[p]->kids[1];
            }
        }
        expr_compile(fg, name, base + 2 * (i + 1));
        expr_compile_body(fg, value, base + 2 * (i + 1) + 1, false);
    }
    fg->line = n->line;
    emit3(fg, OP_MAKE_MAP, dst, base, nfields + 1);
}

static void compile_struct(FnGen *fg, const AstNode *n, uint32_t dst)
{
    const AstNode *name = n->kids[0];
    const AstNode *body = n->kids[1];
    const char *mod = cg_struct_module(fg, name);
    if (!mod || !ast_is_named(body, AST_CALL, "%{}")) {
        cg_error(fg->mg->cg, n->line, "unsupported struct expression");
        return;
    }
    if (body->nkids == 1 && ast_is_named(body->kids[0], AST_CALL, "|")) {
        compile_map(fg, body, dst);
        return;
    }
    uint32_t mark = fg->top;
    uint32_t count = map_pairs((const AstNode *const *)body->kids, body->nkids, NULL);
    const AstNode **pairs = arena_alloc(fg->mg->cg->arena, (count + 1) * sizeof *pairs);
    map_pairs((const AstNode *const *)body->kids, body->nkids, pairs);
    const StructDef *sd = cg_find_struct(fg->mg->cg, mod);
    if (sd) {
        compile_struct_known(fg, n, sd, pairs, count, dst);
    } else {
        AstNode *kw = cg_node(fg->mg->cg, AST_LIST, n->line, NULL);
        for (uint32_t i = 0; i < count; i++) {
            ast_push(fg->mg->cg->arena, kw, (AstNode *)pairs[i]);
        }
        const AstNode *args[1] = {kw};
        expr_call_ext(fg, mod, "__struct__", args, 1, dst, false);
    }
    reg_free_to(fg, mark);
}

// first..last (step 1 or -1 by comparison) and first..last//step, as %Range{} maps.
static void compile_range(FnGen *fg, const AstNode *n, uint32_t dst)
{
    uint32_t mark = fg->top;
    uint32_t base = reg_alloc_n(fg, 8);
    emit_load_atom(fg, base, "__struct__");
    emit_load_atom(fg, base + 1, "Elixir.Range");
    emit_load_atom(fg, base + 2, "first");
    expr_compile(fg, n->kids[0], base + 3);
    emit_load_atom(fg, base + 4, "last");
    expr_compile(fg, n->kids[1], base + 5);
    emit_load_atom(fg, base + 6, "step");
    if (n->nkids == 3) {
        expr_compile(fg, n->kids[2], base + 7);
    } else {
        uint32_t down = label_new(fg);
        uint32_t end = label_new(fg);
        emit3(fg, OP_LE, base + 7, base + 3, base + 5);
        emit2(fg, OP_JUMP_IF_FALSY, base + 7, down);
        emit2(fg, OP_LOAD_INT, base + 7, 1);
        emit1(fg, OP_JUMP, end);
        label_bind(fg, down);
        emit2(fg, OP_LOAD_INT, base + 7, -1);
        label_bind(fg, end);
    }
    fg->line = n->line;
    emit3(fg, OP_MAKE_MAP, dst, base, 4);
    reg_free_to(fg, mark);
}

// x in [a, b]: exact comparisons; x in lo..hi with literal bounds: integer range test;
// anything else: Enum.member?/2.
static void compile_in(FnGen *fg, const AstNode *n, uint32_t dst)
{
    const AstNode *rhs = n->kids[1];
    uint32_t mark = fg->top;
    if (rhs->kind == AST_LIST && expr_is_literal(fg, rhs)) {
        uint32_t x = expr_to_reg(fg, n->kids[0]);
        uint32_t t = reg_alloc(fg);
        uint32_t end = label_new(fg);
        emit_load_atom(fg, dst, "false");
        for (uint32_t i = 0; i < rhs->nkids; i++) {
            expr_compile(fg, rhs->kids[i], t);
            emit3(fg, OP_EXACT_EQ, dst, x, t);
            emit2(fg, OP_JUMP_IF_TRUTHY, dst, end);
        }
        label_bind(fg, end);
        reg_free_to(fg, mark);
        return;
    }
    const AstNode *args[2] = {rhs, n->kids[0]};
    expr_call_ext(fg, "Elixir.Enum", "member?", args, 2, dst, false);
}

static void compile_attr(FnGen *fg, const AstNode *n, uint32_t dst)
{
    const AstNode *a = n->kids[0];
    if (a->kind == AST_CALL) {
        cg_error(fg->mg->cg, n->line, "cannot set module attribute @%s inside a function",
                 a->text);
        return;
    }
    ModGen *mg = fg->mg;
    for (uint32_t i = mg->attr_len; i-- > 0;) {
        if (a->kind == AST_VAR && strcmp(mg->attrs[i].name, a->text) == 0) {
            expr_compile(fg, mg->attrs[i].node, dst);
            return;
        }
    }
    emit_load_atom(fg, dst, "nil");
}

// alias Foo.Bar [, as: Baz], import and require: compile-time directives whose value is the
// module.
static void compile_alias(FnGen *fg, const AstNode *n, uint32_t dst)
{
    const AstNode *target = n->nkids ? n->kids[0] : NULL;
    if (!target || target->kind != AST_ALIAS) {
        emit_load_atom(fg, dst, "nil");
        return;
    }
    const char *full = cg_alias_text(fg->mg, target);
    cg_apply_directive(fg->mg, n);
    emit_load_atom(fg, dst, full);
}

void ops_form(FnGen *fg, const AstNode *n, uint32_t dst, bool tail)
{
    (void)tail;
    const char *op = n->text;
    Opcode bin;
    if (is_binop(n, &bin)) {
        compile_binop(fg, n, bin, dst);
    } else if (strcmp(op, "=") == 0) {
        ops_match(fg, n, dst, true);
    } else if (!strcmp(op, "and") || !strcmp(op, "or") || !strcmp(op, "&&") ||
               !strcmp(op, "||")) {
        compile_bool(fg, n, dst);
    } else if (!strcmp(op, "!") || !strcmp(op, "not") || !strcmp(op, "-") || !strcmp(op, "+")) {
        compile_unary(fg, n, dst);
    } else if (strcmp(op, "<>") == 0) {
        compile_concat(fg, n, dst);
    } else if (strcmp(op, "<<>>") == 0) { // also "a#{x}b": <<"a", to_string(x)::binary, "b">>
        binary_construct(fg, n, dst);
    } else if (strcmp(op, "%{}") == 0) {
        compile_map(fg, n, dst);
    } else if (strcmp(op, "%") == 0) {
        compile_struct(fg, n, dst);
    } else if (strcmp(op, "..") == 0 || strcmp(op, "..//") == 0) {
        compile_range(fg, n, dst);
    } else if (strcmp(op, "in") == 0) {
        compile_in(fg, n, dst);
    } else if (strcmp(op, "@") == 0) {
        compile_attr(fg, n, dst);
    } else if (strcmp(op, "is_nil") == 0) {
        compile_is_nil(fg, n, dst);
    } else if (strcmp(op, "match?") == 0) {
        compile_match_p(fg, n, dst);
    } else if (strncmp(op, "sigil_", 6) == 0) {
        compile_sigil(fg, n, dst);
    } else if (strcmp(op, "{}") == 0) {
        AstNode t = *n;
        t.kind = AST_TUPLE;
        expr_compile(fg, &t, dst);
    } else {
        compile_alias(fg, n, dst);
    }
}
