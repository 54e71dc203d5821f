// The bit syntax `<<...>>`: segment specifiers (types integer/float/binary/bitstring/utf8/16/32,
// signed/unsigned, big/little/native, size(n), unit(u)), patterns and construction.
// A pattern is a match held in a register pair (the bitstring and the bit position): BS_START,
// then one BS_GET per segment (its value then matched like any pattern, so later sizes can
// use variables bound by earlier segments), BS_MATCH_LIT for literal strings, and BS_TEST_END
// unless the last segment takes the rest. Construction calls :ember_bin.put/4 for each segment
// and joins the pieces with BS_CONCAT; a run of plain bytes and strings becomes one literal,
// and `<<a::binary, "x">>` shapes (interpolation, `<>`) keep the plain BIN_CONCAT.
#include "codegen.h"

#include "utf_encode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A segment: `value::spec` with its specifiers resolved.
typedef struct Segment {
    const AstNode *value;
    uint32_t type;          // BS_TYPE_*
    uint32_t flags;         // BS_FLAG_SIGNED | BS_FLAG_LITTLE | BS_FLAG_NATIVE
    const AstNode *size;    // size(n) / a bare integer, or NULL
    int64_t unit;           // 0: the type's default
    bool has_type;
    bool has_sign;
    bool has_endian;
} Segment;

static const char *const type_words[] = {"integer", "float",  "binary", "bitstring",
                                         "utf8",    "utf16",  "utf32"};

static bool spec_error(FnGen *fg, const AstNode *n, const char *fmt, const char *a,
                       const char *b)
{
    cg_error(fg->mg->cg, n->line, fmt, a, b);
    return false;
}

static bool set_type(FnGen *fg, const AstNode *w, Segment *seg, uint32_t type)
{
    if (seg->has_type && seg->type != type) {
        return spec_error(fg, w, "conflicting type specification for bit field: \"%s\" and "
                          "\"%s\"", type_words[type], type_words[seg->type]);
    }
    seg->type = type;
    seg->has_type = true;
    return true;
}

static bool set_endian(FnGen *fg, const AstNode *w, Segment *seg, uint32_t flag)
{
    static const char *const names[] = {"big", "little", "native"};
    uint32_t old = seg->flags & (BS_FLAG_LITTLE | BS_FLAG_NATIVE);
    if (seg->has_endian && old != flag) {
        return spec_error(fg, w, "conflicting endianness specification for bit field: \"%s\" "
                          "and \"%s\"", names[flag == BS_FLAG_LITTLE ? 1 : flag ? 2 : 0],
                          names[old == BS_FLAG_LITTLE ? 1 : old ? 2 : 0]);
    }
    seg->flags = (seg->flags & ~(BS_FLAG_LITTLE | BS_FLAG_NATIVE)) | flag;
    seg->has_endian = true;
    return true;
}

static bool set_size(FnGen *fg, const AstNode *w, Segment *seg, const AstNode *size)
{
    if (seg->size != NULL) {
        char a[32];
        char b[32];
        snprintf(a, sizeof a, "%lld", (long long)size->ival);
        snprintf(b, sizeof b, "%lld", (long long)seg->size->ival);
        return spec_error(fg, w, "conflicting size specification for bit field: \"%s\" and "
                          "\"%s\"", a, b);
    }
    seg->size = size;
    return true;
}

// One specifier word of a `-` chain.
static bool read_word(FnGen *fg, const AstNode *w, Segment *seg)
{
    if (w->kind == AST_INT) {
        return set_size(fg, w, seg, w);
    }
    if (ast_is_named(w, AST_CALL, "size") && w->nkids == 1) {
        return set_size(fg, w, seg, w->kids[0]);
    }
    if (ast_is_named(w, AST_CALL, "unit") && w->nkids == 1 && w->kids[0]->kind == AST_INT) {
        seg->unit = w->kids[0]->ival;
        return true;
    }
    const char *t = (w->kind == AST_VAR || (w->kind == AST_CALL && w->nkids == 0)) ? w->text
                                                                                      : NULL;
    static const struct { const char *word; uint32_t type; } types[] = {
        {"integer", BS_TYPE_INTEGER}, {"float", BS_TYPE_FLOAT},   {"binary", BS_TYPE_BINARY},
        {"bytes", BS_TYPE_BINARY},    {"bitstring", BS_TYPE_BITSTRING},
        {"bits", BS_TYPE_BITSTRING},  {"utf8", BS_TYPE_UTF8},     {"utf16", BS_TYPE_UTF16},
        {"utf32", BS_TYPE_UTF32},
    };
    for (size_t i = 0; t != NULL && i < sizeof types / sizeof types[0]; i++) {
        if (strcmp(t, types[i].word) == 0) {
            return set_type(fg, w, seg, types[i].type);
        }
    }
    if (t != NULL && (strcmp(t, "signed") == 0 || strcmp(t, "unsigned") == 0)) {
        seg->flags = (seg->flags & ~BS_FLAG_SIGNED) | (t[0] == 's' ? BS_FLAG_SIGNED : 0);
        seg->has_sign = true;
        return true;
    }
    if (t != NULL && (strcmp(t, "big") == 0 || strcmp(t, "little") == 0 ||
                      strcmp(t, "native") == 0)) {
        return set_endian(fg, w, seg, t[0] == 'b' ? 0 : t[0] == 'l' ? BS_FLAG_LITTLE
                                                                     : BS_FLAG_NATIVE);
    }
    char shown[80];
    snprintf(shown, sizeof shown, "%s()", t != NULL ? t : "?");
    return spec_error(fg, w, "unknown bitstring specifier: %s%s", shown, "");
}

// Checks a resolved segment the way Elixir's compiler does.
static bool check_segment(FnGen *fg, const AstNode *n, const Segment *seg)
{
    bool utf = seg->type >= BS_TYPE_UTF8;
    if (utf && (seg->size != NULL || seg->unit != 0)) {
        return spec_error(fg, n, "size and unit are not supported on utf types%s%s", "", "");
    }
    if (seg->has_sign && seg->type != BS_TYPE_INTEGER && seg->type != BS_TYPE_FLOAT) {
        return spec_error(fg, n, "signed and unsigned specifiers are supported only on integer "
                          "and float types%s%s", "", "");
    }
    bool numeric = seg->type == BS_TYPE_INTEGER || seg->type == BS_TYPE_FLOAT;
    if (numeric && seg->unit != 0 && seg->size == NULL) {
        return spec_error(fg, n, "integer and float types require a size specifier if the unit "
                          "specifier is given%s%s", "", "");
    }
    if (seg->type == BS_TYPE_FLOAT && seg->size != NULL && seg->size->kind == AST_INT) {
        int64_t bits = seg->size->ival * (seg->unit ? seg->unit : 1);
        if (bits != 16 && bits != 32 && bits != 64) {
            char got[32];
            snprintf(got, sizeof got, "%lld", (long long)bits);
            return spec_error(fg, n, "float requires size*unit to be 16, 32, or 64 (default), "
                              "got: %s%s", got, "");
        }
    }
    if (seg->unit < 0 || seg->unit > 256) {
        return spec_error(fg, n, "unit in bitstring must be between 1 and 256%s%s", "", "");
    }
    return true;
}

// Parses `value::spec` (or a bare value: an 8-bit integer, or a literal string) into [seg].
static bool read_segment(FnGen *fg, const AstNode *n, Segment *seg)
{
    *seg = (Segment){.value = n, .type = BS_TYPE_INTEGER};
    if (!ast_is_named(n, AST_CALL, "::") || n->nkids != 2) {
        if (n->kind == AST_STRING) {
            seg->type = BS_TYPE_BINARY;
        } else if (n->kind == AST_FLOAT) {
            seg->type = BS_TYPE_FLOAT;
        }
        return true;
    }
    seg->value = n->kids[0];
    const AstNode *words[16];
    uint32_t count = 0;
    const AstNode *spec = n->kids[1];
    while (ast_is_named(spec, AST_CALL, "-") && spec->nkids == 2 && count < 15) {
        words[count++] = spec->kids[1];
        spec = spec->kids[0];
    }
    words[count++] = spec;
    for (uint32_t i = count; i-- > 0;) { // source order
        if (!read_word(fg, words[i], seg)) {
            return false;
        }
    }
    if (seg->value->kind == AST_STRING &&
        (seg->size != NULL || seg->unit != 0 || seg->has_sign || seg->type == BS_TYPE_INTEGER ||
         seg->type == BS_TYPE_FLOAT)) {
        if (seg->type != BS_TYPE_INTEGER || seg->has_type || seg->size || seg->unit ||
            seg->has_sign) {
            return spec_error(fg, n, "literal string in bitstring supports only endianness and "
                              "type specifiers, which must be one of: little, big, native, utf8, "
                              "utf16, utf32, bits, bytes, binary or bitstring%s%s", "", "");
        }
        seg->type = BS_TYPE_BINARY; // `"abc"::little`
    }
    return check_segment(fg, n, seg);
}

// The descriptor word for [seg] (unit defaulted), without a size.
static uint32_t descriptor(const Segment *seg)
{
    int64_t unit = seg->unit;
    if (unit == 0) {
        unit = seg->type == BS_TYPE_BINARY ? 8 : 1;
    }
    uint32_t d = seg->type | seg->flags | (uint32_t)unit << BS_UNIT_SHIFT;
    bool sized = seg->size != NULL || seg->type == BS_TYPE_INTEGER || seg->type == BS_TYPE_FLOAT;
    if (!sized && (seg->type == BS_TYPE_BINARY || seg->type == BS_TYPE_BITSTRING)) {
        d |= BS_FLAG_ALL;
    }
    return d;
}

// The size in units of a segment with a literal or default size; -1 when it is an expression.
static int64_t literal_size(const Segment *seg)
{
    if (seg->size == NULL) {
        return seg->type == BS_TYPE_FLOAT ? 64 : seg->type == BS_TYPE_INTEGER ? 8 : 0;
    }
    return seg->size->kind == AST_INT ? seg->size->ival : -1;
}

// Encodes literal string [s] as utf16/utf32 ([type], [flags]) bytes into [b] (utf8: as is).
static void encode_literal(const AstNode *s, uint32_t type, uint32_t flags, ByteBuf *b)
{
    if (type != BS_TYPE_UTF16 && type != BS_TYPE_UTF32) {
        buf_put(b, s->text, s->text_len);
        return;
    }
    bool little = (flags & BS_FLAG_LITTLE) ||
                  ((flags & BS_FLAG_NATIVE) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
    const uint8_t *p = (const uint8_t *)s->text;
    const uint8_t *end = p + s->text_len;
    while (p < end) {
        uint32_t c = *p;
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        c = n == 1 ? c : c & (0x7Fu >> n);
        for (size_t i = 1; i < n && p + i < end; i++) {
            c = c << 6 | (p[i] & 0x3F);
        }
        p += n;
        uint8_t out[4];
        size_t len = utf_encode(type == BS_TYPE_UTF16 ? 16 : 32, little, c, out);
        buf_put(b, out, len);
    }
}

// The literal-table index of binary [bytes] ([len] bytes).
static uint32_t binary_literal(FnGen *fg, const void *bytes, size_t len)
{
    ByteBuf b = {0};
    buf_u8(&b, EMB_LIT_BINARY);
    buf_u32(&b, (uint32_t)len);
    buf_put(&b, bytes, len);
    uint32_t k = tab_literal(&fg->mg->tab, b.data, b.len);
    free(b.data);
    return k;
}

// ==== Patterns ====

static bool is_literal_string(const Segment *seg)
{
    return seg->value->kind == AST_STRING;
}

// Emits BS_GET for [seg] into a new register and returns it.
static uint32_t match_get(FnGen *fg, const Segment *seg, uint32_t match, uint32_t fail)
{
    uint32_t desc = descriptor(seg);
    uint32_t size_reg = match; // unused unless BS_FLAG_SIZE_REG
    int64_t units = literal_size(seg);
    if (!(desc & BS_FLAG_ALL) && seg->type < BS_TYPE_UTF8) {
        if (units >= 0 && units <= (int64_t)BS_SIZE_MAX) {
            desc |= (uint32_t)units << BS_SIZE_SHIFT;
        } else {
            size_reg = expr_to_reg(fg, seg->size);
            desc |= BS_FLAG_SIZE_REG;
        }
    }
    uint32_t dst = reg_alloc(fg);
    int64_t ops[5] = {dst, match, size_reg, (int32_t)desc, fail};
    emit_op(fg, OP_BS_GET, ops);
    return dst;
}

void binary_match(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail)
{
    uint32_t match = reg_alloc_n(fg, 2);
    emit3(fg, OP_BS_START, match, src, fail);
    bool took_rest = false;
    for (uint32_t i = 0; i < pat->nkids && !fg->mg->cg->failed; i++) {
        Segment seg;
        if (!read_segment(fg, pat->kids[i], &seg)) {
            return;
        }
        if (took_rest) {
            cg_error(fg->mg->cg, pat->line, "a binary field without size is only allowed at the "
                     "end of a binary pattern, at the right side of binary concatenation and and "
                     "never allowed in binary generators. The following examples are invalid:");
            return;
        }
        if (is_literal_string(&seg)) {
            ByteBuf b = {0};
            encode_literal(seg.value, seg.type, seg.flags, &b);
            emit3(fg, OP_BS_MATCH_LIT, match, binary_literal(fg, b.data, b.len), fail);
            free(b.data);
            continue;
        }
        took_rest = (descriptor(&seg) & BS_FLAG_ALL) != 0;
        pattern_match(fg, seg.value, match_get(fg, &seg, match, fail), fail);
    }
    if (!took_rest) {
        emit2(fg, OP_BS_TEST_END, match, fail);
    }
}

// ==== Construction ====

// `:ember_bin.put(value, desc, size, index)` as an AST node.
static AstNode *put_call(FnGen *fg, const Segment *seg, uint32_t index, uint32_t line)
{
    Cg *cg = fg->mg->cg;
    AstNode *call = cg_node(cg, AST_REMOTE, line, "put");
    call->target = cg_node(cg, AST_ATOM, line, "ember_bin");
    AstNode *desc = cg_node(cg, AST_INT, line, NULL);
    desc->ival = descriptor(seg);
    const AstNode *size = seg->size;
    if (size == NULL) {
        int64_t units = literal_size(seg);
        AstNode *def = units > 0 ? cg_node(cg, AST_INT, line, NULL)
                                 : cg_node(cg, AST_ATOM, line, "nil");
        def->ival = units;
        size = def;
    }
    AstNode *pos = cg_node(cg, AST_INT, line, NULL);
    pos->ival = index;
    ast_push(cg->arena, call, (AstNode *)seg->value);
    ast_push(cg->arena, call, desc);
    ast_push(cg->arena, call, (AstNode *)size);
    ast_push(cg->arena, call, pos);
    return call;
}

// A plain byte: a bare integer literal 0..255, or a literal string kept as its bytes.
static bool literal_bytes(const Segment *seg, const AstNode *n, ByteBuf *out)
{
    if (seg->value->kind == AST_STRING && seg->type != BS_TYPE_BITSTRING) {
        encode_literal(seg->value, seg->type, seg->flags, out);
        return true;
    }
    if (n->kind == AST_INT && n->ival >= 0 && n->ival <= 255) {
        buf_u8(out, (uint8_t)n->ival);
        return true;
    }
    return false;
}

// True for a segment `x::binary` (or a literal string): BIN_CONCAT can join it.
static bool is_plain_binary(const AstNode *n)
{
    return n->kind == AST_STRING ||
           (ast_is_named(n, AST_CALL, "::") && n->nkids == 2 &&
            ast_is_named(n->kids[1], AST_VAR, "binary"));
}

void binary_construct(FnGen *fg, const AstNode *n, uint32_t dst)
{
    bool plain = true;
    for (uint32_t i = 0; i < n->nkids; i++) {
        plain = plain && is_plain_binary(n->kids[i]);
    }
    uint32_t mark = fg->top;
    uint32_t base = reg_alloc_n(fg, n->nkids > 0 ? n->nkids : 1);
    uint32_t parts = 0;
    ByteBuf run = {0}; // consecutive literal bytes
    for (uint32_t i = 0; i <= n->nkids && !fg->mg->cg->failed; i++) {
        Segment seg;
        bool is_bytes = i < n->nkids && read_segment(fg, n->kids[i], &seg) &&
                        literal_bytes(&seg, n->kids[i], &run);
        if (is_bytes || fg->mg->cg->failed) {
            continue;
        }
        if (run.len > 0 || (i == n->nkids && parts == 0)) {
            emit2(fg, OP_LOAD_LIT, base + parts++, binary_literal(fg, run.data, run.len));
            run.len = 0;
        }
        if (i == n->nkids) {
            break;
        }
        if (plain) {
            expr_compile(fg, seg.value, base + parts++);
        } else {
            expr_compile(fg, put_call(fg, &seg, i + 1, n->kids[i]->line), base + parts++);
        }
    }
    free(run.data);
    fg->line = n->line;
    if (parts == 1 && !plain) {
        emit2(fg, OP_MOVE, dst, base);
    } else {
        emit3(fg, plain ? OP_BIN_CONCAT : OP_BS_CONCAT, dst, base, parts);
    }
    reg_free_to(fg, mark);
}
