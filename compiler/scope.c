// Variables and registers of the function being compiled: a stack of (name, register)
// bindings searched from the newest, and the stack-like register allocator described in
// codegen.h. A rebinding pushes a new entry, so older closures and aliases keep their value.
// Lambdas find their free variables here (scope_free_vars) before their body is compiled.
#include "codegen.h"

#include <string.h>

// Lowest register that may be freed: above every visible variable.
static uint32_t var_floor(const FnGen *fg)
{
    uint32_t floor = 0;
    for (uint32_t i = 0; i < fg->var_len; i++) {
        if (fg->vars[i].reg + 1 > floor) {
            floor = fg->vars[i].reg + 1;
        }
    }
    return floor;
}

uint32_t reg_alloc(FnGen *fg)
{
    return reg_alloc_n(fg, 1);
}

uint32_t reg_alloc_n(FnGen *fg, uint32_t count)
{
    uint32_t first = fg->top;
    if (first + count > REG_LIMIT) {
        cg_error(fg->mg->cg, fg->line, "function too complex: more than %d registers",
                 REG_LIMIT);
        fg->top = 0; // keep going harmlessly; the output is discarded
        return 0;
    }
    fg->top += count;
    if (fg->top > fg->max_reg) {
        fg->max_reg = fg->top;
    }
    return first;
}

void reg_free_to(FnGen *fg, uint32_t mark)
{
    uint32_t floor = var_floor(fg);
    fg->top = mark > floor ? mark : floor;
}

uint32_t scope_lookup(FnGen *fg, const char *name)
{
    for (uint32_t i = fg->var_len; i-- > 0;) {
        if (strcmp(fg->vars[i].name, name) == 0) {
            return fg->vars[i].reg;
        }
    }
    return UINT32_MAX;
}

void scope_bind(FnGen *fg, const char *name, uint32_t reg)
{
    cg_grow((void **)&fg->vars, &fg->var_cap, fg->var_len + 1, sizeof(Var));
    fg->vars[fg->var_len++] = (Var){name, reg};
    if (reg + 1 > fg->top) {
        fg->top = reg + 1;
    }
}

uint32_t scope_enter(FnGen *fg)
{
    if (fg->scope_depth < SCOPE_DEPTH_MAX) {
        fg->scope_bases[fg->scope_depth] = fg->var_len;
    }
    fg->scope_depth++;
    return fg->var_len;
}

void scope_leave(FnGen *fg, uint32_t mark, uint32_t reg_mark)
{
    if (mark < fg->var_len) {
        fg->var_len = mark;
    }
    if (fg->scope_depth > 0) {
        fg->scope_depth--;
    }
    reg_free_to(fg, reg_mark);
}

uint32_t scope_reusable(FnGen *fg, const char *name)
{
    if (fg->scope_depth > SCOPE_DEPTH_MAX) {
        return UINT32_MAX;
    }
    uint32_t base = fg->scope_depth ? fg->scope_bases[fg->scope_depth - 1] : 0;
    uint32_t found = UINT32_MAX;
    for (uint32_t i = fg->var_len; i-- > 0;) {
        if (strcmp(fg->vars[i].name, name) == 0) {
            found = i;
            break;
        }
    }
    if (found == UINT32_MAX || found < base) {
        return UINT32_MAX;
    }
    uint32_t reg = fg->vars[found].reg;
    for (uint32_t i = 0; i < fg->var_len; i++) {
        if (i != found && fg->vars[i].reg == reg) {
            return UINT32_MAX;
        }
    }
    return reg;
}

bool scope_is_ignored(const char *name)
{
    return name[0] == '_';
}

typedef struct NameSet {
    const char **names;
    uint32_t len;
    uint32_t max;
} NameSet;

static void collect(FnGen *fg, const AstNode *n, NameSet *set)
{
    if (!n) {
        return;
    }
    const char *name = NULL;
    if (n->kind == AST_VAR) {
        name = n->text;
    } else if (n->kind == AST_CALL && n->nkids == 1 && strcmp(n->text, "&") == 0 &&
               n->kids[0]->kind == AST_INT) {
        char buf[24];
        snprintf(buf, sizeof buf, "&%lld", (long long)n->kids[0]->ival);
        for (uint32_t i = fg->var_len; i-- > 0;) {
            if (strcmp(fg->vars[i].name, buf) == 0) {
                name = fg->vars[i].name;
                break;
            }
        }
    }
    if (name && scope_lookup(fg, name) != UINT32_MAX) {
        bool seen = false;
        for (uint32_t i = 0; i < set->len && !seen; i++) {
            seen = strcmp(set->names[i], name) == 0;
        }
        if (!seen && set->len < set->max) {
            set->names[set->len++] = name;
        }
    }
    collect(fg, n->target, set);
    for (uint32_t i = 0; i < n->nkids; i++) {
        collect(fg, n->kids[i], set);
    }
}

uint32_t scope_free_vars(FnGen *fg, const AstNode *n, const char **out, uint32_t max)
{
    NameSet set = {out, 0, max};
    collect(fg, n, &set);
    return set.len;
}
