// Compile-time literals: decides which expressions are constant data (numbers, atoms, strings,
// charlists, ~w sigils, and lists/tuples/maps made only of those) and encodes them in the
// literal format of vm/bytecode.h, so they are loaded with one LOAD_LIT and never rebuilt.
#include "codegen.h"

#include <stdlib.h>
#include <string.h>

static bool is_unary_number(const AstNode *n)
{
    return n->kind == AST_CALL && n->nkids == 1 && n->text &&
           (strcmp(n->text, "-") == 0 || strcmp(n->text, "+") == 0) &&
           (n->kids[0]->kind == AST_INT || n->kids[0]->kind == AST_FLOAT ||
            n->kids[0]->kind == AST_BIGINT);
}

static bool is_sigil_words(const AstNode *n)
{
    return n->kind == AST_CALL && n->nkids == 2 && strcmp(n->text, "sigil_w") == 0 &&
           ast_is_named(n->kids[0], AST_CALL, "<<>>") && n->kids[0]->nkids <= 1 &&
           (n->kids[0]->nkids == 0 || n->kids[0]->kids[0]->kind == AST_STRING) &&
           n->kids[1]->kind == AST_CHARLIST;
}

static const AstNode *attr_value(FnGen *fg, const AstNode *n)
{
    if (n->kind != AST_CALL || n->nkids != 1 || strcmp(n->text, "@") != 0 ||
        n->kids[0]->kind != AST_VAR) {
        return NULL;
    }
    ModGen *mg = fg->mg;
    for (uint32_t i = mg->attr_len; i-- > 0;) {
        if (strcmp(mg->attrs[i].name, n->kids[0]->text) == 0) {
            return mg->attrs[i].node;
        }
    }
    return NULL;
}

static bool is_literal_map(FnGen *fg, const AstNode *n)
{
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *kid = n->kids[i];
        if (kid->kind == AST_TUPLE && kid->nkids == 2) {
            if (!expr_is_literal(fg, kid)) {
                return false;
            }
        } else if (!(kid->kind == AST_LIST && cg_is_keyword(kid) && expr_is_literal(fg, kid))) {
            return false;
        }
    }
    return true;
}

bool expr_is_literal(FnGen *fg, const AstNode *n)
{
    switch (n->kind) {
    case AST_INT: case AST_BIGINT: case AST_FLOAT: case AST_ATOM: case AST_STRING:
    case AST_CHARLIST: case AST_ALIAS:
        return true;
    case AST_VAR:
        return strcmp(n->text, "__MODULE__") == 0 && scope_lookup(fg, n->text) == UINT32_MAX;
    case AST_LIST: case AST_TUPLE:
        for (uint32_t i = 0; i < n->nkids; i++) {
            const AstNode *k = n->kids[i];
            bool is_tail = n->kind == AST_LIST && i + 1 == n->nkids &&
                           ast_is_named(k, AST_CALL, "|") && k->nkids == 2;
            if (is_tail ? !(expr_is_literal(fg, k->kids[0]) && expr_is_literal(fg, k->kids[1]))
                        : !expr_is_literal(fg, k)) {
                return false;
            }
        }
        return true;
    case AST_CALL:
        if (is_unary_number(n) || is_sigil_words(n)) {
            return true;
        }
        if (strcmp(n->text, "%{}") == 0) {
            return is_literal_map(fg, n);
        }
        const AstNode *v = attr_value(fg, n);
        return v && expr_is_literal(fg, v);
    default:
        return false;
    }
}

static void put_i64(ByteBuf *b, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++) {
        buf_u8(b, (uint8_t)(u >> (8 * i)));
    }
}

static void put_number(ByteBuf *b, const AstNode *n, bool negative)
{
    if (n->kind == AST_INT) {
        buf_u8(b, EMB_LIT_INT);
        put_i64(b, negative ? -n->ival : n->ival);
    } else if (n->kind == AST_FLOAT) {
        double d = negative ? -n->fval : n->fval;
        uint8_t bytes[8];
        memcpy(bytes, &d, 8);
        buf_u8(b, EMB_LIT_FLOAT);
        buf_put(b, bytes, 8);
    } else {
        buf_u8(b, EMB_LIT_BIGINT);
        buf_u8(b, negative ? 1 : 0);
        buf_u32(b, (uint32_t)n->text_len);
        buf_put(b, n->text, n->text_len);
    }
}

// Decodes one UTF-8 code point at [*p] (bounded by [end]); invalid bytes pass through.
static uint32_t next_codepoint(const unsigned char **p, const unsigned char *end)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    if (extra && s + extra >= end) {
        extra = 0;
    }
    if (extra) {
        c &= 0x3fu >> extra;
        for (int i = 1; i <= extra; i++) {
            c = (c << 6) | (s[i] & 0x3fu);
        }
    }
    *p = s + 1 + extra;
    return c;
}

static void put_charlist(ByteBuf *b, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    const unsigned char *end = p + len;
    uint32_t count = 0;
    for (const unsigned char *q = p; q < end; count++) {
        next_codepoint(&q, end);
    }
    buf_u8(b, EMB_LIT_LIST);
    buf_u32(b, count);
    while (p < end) {
        buf_u8(b, EMB_LIT_INT);
        put_i64(b, next_codepoint(&p, end));
    }
    buf_u8(b, EMB_LIT_NIL);
}

static void put_binary(ByteBuf *b, const char *text, size_t len)
{
    buf_u8(b, EMB_LIT_BINARY);
    buf_u32(b, (uint32_t)len);
    buf_put(b, text, len);
}

static void put_atom(FnGen *fg, ByteBuf *b, const char *text)
{
    buf_u8(b, EMB_LIT_ATOM);
    buf_u32(b, tab_atom(&fg->mg->tab, text));
}

// ~w(a b c) with modifier s (default), a or c.
static void put_words(FnGen *fg, ByteBuf *b, const AstNode *n)
{
    const AstNode *str = n->kids[0]->nkids ? n->kids[0]->kids[0] : NULL;
    char mod = n->kids[1]->text_len ? n->kids[1]->text[n->kids[1]->text_len - 1] : 's';
    const char *s = str ? str->text : "";
    size_t len = str ? str->text_len : 0;
    uint32_t count = 0;
    ByteBuf items = {0};
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
            i++;
        }
        size_t start = i;
        while (i < len && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
            i++;
        }
        if (i == start) {
            continue;
        }
        count++;
        if (mod == 'a') {
            char *word = arena_strdup(fg->mg->cg->arena, s + start, i - start);
            put_atom(fg, &items, word);
        } else if (mod == 'c') {
            put_charlist(&items, s + start, i - start);
        } else {
            put_binary(&items, s + start, i - start);
        }
    }
    buf_u8(b, EMB_LIT_LIST);
    buf_u32(b, count);
    buf_put(b, items.data, items.len);
    buf_u8(b, EMB_LIT_NIL);
    free(items.data);
}

static void put_literal(FnGen *fg, ByteBuf *b, const AstNode *n);

static void put_list(FnGen *fg, ByteBuf *b, const AstNode *n)
{
    uint32_t count = n->nkids;
    const AstNode *tail = NULL;
    if (count > 0 && ast_is_named(n->kids[count - 1], AST_CALL, "|")) {
        tail = n->kids[count - 1];
    }
    buf_u8(b, EMB_LIT_LIST);
    buf_u32(b, count);
    for (uint32_t i = 0; i < count; i++) {
        put_literal(fg, b, tail && i + 1 == count ? tail->kids[0] : n->kids[i]);
    }
    if (tail) {
        put_literal(fg, b, tail->kids[1]);
    } else {
        buf_u8(b, EMB_LIT_NIL);
    }
}

static void put_map(FnGen *fg, ByteBuf *b, const AstNode *n)
{
    uint32_t count = 0;
    for (uint32_t i = 0; i < n->nkids; i++) {
        count += n->kids[i]->kind == AST_LIST ? n->kids[i]->nkids : 1;
    }
    buf_u8(b, EMB_LIT_MAP);
    buf_u32(b, count);
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *kid = n->kids[i];
        uint32_t pairs = kid->kind == AST_LIST ? kid->nkids : 1;
        for (uint32_t p = 0; p < pairs; p++) {
            const AstNode *kv = kid->kind == AST_LIST ? kid->kids[p] : kid;
            put_literal(fg, b, kv->kids[0]);
            put_literal(fg, b, kv->kids[1]);
        }
    }
}

static void put_literal(FnGen *fg, ByteBuf *b, const AstNode *n)
{
    switch (n->kind) {
    case AST_INT: case AST_FLOAT: case AST_BIGINT:
        put_number(b, n, false);
        return;
    case AST_ATOM:
        put_atom(fg, b, n->text);
        return;
    case AST_ALIAS:
        put_atom(fg, b, cg_alias_text(fg->mg, n));
        return;
    case AST_VAR: // __MODULE__: nil in a script, as at Elixir's top level
        put_atom(fg, b, fg->mg->is_script ? "nil" : fg->mg->name);
        return;
    case AST_STRING:
        put_binary(b, n->text, n->text_len);
        return;
    case AST_CHARLIST:
        put_charlist(b, n->text, n->text_len);
        return;
    case AST_LIST:
        put_list(fg, b, n);
        return;
    case AST_TUPLE:
        buf_u8(b, EMB_LIT_TUPLE);
        buf_u32(b, n->nkids);
        for (uint32_t i = 0; i < n->nkids; i++) {
            put_literal(fg, b, n->kids[i]);
        }
        return;
    default:
        break;
    }
    if (is_unary_number(n)) {
        put_number(b, n->kids[0], n->text[0] == '-');
    } else if (is_sigil_words(n)) {
        put_words(fg, b, n);
    } else if (strcmp(n->text, "%{}") == 0) {
        put_map(fg, b, n);
    } else {
        put_literal(fg, b, attr_value(fg, n));
    }
}

// Loads literal [n] into [dst], using the immediate forms where one fits.
void literal_load(FnGen *fg, const AstNode *n, uint32_t dst)
{
    if (n->kind == AST_INT) {
        emit_load_int(fg, dst, n->ival);
        return;
    }
    if (is_unary_number(n) && n->kids[0]->kind == AST_INT) {
        emit_load_int(fg, dst, n->text[0] == '-' ? -n->kids[0]->ival : n->kids[0]->ival);
        return;
    }
    if (n->kind == AST_ATOM) {
        emit_load_atom(fg, dst, n->text);
        return;
    }
    if (n->kind == AST_LIST && n->nkids == 0) {
        emit1(fg, OP_LOAD_NIL, dst);
        return;
    }
    ByteBuf b = {0};
    put_literal(fg, &b, n);
    emit2(fg, OP_LOAD_LIT, dst, tab_literal(&fg->mg->tab, b.data, b.len));
    free(b.data);
}
