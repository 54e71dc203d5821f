// The .emb loader. Every read goes through Cursor, which fails instead of reading past the
// end; every count is checked against the bytes that remain before anything is allocated.
// Literals are built with the ordinary term constructors on a scratch process whose heap then
// becomes the module's literal area.
#include "loader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "builtins.h"
#include "bytecode.h"
#include "map.h"
#include "opcodes.h"
#include "process.h"
#include "verify.h"
#include "vm.h"

typedef struct Cursor {
    const uint8_t *pos;
    const uint8_t *end;
} Cursor;

typedef struct Loader {
    Vm *vm;
    Module *mod;
    Process *scratch; // owns the literal heap while loading
    char *err;
    size_t err_size;
} Loader;

static bool fail(Loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(Loader *ld, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ld->err, ld->err_size, fmt, ap);
    va_end(ap);
    return false;
}

static bool read_u8(Cursor *c, uint8_t *out)
{
    if (c->end - c->pos < 1) {
        return false;
    }
    *out = *c->pos++;
    return true;
}

static bool read_u32(Cursor *c, uint32_t *out)
{
    if (c->end - c->pos < 4) {
        return false;
    }
    *out = (uint32_t)c->pos[0] | (uint32_t)c->pos[1] << 8 | (uint32_t)c->pos[2] << 16 |
           (uint32_t)c->pos[3] << 24;
    c->pos += 4;
    return true;
}

static bool read_u64(Cursor *c, uint64_t *out)
{
    uint32_t lo;
    uint32_t hi;
    if (!read_u32(c, &lo) || !read_u32(c, &hi)) {
        return false;
    }
    *out = (uint64_t)hi << 32 | lo;
    return true;
}

static bool read_bytes(Cursor *c, uint32_t len, const uint8_t **out)
{
    if ((size_t)(c->end - c->pos) < len) {
        return false;
    }
    *out = c->pos;
    c->pos += len;
    return true;
}

// Reads a count of items each at least [min_item_size] bytes, refusing counts the remaining
// bytes cannot hold (so a lying count never causes a huge allocation).
static bool read_count(Cursor *c, uint32_t min_item_size, uint32_t *out)
{
    if (!read_u32(c, out)) {
        return false;
    }
    return (uint64_t)*out * min_item_size <= (uint64_t)(c->end - c->pos);
}

size_t loader_file_size(const uint8_t *bytes, size_t size)
{
    Cursor c = {bytes, bytes + size};
    const uint8_t *magic;
    uint32_t version;
    uint32_t checksum;
    uint32_t body;
    if (!read_bytes(&c, 4, &magic) || memcmp(magic, EMB_MAGIC, 4) != 0 ||
        !read_u32(&c, &version) || !read_u32(&c, &checksum) || !read_u32(&c, &body)) {
        return 0;
    }
    if ((uint64_t)body > size - EMB_HEADER_SIZE) {
        return 0;
    }
    return EMB_HEADER_SIZE + (size_t)body;
}

bool loader_peek_name(const uint8_t *bytes, size_t size, const char **name, size_t *len)
{
    size_t total = loader_file_size(bytes, size);
    if (total == 0) {
        return false;
    }
    Cursor c = {bytes + EMB_HEADER_SIZE, bytes + total};
    uint32_t id;
    uint32_t sec_size;
    uint32_t count;
    uint32_t name_len;
    const uint8_t *text;
    if (!read_u32(&c, &id) || id != EMB_SEC_ATOMS || !read_u32(&c, &sec_size) ||
        !read_u32(&c, &count) || count == 0 || !read_u32(&c, &name_len) ||
        !read_bytes(&c, name_len, &text)) {
        return false;
    }
    *name = (const char *)text;
    *len = name_len;
    return true;
}

// ==== Sections ====

static bool load_atoms(Loader *ld, Cursor *c)
{
    uint32_t count;
    if (!read_count(c, 4, &count) || count == 0) {
        return fail(ld, "bad atom table");
    }
    Module *mod = ld->mod;
    mod->atom_map = em_calloc(count, sizeof(uint32_t));
    mod->atom_count = count;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t len;
        const uint8_t *text;
        if (!read_u32(c, &len) || !read_bytes(c, len, &text)) {
            return fail(ld, "truncated atom table");
        }
        if (!atom_intern(ld->vm->atoms, (const char *)text, len, &mod->atom_map[i])) {
            return fail(ld, "atom %u too long", i);
        }
    }
    mod->name = term_from_atom(mod->atom_map[0]);
    return true;
}

static bool load_literal(Loader *ld, Cursor *c, uint32_t depth, Term *out);

static bool load_literal_seq(Loader *ld, Cursor *c, uint32_t depth, uint32_t n, Term *items)
{
    for (uint32_t i = 0; i < n; i++) {
        if (!load_literal(ld, c, depth + 1, &items[i])) {
            return false;
        }
    }
    return true;
}

static bool load_compound_literal(Loader *ld, Cursor *c, uint8_t tag, uint32_t depth, Term *out)
{
    uint32_t n;
    if (!read_count(c, 1, &n)) {
        return fail(ld, "bad literal size");
    }
    uint32_t items_len = tag == EMB_LIT_MAP ? 2 * n : n + (tag == EMB_LIT_LIST);
    Term *items = em_malloc(((size_t)items_len + 1) * sizeof(Term));
    bool ok = load_literal_seq(ld, c, depth, items_len, items);
    if (ok && tag == EMB_LIT_TUPLE) {
        *out = term_make_tuple(ld->scratch, n, items);
    } else if (ok && tag == EMB_LIT_MAP) {
        *out = map_from_pairs(ld->scratch, items, n);
    } else if (ok) {
        Term list = items[n];
        for (uint32_t i = n; i > 0; i--) {
            list = term_make_cons(ld->scratch, items[i - 1], list);
        }
        *out = list;
    }
    free(items);
    return ok;
}

static bool load_literal(Loader *ld, Cursor *c, uint32_t depth, Term *out)
{
    uint8_t tag;
    uint32_t u32;
    uint64_t u64;
    const uint8_t *bytes;
    if (depth > EMB_LITERAL_MAX_DEPTH) {
        return fail(ld, "literal nested too deep");
    }
    if (!read_u8(c, &tag)) {
        return fail(ld, "truncated literal");
    }
    switch (tag) {
    case EMB_LIT_INT:
        if (!read_u64(c, &u64)) {
            return fail(ld, "truncated integer literal");
        }
        *out = term_make_int(ld->scratch, (int64_t)u64);
        return true;
    case EMB_LIT_BIGINT: {
        uint8_t negative;
        if (!read_u8(c, &negative) || !read_u32(c, &u32) || !read_bytes(c, u32, &bytes)) {
            return fail(ld, "truncated integer literal");
        }
        Term magnitude;
        if (u32 == 0 || !bigint_from_string(ld->scratch, (const char *)bytes, u32, 10, &magnitude)) {
            return fail(ld, "bad integer literal");
        }
        *out = negative ? bigint_neg(ld->scratch, magnitude) : magnitude;
        return true;
    }
    case EMB_LIT_FLOAT: {
        double d;
        if (!read_u64(c, &u64)) {
            return fail(ld, "truncated float literal");
        }
        memcpy(&d, &u64, sizeof d);
        *out = term_make_float(ld->scratch, d);
        return true;
    }
    case EMB_LIT_ATOM:
        if (!read_u32(c, &u32) || u32 >= ld->mod->atom_count) {
            return fail(ld, "bad atom literal");
        }
        *out = term_from_atom(ld->mod->atom_map[u32]);
        return true;
    case EMB_LIT_BINARY:
        if (!read_u32(c, &u32) || !read_bytes(c, u32, &bytes)) {
            return fail(ld, "truncated binary literal");
        }
        *out = term_make_binary(ld->scratch, bytes, u32);
        return true;
    case EMB_LIT_NIL:
        *out = TERM_NIL;
        return true;
    case EMB_LIT_LIST:
    case EMB_LIT_TUPLE:
    case EMB_LIT_MAP:
        return load_compound_literal(ld, c, tag, depth, out);
    default:
        return fail(ld, "unknown literal tag %u", tag);
    }
}

static bool load_literals(Loader *ld, Cursor *c)
{
    uint32_t count;
    if (!read_count(c, 1, &count)) {
        return fail(ld, "bad literal table");
    }
    ld->mod->literals = em_calloc(count ? count : 1, sizeof(Term));
    ld->mod->literal_count = count;
    for (uint32_t i = 0; i < count; i++) {
        if (!load_literal(ld, c, 0, &ld->mod->literals[i])) {
            return false;
        }
    }
    return true;
}

static const char *atom_text(Loader *ld, Term atom)
{
    return atom_name(ld->vm->atoms, term_to_atom(atom), NULL);
}

static bool load_imports(Loader *ld, Cursor *c)
{
    uint32_t count;
    if (!read_count(c, 12, &count)) {
        return fail(ld, "bad import table");
    }
    Module *mod = ld->mod;
    mod->imports = em_calloc(count ? count : 1, sizeof(Import));
    mod->import_count = count;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t m = 0;
        uint32_t f = 0;
        uint32_t arity = 0;
        read_u32(c, &m);
        read_u32(c, &f);
        read_u32(c, &arity);
        if (m >= mod->atom_count || f >= mod->atom_count || arity > EMB_MAX_ARITY) {
            return fail(ld, "bad import %u", i);
        }
        Import *imp = &mod->imports[i];
        imp->module = term_from_atom(mod->atom_map[m]);
        imp->name = term_from_atom(mod->atom_map[f]);
        imp->arity = arity;
        BuiltinId id;
        imp->builtin = builtin_find(atom_text(ld, imp->module), atom_text(ld, imp->name), arity, &id)
                           ? (int32_t)id
                           : -1;
    }
    return true;
}

static bool load_functions(Loader *ld, Cursor *c)
{
    uint32_t count;
    if (!read_count(c, 28, &count)) {
        return fail(ld, "bad function table");
    }
    Module *mod = ld->mod;
    mod->functions = em_calloc(count ? count : 1, sizeof(Function));
    mod->function_count = count;
    for (uint32_t i = 0; i < count; i++) {
        uint32_t w[7] = {0};
        for (int k = 0; k < 7; k++) {
            read_u32(c, &w[k]);
        }
        Function *fn = &mod->functions[i];
        if (w[0] >= mod->atom_count || w[1] > EMB_MAX_ARITY || w[3] > EMB_MAX_REGISTERS ||
            (uint64_t)w[1] + w[2] > w[3]) {
            return fail(ld, "bad function %u", i);
        }
        *fn = (Function){.module = mod, .name = term_from_atom(mod->atom_map[w[0]]),
                         .arity = w[1], .free_count = w[2], .frame_size = w[3], .flags = w[4],
                         .index = i, .code = NULL, .code_len = w[6]};
        fn->code_len = w[6];
        // Code offsets are checked against the code section once it is read.
        fn->code = (const uint32_t *)(uintptr_t)w[5];
    }
    return true;
}

static bool load_code(Loader *ld, Cursor *c)
{
    uint32_t count;
    if (!read_count(c, 4, &count)) {
        return fail(ld, "bad code section");
    }
    Module *mod = ld->mod;
    mod->code = em_malloc(((size_t)count + 1) * sizeof(uint32_t));
    mod->code_len = count;
    for (uint32_t i = 0; i < count; i++) {
        read_u32(c, &mod->code[i]);
    }
    for (uint32_t i = 0; i < mod->function_count; i++) {
        Function *fn = &mod->functions[i];
        uint64_t offset = (uintptr_t)fn->code;
        if (fn->code_len == 0 || offset + fn->code_len > count) {
            return fail(ld, "function %u code out of range", i);
        }
        fn->code = mod->code + offset;
    }
    return true;
}

static bool load_lines(Loader *ld, Cursor *c)
{
    uint32_t count;
    if (!read_count(c, 8, &count)) {
        return fail(ld, "bad line table");
    }
    Module *mod = ld->mod;
    mod->lines = em_calloc(count ? count : 1, sizeof(LineEntry));
    mod->line_count = count;
    for (uint32_t i = 0; i < count; i++) {
        read_u32(c, &mod->lines[i].offset);
        read_u32(c, &mod->lines[i].line);
        if (mod->lines[i].offset >= mod->code_len ||
            (i > 0 && mod->lines[i].offset < mod->lines[i - 1].offset)) {
            return fail(ld, "bad line table entry %u", i);
        }
    }
    return true;
}

static bool load_source(Loader *ld, Cursor *c)
{
    uint32_t len;
    const uint8_t *bytes;
    if (!read_u32(c, &len) || !read_bytes(c, len, &bytes)) {
        return fail(ld, "bad source section");
    }
    ld->mod->source = term_make_binary(ld->scratch, bytes, len);
    return true;
}

typedef bool (*SectionLoader)(Loader *ld, Cursor *c);

static const SectionLoader section_loaders[EMB_SEC_COUNT_PLUS_ONE] = {
    [EMB_SEC_ATOMS] = load_atoms,         [EMB_SEC_LITERALS] = load_literals,
    [EMB_SEC_IMPORTS] = load_imports,     [EMB_SEC_FUNCTIONS] = load_functions,
    [EMB_SEC_CODE] = load_code,           [EMB_SEC_LINES] = load_lines,
    [EMB_SEC_SOURCE] = load_source,
};

static bool load_sections(Loader *ld, Cursor *body)
{
    for (uint32_t want = 1; want < EMB_SEC_COUNT_PLUS_ONE; want++) {
        uint32_t id;
        uint32_t size;
        const uint8_t *bytes;
        if (!read_u32(body, &id) || !read_u32(body, &size) || !read_bytes(body, size, &bytes)) {
            return fail(ld, "truncated section");
        }
        if (id != want) {
            return fail(ld, "section %u out of order (expected %u)", id, want);
        }
        Cursor sec = {bytes, bytes + size};
        if (!section_loaders[id](ld, &sec)) {
            return false;
        }
        if (sec.pos != sec.end) {
            return fail(ld, "section %u has %zu trailing bytes", id, (size_t)(sec.end - sec.pos));
        }
    }
    if (body->pos != body->end) {
        return fail(ld, "trailing bytes after the last section");
    }
    return true;
}

static bool check_header(Loader *ld, const uint8_t *bytes, size_t size, Cursor *body)
{
    if (size < EMB_HEADER_SIZE || memcmp(bytes, EMB_MAGIC, 4) != 0) {
        return fail(ld, "not an Ember bytecode file");
    }
    Cursor c = {bytes + 4, bytes + EMB_HEADER_SIZE};
    uint32_t version = 0;
    uint32_t checksum = 0;
    uint32_t body_size = 0;
    read_u32(&c, &version);
    read_u32(&c, &checksum);
    read_u32(&c, &body_size);
    if (version != EMB_FORMAT_VERSION) {
        return fail(ld, "bytecode format version %u, expected %u", version, EMB_FORMAT_VERSION);
    }
    if ((uint64_t)body_size != size - EMB_HEADER_SIZE) {
        return fail(ld, "file size does not match its header");
    }
    if (emb_checksum(bytes + EMB_HEADER_SIZE, body_size) != checksum) {
        return fail(ld, "checksum mismatch");
    }
    *body = (Cursor){bytes + EMB_HEADER_SIZE, bytes + size};
    return true;
}

// Turns imports of C built-ins into direct built-in calls.
static void link_builtins(Module *mod)
{
    for (uint32_t fi = 0; fi < mod->function_count; fi++) {
        const Function *fn = &mod->functions[fi];
        uint32_t *code = mod->code + (fn->code - mod->code);
        for (uint32_t pc = 0; pc < fn->code_len; pc += opcode_length(code[pc] & 0xff)) {
            if ((code[pc] & 0xff) == OP_CALL_EXT && mod->imports[code[pc + 1]].builtin >= 0) {
                code[pc] = (code[pc] & ~0xffu) | OP_CALL_BI;
                code[pc + 1] = (uint32_t)mod->imports[code[pc + 1]].builtin;
            }
        }
    }
}

Module *loader_load(Vm *vm, const uint8_t *bytes, size_t size, char *err, size_t err_size)
{
    Loader ld = {.vm = vm, .err = err, .err_size = err_size};
    Cursor body = {NULL, NULL};
    if (!check_header(&ld, bytes, size, &body)) {
        return NULL;
    }
    ld.mod = em_calloc(1, sizeof(Module));
    ld.scratch = proc_new(vm);
    ld.mod->source = TERM_NIL;
    bool ok = load_sections(&ld, &body) && verify_module(ld.mod, err, err_size);
    // The scratch heap becomes the literal area (even on failure, so it is freed in one place).
    ld.mod->literal_heap = ld.scratch->heap;
    heap_init(&ld.scratch->heap);
    proc_free(ld.scratch);
    if (!ok) {
        loader_free_module(ld.mod);
        return NULL;
    }
    link_builtins(ld.mod);
    return ld.mod;
}

void loader_free_module(Module *mod)
{
    if (mod == NULL) {
        return;
    }
    heap_destroy(&mod->literal_heap);
    free(mod->code);
    free(mod->functions);
    free(mod->imports);
    free(mod->literals);
    free(mod->atom_map);
    free(mod->lines);
    free(mod);
}

// ==== Term blobs (Code.string_to_quoted, Code.eval_quoted) ====

bool loader_decode_term(Process *p, const uint8_t *bytes, size_t size, Term *out, char *err,
                        size_t err_size)
{
    Module tmp = {0};
    Loader ld = {.vm = p->vm, .mod = &tmp, .scratch = p, .err = err, .err_size = err_size};
    Cursor c = {bytes, bytes + size};
    uint32_t count;
    bool ok = read_count(&c, 4, &count);
    if (!ok) {
        return fail(&ld, "bad atom table");
    }
    tmp.atom_map = em_calloc(count ? count : 1, sizeof(uint32_t));
    tmp.atom_count = count;
    for (uint32_t i = 0; ok && i < count; i++) {
        uint32_t len;
        const uint8_t *text;
        if (!read_u32(&c, &len) || !read_bytes(&c, len, &text)) {
            ok = fail(&ld, "truncated atom table");
        } else if (!atom_intern(p->vm->atoms, (const char *)text, len, &tmp.atom_map[i])) {
            ok = fail(&ld, "atom %u too long", i);
        }
    }
    ok = ok && load_literal(&ld, &c, 0, out);
    if (ok && c.pos != c.end) {
        ok = fail(&ld, "trailing bytes after the term");
    }
    free(tmp.atom_map);
    return ok;
}
