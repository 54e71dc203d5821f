// Binaries with segments: `<<c, rest::binary>>`, `<<len::16, data::binary-size(len)>>`,
// `<<c::utf8, _::binary>>` in patterns (BIN_GET_* instructions, one per segment, each leaving
// the value and the rest of the binary), and `<<x, y::16, c::utf8, s::binary>>` in expressions
// (each non-binary segment becomes a :ember_bin built-in call, then one BIN_CONCAT). Supported
// segment types: integer (8..64 bits, whole bytes, unsigned big-endian), utf8, binary/bytes
// (sized, or unsized as the last segment), and literal strings.
#include "codegen.h"

#include <stdlib.h>
#include <string.h>

typedef enum SegKind { SEG_INT, SEG_UTF8, SEG_BINARY } SegKind;

typedef struct Segment {
    const AstNode *value;
    SegKind kind;
    int64_t bits;          // SEG_INT
    const AstNode *size;   // SEG_BINARY with size(n), else NULL; SEG_INT with size(var)
} Segment;

// Reads one type specifier word (`binary`, `utf8`, `16`, `size(n)`) into [seg].
static bool read_spec(const AstNode *spec, Segment *seg)
{
    if (spec->kind == AST_INT) {
        seg->bits = spec->ival;
        return true;
    }
    if (ast_is_named(spec, AST_CALL, "size") && spec->nkids == 1) {
        if (spec->kids[0]->kind == AST_INT && seg->kind == SEG_INT) {
            seg->bits = spec->kids[0]->ival;
        } else {
            seg->size = spec->kids[0];
        }
        return true;
    }
    if (spec->kind != AST_VAR) {
        return false;
    }
    const char *t = spec->text;
    if (!strcmp(t, "binary") || !strcmp(t, "bytes") || !strcmp(t, "bitstring") ||
        !strcmp(t, "bits")) {
        seg->kind = SEG_BINARY;
    } else if (!strcmp(t, "utf8")) {
        seg->kind = SEG_UTF8;
    } else if (strcmp(t, "integer") && strcmp(t, "unsigned") && strcmp(t, "big")) {
        return false;
    }
    return true;
}

// Parses `value::spec` (or a bare value: an 8-bit integer) into [seg].
static bool read_segment(const AstNode *n, Segment *seg)
{
    *seg = (Segment){.value = n, .kind = SEG_INT, .bits = 8};
    if (!ast_is_named(n, AST_CALL, "::") || n->nkids != 2) {
        return true;
    }
    seg->value = n->kids[0];
    // binary-size(4) and integer-size(16) parse as a `-` chain of words: read the type words
    // first, then the sizes, since size(n) means bits for integers and bytes for binaries.
    const AstNode *words[8];
    uint32_t count = 0;
    const AstNode *spec = n->kids[1];
    while (ast_is_named(spec, AST_CALL, "-") && spec->nkids == 2 && count < 7) {
        words[count++] = spec->kids[1];
        spec = spec->kids[0];
    }
    words[count++] = spec;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < count; i++) {
            bool is_size = words[i]->kind == AST_INT || ast_is_named(words[i], AST_CALL, "size");
            if (is_size == (pass == 1) && !read_spec(words[i], seg)) {
                return false;
            }
        }
    }
    return seg->kind != SEG_INT || seg->size != NULL ||
           (seg->bits >= 8 && seg->bits <= 64 && seg->bits % 8 == 0);
}

static bool unsupported(FnGen *fg, const AstNode *n)
{
    cg_error(fg->mg->cg, n->line, "this binary segment is not supported by Ember yet (supported: "
             "integers of whole bytes, utf8, binary, binary-size(n), literal strings)");
    return false;
}

// The literal-table index of binary [text] ([len] bytes).
static uint32_t binary_literal(FnGen *fg, const char *text, size_t len)
{
    ByteBuf b = {0};
    buf_u8(&b, EMB_LIT_BINARY);
    buf_u32(&b, (uint32_t)len);
    buf_put(&b, text, len);
    uint32_t k = tab_literal(&fg->mg->tab, b.data, b.len);
    free(b.data);
    return k;
}

// One segment of a pattern: matches it against binary register [cur]; returns the register
// holding the rest, or UINT32_MAX when the segment consumed everything (an unsized binary).
static uint32_t match_segment(FnGen *fg, const AstNode *n, uint32_t cur, bool last,
                              uint32_t fail)
{
    if (n->kind == AST_STRING) {
        uint32_t rest = reg_alloc(fg);
        emit4(fg, OP_BIN_PREFIX, rest, cur, binary_literal(fg, n->text, n->text_len), fail);
        return rest;
    }
    Segment seg;
    if (!read_segment(n, &seg)) {
        unsupported(fg, n);
        return cur;
    }
    if (seg.kind == SEG_BINARY && seg.size == NULL) {
        if (!last) {
            unsupported(fg, n);
        }
        pattern_match(fg, seg.value, cur, fail);
        return UINT32_MAX;
    }
    uint32_t pair = reg_alloc_n(fg, 2);
    if (seg.kind == SEG_UTF8) {
        emit3(fg, OP_BIN_GET_UTF8, pair, cur, fail);
    } else if (seg.kind == SEG_INT && seg.size == NULL) {
        emit4(fg, OP_BIN_GET_INT, pair, cur, seg.bits, fail);
    } else if (seg.kind == SEG_BINARY) {
        uint32_t size = expr_to_reg(fg, seg.size);
        emit4(fg, OP_BIN_GET_BYTES, pair, cur, size, fail);
    } else {
        unsupported(fg, n);
        return cur;
    }
    pattern_match(fg, seg.value, pair, fail);
    return pair + 1;
}

void binary_match(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    emit3(fg, OP_TEST_TYPE, src, TT_BINARY, fail);
    uint32_t cur = src;
    for (uint32_t i = 0; i < pat->nkids && !fg->mg->cg->failed; i++) {
        cur = match_segment(fg, pat->kids[i], cur, i + 1 == pat->nkids, fail);
        if (cur == UINT32_MAX) {
            return;
        }
    }
    emit3(fg, OP_TEST_LIT, cur, binary_literal(fg, "", 0), fail); // nothing may be left over
}

// `:ember_bin.name(args)` as an AST node, for construction segments.
static AstNode *bin_call(FnGen *fg, const char *name, const AstNode *value, int64_t bits,
                         uint32_t line)
{
    Arena *arena = fg->mg->cg->arena;
    AstNode *target = ast_new(arena, AST_ATOM, line, 1);
    target->text = "ember_bin";
    target->text_len = 9;
    AstNode *call = ast_new(arena, AST_REMOTE, line, 1);
    call->target = target;
    call->text = name;
    call->text_len = strlen(name);
    ast_push(arena, call, (AstNode *)value);
    if (bits > 0) {
        AstNode *b = ast_new(arena, AST_INT, line, 1);
        b->ival = bits;
        ast_push(arena, call, b);
    }
    return call;
}

bool binary_segment_expr(FnGen *fg, const AstNode *n, uint32_t dst)
{
    Segment seg;
    if (!read_segment(n, &seg) || seg.size != NULL) {
        return unsupported(fg, n);
    }
    if (seg.kind == SEG_BINARY) {
        expr_compile(fg, seg.value, dst);
    } else if (seg.kind == SEG_UTF8) {
        expr_compile(fg, bin_call(fg, "utf8", seg.value, 0, n->line), dst);
    } else {
        expr_compile(fg, bin_call(fg, "int", seg.value, seg.bits, n->line), dst);
    }
    return true;
}
