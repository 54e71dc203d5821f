// AST -> term bytes: Code.string_to_quoted/2. The parsed tree is written as one term in the
// term-blob encoding of vm/bytecode.h (an atom table, then one EmbLiteralTag literal), with the
// metadata Elixir 1.14's parser gives each node: `[line: n]`, `column:` when asked for,
// `no_parens: true` on remote calls without parentheses and `delimiter:` on sigils. The VM
// decodes the bytes with the loader's literal decoder (loader_decode_term).
#include "compiler.h"

#include <stdlib.h>
#include <string.h>

#include "ast_term.h"
#include "codegen.h"

typedef struct TermWriter {
    ModTables atoms; // only its atom table is used
    ByteBuf lit;
    bool columns;
} TermWriter;

static void write_node(TermWriter *w, const AstNode *n, int depth);

static void put_i64(ByteBuf *b, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++) {
        buf_u8(b, (uint8_t)(u >> (8 * i)));
    }
}

static void w_atom(TermWriter *w, const char *text)
{
    buf_u8(&w->lit, EMB_LIT_ATOM);
    buf_u32(&w->lit, tab_atom(&w->atoms, text));
}

static void w_int(TermWriter *w, int64_t v)
{
    buf_u8(&w->lit, EMB_LIT_INT);
    put_i64(&w->lit, v);
}

static void w_binary(TermWriter *w, const char *text, size_t len)
{
    buf_u8(&w->lit, EMB_LIT_BINARY);
    buf_u32(&w->lit, (uint32_t)len);
    buf_put(&w->lit, text, len);
}

static void w_header(TermWriter *w, uint8_t tag, uint32_t n)
{
    buf_u8(&w->lit, tag);
    buf_u32(&w->lit, n);
}

// Decodes one UTF-8 code point (invalid or cut bytes pass through as themselves).
static uint32_t next_codepoint(const unsigned char **p, const unsigned char *end)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    if (extra == 0 || end - s <= extra) {
        *p = s + 1;
        return c;
    }
    c &= 0x3fu >> extra;
    for (int i = 1; i <= extra; i++) {
        c = (c << 6) | (s[i] & 0x3fu);
    }
    *p = s + extra + 1;
    return c;
}

static void w_charlist(TermWriter *w, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    const unsigned char *end = p + len;
    uint32_t count = 0;
    for (const unsigned char *q = p; q < end; count++) {
        next_codepoint(&q, end);
    }
    w_header(w, EMB_LIT_LIST, count);
    while (p < end) {
        w_int(w, next_codepoint(&p, end));
    }
    buf_u8(&w->lit, EMB_LIT_NIL);
}

// [key: value] pairs: [extra_key: extra] first when given, then line: and column:.
static void w_meta(TermWriter *w, const AstNode *n, uint32_t col, const char *extra_key,
                   const char *extra)
{
    uint32_t len = 1 + (w->columns ? 1 : 0) + (extra_key ? 1 : 0);
    w_header(w, EMB_LIT_LIST, len);
    if (extra_key) {
        w_header(w, EMB_LIT_TUPLE, 2);
        w_atom(w, extra_key);
        if (extra) {
            w_binary(w, extra, strlen(extra));
        } else {
            w_atom(w, "true");
        }
    }
    w_header(w, EMB_LIT_TUPLE, 2);
    w_atom(w, "line");
    w_int(w, n->line);
    if (w->columns) {
        w_header(w, EMB_LIT_TUPLE, 2);
        w_atom(w, "column");
        w_int(w, col);
    }
    buf_u8(&w->lit, EMB_LIT_NIL);
}

static void w_empty_list(TermWriter *w)
{
    buf_u8(&w->lit, EMB_LIT_NIL);
}

// A LIST node's elements; a last element `|`(x, tail) becomes the improper tail.
static void write_list(TermWriter *w, const AstNode *n, int depth)
{
    w_header(w, EMB_LIT_LIST, n->nkids);
    for (uint32_t i = 0; i < n->nkids; i++) {
        write_node(w, n->kids[i], depth + 1);
    }
    buf_u8(&w->lit, EMB_LIT_NIL);
}

static void write_kids(TermWriter *w, const AstNode *n, int depth)
{
    write_list(w, n, depth);
}

static void write_call(TermWriter *w, const AstNode *n, int depth)
{
    w_header(w, EMB_LIT_TUPLE, 3);
    if (n->text == NULL) { // callee(args) where the callee is a call
        write_node(w, n->target, depth + 1);
        w_meta(w, n, n->col, NULL, NULL);
    } else {
        w_atom(w, n->text);
        if (strcmp(n->text, "__block__") == 0 && !(n->flags & AST_F_PARENS_EXPR)) {
            w_empty_list(w);
        } else {
            w_meta(w, n, n->col, n->delimiter ? "delimiter" : NULL, n->delimiter);
        }
    }
    write_kids(w, n, depth);
}

static void write_remote(TermWriter *w, const AstNode *n, int depth)
{
    bool is_access = n->kind == AST_REMOTE && n->target->kind == AST_ATOM &&
                     strcmp(n->target->text, "Elixir.Access") == 0;
    uint32_t dot_col = n->kind == AST_REMOTE && !is_access && n->col > 1 ? n->col - 1 : n->col;
    w_header(w, EMB_LIT_TUPLE, 3);
    w_header(w, EMB_LIT_TUPLE, 3);
    w_atom(w, ".");
    w_meta(w, n, dot_col, NULL, NULL);
    w_header(w, EMB_LIT_LIST, n->kind == AST_REMOTE ? 2 : 1);
    write_node(w, n->target, depth + 1);
    if (n->kind == AST_REMOTE) {
        w_atom(w, n->text);
    }
    buf_u8(&w->lit, EMB_LIT_NIL);
    bool is_no_parens = n->kind == AST_REMOTE && (n->flags & AST_F_NO_PARENS) && n->nkids == 0;
    w_meta(w, n, n->col, is_no_parens ? "no_parens" : NULL, NULL);
    write_kids(w, n, depth);
}

static void write_alias(TermWriter *w, const AstNode *n)
{
    uint32_t parts = 1;
    for (const char *s = n->text; *s; s++) {
        parts += *s == '.';
    }
    w_header(w, EMB_LIT_TUPLE, 3);
    w_atom(w, "__aliases__");
    w_meta(w, n, n->col, NULL, NULL);
    w_header(w, EMB_LIT_LIST, parts);
    const char *s = n->text;
    char part[256];
    while (*s) {
        const char *dot = strchr(s, '.');
        size_t len = dot ? (size_t)(dot - s) : strlen(s);
        len = len < sizeof part ? len : sizeof part - 1;
        memcpy(part, s, len);
        part[len] = '\0';
        w_atom(w, part);
        s = dot ? dot + 1 : s + strlen(s);
    }
    buf_u8(&w->lit, EMB_LIT_NIL);
}

static void write_node(TermWriter *w, const AstNode *n, int depth)
{
    if (depth > EMB_LITERAL_MAX_DEPTH / 2) { // the parser's own limit is far below this
        w_atom(w, "nil");
        return;
    }
    switch (n->kind) {
    case AST_INT: w_int(w, n->ival); return;
    case AST_BIGINT:
        buf_u8(&w->lit, EMB_LIT_BIGINT);
        buf_u8(&w->lit, 0);
        buf_u32(&w->lit, (uint32_t)n->text_len);
        buf_put(&w->lit, n->text, n->text_len);
        return;
    case AST_FLOAT: {
        uint8_t bytes[8];
        memcpy(bytes, &n->fval, 8);
        buf_u8(&w->lit, EMB_LIT_FLOAT);
        buf_put(&w->lit, bytes, 8);
        return;
    }
    case AST_ATOM: w_atom(w, n->text); return;
    case AST_STRING: w_binary(w, n->text, n->text_len); return;
    case AST_CHARLIST: w_charlist(w, n->text, n->text_len); return;
    case AST_LIST: write_list(w, n, depth); return;
    case AST_TUPLE:
        if (n->nkids == 2) {
            w_header(w, EMB_LIT_TUPLE, 2);
            write_node(w, n->kids[0], depth + 1);
            write_node(w, n->kids[1], depth + 1);
            return;
        }
        w_header(w, EMB_LIT_TUPLE, 3);
        w_atom(w, "{}");
        w_meta(w, n, n->col, NULL, NULL);
        write_list(w, n, depth);
        return;
    case AST_VAR:
        w_header(w, EMB_LIT_TUPLE, 3);
        w_atom(w, n->text);
        w_meta(w, n, n->col, NULL, NULL);
        w_atom(w, "nil");
        return;
    case AST_ALIAS: write_alias(w, n); return;
    case AST_CALL: write_call(w, n, depth); return;
    case AST_REMOTE: case AST_DOT_CALL: write_remote(w, n, depth); return;
    default: w_atom(w, "nil"); return;
    }
}

// Joins the atom table and the literal into one term blob.
static uint8_t *finish_blob(TermWriter *w, size_t *size)
{
    ByteBuf out = {0};
    buf_u32(&out, w->atoms.atom_len);
    for (uint32_t i = 0; i < w->atoms.atom_len; i++) {
        size_t len = strlen(w->atoms.atoms[i]);
        buf_u32(&out, (uint32_t)len);
        buf_put(&out, w->atoms.atoms[i], len);
    }
    buf_put(&out, w->lit.data, w->lit.len);
    free(w->lit.data);
    tab_free(&w->atoms);
    *size = out.len;
    return out.data;
}

uint8_t *ast_term_encode(const AstNode *root, bool columns, size_t *size)
{
    TermWriter w = {.columns = columns};
    write_node(&w, root, 0);
    return finish_blob(&w, size);
}

bool compile_string_to_quoted(const char *src, size_t len, const char *file, bool columns,
                              uint8_t **bytes, size_t *size, Diag *diag)
{
    Arena *arena = arena_new();
    if (!arena) {
        fputs("ember: out of memory\n", stderr);
        exit(1);
    }
    AstNode *root = parse_source(arena, src, len, file, diag);
    if (root) {
        *bytes = ast_term_encode(root, columns, size);
    }
    arena_free(arena);
    return root != NULL;
}
