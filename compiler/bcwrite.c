// Module tables (atoms, literals, imports, each interned so equal entries share one index) and
// the .emb writer: header with the FNV-1a checksum of the body, then the sections of
// vm/bytecode.h in increasing id order. Functions' code is concatenated in index order and the
// per-function line tables are rebased onto the module's code offsets.
#include "codegen.h"

#include <stdlib.h>
#include <string.h>

void buf_put(ByteBuf *b, const void *data, size_t size)
{
    if (b->len + size > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + size) {
            cap *= 2;
        }
        uint8_t *p = realloc(b->data, cap);
        if (!p) {
            abort();
        }
        b->data = p;
        b->cap = cap;
    }
    if (size > 0) {
        memcpy(b->data + b->len, data, size);
    }
    b->len += size;
}

void buf_u8(ByteBuf *b, uint8_t v)
{
    buf_put(b, &v, 1);
}

void buf_u32(ByteBuf *b, uint32_t v)
{
    uint8_t bytes[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    buf_put(b, bytes, 4);
}

uint32_t tab_atom(ModTables *t, const char *text)
{
    for (uint32_t i = 0; i < t->atom_len; i++) {
        if (strcmp(t->atoms[i], text) == 0) {
            return i;
        }
    }
    cg_grow((void **)&t->atoms, &t->atom_cap, t->atom_len + 1, sizeof(char *));
    char *copy = strdup(text);
    if (!copy) {
        abort();
    }
    t->atoms[t->atom_len] = copy;
    return t->atom_len++;
}

uint32_t tab_import(ModTables *t, const char *mod, const char *fun, uint32_t arity)
{
    uint32_t m = tab_atom(t, mod);
    uint32_t f = tab_atom(t, fun);
    for (uint32_t i = 0; i < t->import_len; i++) {
        uint32_t *e = &t->imports[3 * i];
        if (e[0] == m && e[1] == f && e[2] == arity) {
            return i;
        }
    }
    cg_grow((void **)&t->imports, &t->import_cap, 3 * (t->import_len + 1), sizeof(uint32_t));
    uint32_t *e = &t->imports[3 * t->import_len];
    e[0] = m;
    e[1] = f;
    e[2] = arity;
    return t->import_len++;
}

uint32_t tab_literal(ModTables *t, const uint8_t *bytes, size_t size)
{
    for (uint32_t i = 0; i < t->lit_len; i++) {
        uint32_t start = t->lit_starts[i];
        uint32_t end = (i + 1 < t->lit_len) ? t->lit_starts[i + 1] : (uint32_t)t->lits.len;
        if (end - start == size && memcmp(t->lits.data + start, bytes, size) == 0) {
            return i;
        }
    }
    cg_grow((void **)&t->lit_starts, &t->lit_cap, t->lit_len + 1, sizeof(uint32_t));
    t->lit_starts[t->lit_len] = (uint32_t)t->lits.len;
    buf_put(&t->lits, bytes, size);
    return t->lit_len++;
}

void tab_free(ModTables *t)
{
    for (uint32_t i = 0; i < t->atom_len; i++) {
        free(t->atoms[i]);
    }
    free(t->atoms);
    free(t->lits.data);
    free(t->lit_starts);
    free(t->imports);
    memset(t, 0, sizeof *t);
}

// Appends section [id] holding [body] to [out].
static void put_section(ByteBuf *out, uint32_t id, const ByteBuf *body)
{
    buf_u32(out, id);
    buf_u32(out, (uint32_t)body->len);
    buf_put(out, body->data, body->len);
}

static void write_atoms(ByteBuf *out, const ModTables *t)
{
    ByteBuf s = {0};
    buf_u32(&s, t->atom_len);
    for (uint32_t i = 0; i < t->atom_len; i++) {
        uint32_t len = (uint32_t)strlen(t->atoms[i]);
        buf_u32(&s, len);
        buf_put(&s, t->atoms[i], len);
    }
    put_section(out, EMB_SEC_ATOMS, &s);
    free(s.data);
}

static void write_literals_imports(ByteBuf *out, const ModTables *t)
{
    ByteBuf s = {0};
    buf_u32(&s, t->lit_len);
    buf_put(&s, t->lits.data, t->lits.len);
    put_section(out, EMB_SEC_LITERALS, &s);
    s.len = 0;
    buf_u32(&s, t->import_len);
    for (uint32_t i = 0; i < 3 * t->import_len; i++) {
        buf_u32(&s, t->imports[i]);
    }
    put_section(out, EMB_SEC_IMPORTS, &s);
    free(s.data);
}

static void write_functions(ByteBuf *out, const ModGen *mg)
{
    ByteBuf s = {0};
    buf_u32(&s, mg->fn_len);
    uint32_t offset = 0;
    for (uint32_t i = 0; i < mg->fn_len; i++) {
        const FnOut *f = &mg->fns[i];
        uint32_t words[7] = {f->name_atom, f->arity, f->free_count, f->frame_size,
                             f->flags, offset, f->code_len};
        for (int w = 0; w < 7; w++) {
            buf_u32(&s, words[w]);
        }
        offset += f->code_len;
    }
    put_section(out, EMB_SEC_FUNCTIONS, &s);
    s.len = 0;
    buf_u32(&s, offset);
    for (uint32_t i = 0; i < mg->fn_len; i++) {
        for (uint32_t w = 0; w < mg->fns[i].code_len; w++) {
            buf_u32(&s, mg->fns[i].code[w]);
        }
    }
    put_section(out, EMB_SEC_CODE, &s);
    free(s.data);
}

static void write_lines_source(ByteBuf *out, const ModGen *mg, const char *file)
{
    ByteBuf s = {0};
    uint32_t count = 0;
    for (uint32_t i = 0; i < mg->fn_len; i++) {
        count += mg->fns[i].line_len / 2;
    }
    buf_u32(&s, count);
    uint32_t offset = 0;
    for (uint32_t i = 0; i < mg->fn_len; i++) {
        const FnOut *f = &mg->fns[i];
        for (uint32_t l = 0; l + 1 < f->line_len; l += 2) {
            buf_u32(&s, offset + f->lines[l]);
            buf_u32(&s, f->lines[l + 1]);
        }
        offset += f->code_len;
    }
    put_section(out, EMB_SEC_LINES, &s);
    s.len = 0;
    uint32_t len = (uint32_t)strlen(file);
    buf_u32(&s, len);
    buf_put(&s, file, len);
    put_section(out, EMB_SEC_SOURCE, &s);
    free(s.data);
}

uint8_t *bcwrite_module(ModGen *mg, size_t *size)
{
    ByteBuf body = {0};
    write_atoms(&body, &mg->tab);
    write_literals_imports(&body, &mg->tab);
    write_functions(&body, mg);
    write_lines_source(&body, mg, mg->cg->file);
    ByteBuf out = {0};
    buf_put(&out, EMB_MAGIC, 4);
    buf_u32(&out, EMB_FORMAT_VERSION);
    buf_u32(&out, emb_checksum(body.data, (uint32_t)body.len));
    buf_u32(&out, (uint32_t)body.len);
    buf_put(&out, body.data, body.len);
    free(body.data);
    *size = out.len;
    return out.data;
}
