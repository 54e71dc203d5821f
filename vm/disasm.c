// Disassembler: walks the sections of an .emb file with a bounds-checked cursor and prints
// every instruction from its opcodes.def signature (no per-opcode code). Operands print as
// rN (registers), kN (literals), :atom, eN (imports), fN (functions), @offset (jump targets,
// absolute within the function), bare numbers (counts, immediates, type/error codes).
#include "disasm.h"

#include <stdbool.h>
#include <string.h>

#include "bytecode.h"
#include "opcodes.h"

typedef struct Cursor {
    const uint8_t *p;
    const uint8_t *end;
    bool ok;
} Cursor;

static uint32_t rd_u32(Cursor *c)
{
    if (!c->ok || c->end - c->p < 4) {
        c->ok = false;
        return 0;
    }
    uint32_t v = (uint32_t)c->p[0] | (uint32_t)c->p[1] << 8 | (uint32_t)c->p[2] << 16 |
                 (uint32_t)c->p[3] << 24;
    c->p += 4;
    return v;
}

static uint8_t rd_u8(Cursor *c)
{
    if (!c->ok || c->end - c->p < 1) {
        c->ok = false;
        return 0;
    }
    return *c->p++;
}

// The module's sections, located once.
typedef struct Sections {
    Cursor sec[EMB_SEC_COUNT_PLUS_ONE];
} Sections;

// Name of atom [index]: pointer into the atoms section and its length.
static bool atom_text(const Sections *s, uint32_t index, const char **text, uint32_t *len)
{
    Cursor c = s->sec[EMB_SEC_ATOMS];
    uint32_t count = rd_u32(&c);
    if (index >= count) {
        return false;
    }
    for (uint32_t i = 0; c.ok && i <= index; i++) {
        *len = rd_u32(&c);
        if ((size_t)(c.end - c.p) < *len) {
            return false;
        }
        *text = (const char *)c.p;
        c.p += *len;
    }
    return c.ok;
}

static void print_atom(const Sections *s, uint32_t index, FILE *out)
{
    const char *text;
    uint32_t len;
    if (atom_text(s, index, &text, &len)) {
        fprintf(out, "%.*s", (int)len, text);
    } else {
        fprintf(out, "<atom %u?>", index);
    }
}

static bool print_literal(const Sections *s, Cursor *c, FILE *out, int depth);

// Prints a binary literal (tag already read), escaping non-printable bytes, at most 60 bytes.
static bool print_binary(Cursor *c, FILE *out)
{
    uint32_t n = rd_u32(c);
    if (!c->ok || (size_t)(c->end - c->p) < n) {
        return false;
    }
    fputc('"', out);
    for (uint32_t i = 0; i < n && i < 60; i++) {
        uint8_t ch = c->p[i];
        fprintf(out, ch >= 32 && ch < 127 && ch != '"' && ch != '\\' ? "%c" : "\\x%02x", ch);
    }
    fputs(n > 60 ? "...\"" : "\"", out);
    c->p += n;
    return true;
}

// Prints a list, tuple or map literal whose tag [tag] has been read.
static bool print_container(const Sections *s, Cursor *c, uint8_t tag, FILE *out, int depth)
{
    uint32_t n = rd_u32(c);
    bool is_map = tag == EMB_LIT_MAP;
    fputs(tag == EMB_LIT_LIST ? "[" : is_map ? "%{" : "{", out);
    for (uint32_t i = 0; c->ok && i < n; i++) {
        fputs(i ? ", " : "", out);
        if (!print_literal(s, c, out, depth + 1)) {
            return false;
        }
        if (is_map) {
            fputs(" => ", out);
            if (!print_literal(s, c, out, depth + 1)) {
                return false;
            }
        }
    }
    if (tag == EMB_LIT_LIST) {
        fputs(" | ", out);
        if (!print_literal(s, c, out, depth + 1)) {
            return false;
        }
    }
    fputs(tag == EMB_LIT_LIST ? "]" : "}", out);
    return c->ok;
}

// Prints one literal at [c]; false when malformed.
static bool print_literal(const Sections *s, Cursor *c, FILE *out, int depth)
{
    if (depth > EMB_LITERAL_MAX_DEPTH) {
        return false;
    }
    uint8_t tag = rd_u8(c);
    uint32_t n;
    switch (tag) {
    case EMB_LIT_INT: {
        uint64_t lo = rd_u32(c);
        uint64_t hi = rd_u32(c);
        fprintf(out, "%lld", (long long)(int64_t)(lo | hi << 32));
        break;
    }
    case EMB_LIT_BIGINT: {
        uint8_t neg = rd_u8(c);
        n = rd_u32(c);
        if (!c->ok || (size_t)(c->end - c->p) < n) {
            return false;
        }
        fprintf(out, "%s%.*s", neg ? "-" : "", (int)n, (const char *)c->p);
        c->p += n;
        break;
    }
    case EMB_LIT_FLOAT: {
        uint8_t b[8];
        double d;
        for (int i = 0; i < 8; i++) {
            b[i] = rd_u8(c);
        }
        memcpy(&d, b, 8);
        fprintf(out, "%g", d);
        break;
    }
    case EMB_LIT_ATOM:
        fputc(':', out);
        print_atom(s, rd_u32(c), out);
        break;
    case EMB_LIT_BINARY:
        return print_binary(c, out);
    case EMB_LIT_NIL:
        fputs("[]", out);
        break;
    case EMB_LIT_LIST:
    case EMB_LIT_TUPLE:
    case EMB_LIT_MAP:
        return print_container(s, c, tag, out, depth);
    default:
        return false;
    }
    return c->ok;
}

// Moves [c] past one literal; false when malformed.
static bool skip_literal(Cursor *c, int depth)
{
    if (depth > EMB_LITERAL_MAX_DEPTH) {
        return false;
    }
    uint8_t tag = rd_u8(c);
    uint32_t n;
    size_t fixed[] = {0, 8, 0, 8, 4, 0, 0};
    if (tag == EMB_LIT_INT || tag == EMB_LIT_FLOAT || tag == EMB_LIT_ATOM) {
        n = (uint32_t)fixed[tag];
    } else if (tag == EMB_LIT_BIGINT || tag == EMB_LIT_BINARY) {
        if (tag == EMB_LIT_BIGINT) {
            rd_u8(c);
        }
        n = rd_u32(c);
    } else if (tag == EMB_LIT_NIL) {
        return c->ok;
    } else if (tag == EMB_LIT_LIST || tag == EMB_LIT_TUPLE || tag == EMB_LIT_MAP) {
        n = rd_u32(c);
        uint32_t items = tag == EMB_LIT_MAP ? 2 * n : tag == EMB_LIT_LIST ? n + 1 : n;
        for (uint32_t i = 0; c->ok && i < items; i++) {
            if (!skip_literal(c, depth + 1)) {
                return false;
            }
        }
        return c->ok;
    } else {
        return false;
    }
    if (!c->ok || (size_t)(c->end - c->p) < n) {
        return false;
    }
    c->p += n;
    return true;
}

static void print_import(const Sections *s, uint32_t index, FILE *out)
{
    Cursor c = s->sec[EMB_SEC_IMPORTS];
    uint32_t count = rd_u32(&c);
    if (index >= count || (size_t)(c.end - c.p) / 12 <= index) {
        fputs("<bad import>", out);
        return;
    }
    c.p += 12 * (size_t)index;
    uint32_t mod = rd_u32(&c);
    uint32_t fun = rd_u32(&c);
    uint32_t arity = rd_u32(&c);
    print_atom(s, mod, out);
    fputc('.', out);
    print_atom(s, fun, out);
    fprintf(out, "/%u", arity);
}

uint32_t disasm_instruction(const uint32_t *code, uint32_t avail, FILE *out)
{
    if (avail == 0 || (code[0] & 0xffu) >= OP_COUNT) {
        return 0;
    }
    Opcode op = (Opcode)(code[0] & 0xffu);
    uint32_t len = opcode_length(op);
    if (len > avail) {
        return 0;
    }
    const char *sig = opcode_info[op].signature;
    fprintf(out, "%-16s", opcode_info[op].name);
    for (uint32_t i = 0; sig[i]; i++) {
        int32_t v = opcode_operand(code, i);
        fputs(i ? ", " : " ", out);
        switch (sig[i]) {
        case 'd': case 'r': fprintf(out, "r%d", v); break;
        case 'k': fprintf(out, "k%d", v); break;
        case 'a': fprintf(out, "a%d", v); break;
        case 'e': fprintf(out, "e%d", v); break;
        case 'f': fprintf(out, "f%d", v); break;
        case 'b': fprintf(out, "b%d", v); break;
        case 'j': fprintf(out, "%+d", v); break;
        default: fprintf(out, "%d", v); break;
        }
    }
    return len;
}

// Comments after an instruction: the atoms, imports, literals, functions and jump targets
// its operands name.
static void annotate(const Sections *s, const uint32_t *code, uint32_t pc, FILE *out)
{
    const char *sig = opcode_info[code[0] & 0xffu].signature;
    uint32_t len = opcode_length((Opcode)(code[0] & 0xffu));
    const char *sep = "  ; ";
    for (uint32_t i = 0; sig[i]; i++) {
        int32_t v = opcode_operand(code, i);
        if (strchr("aekj", sig[i]) == NULL) {
            continue;
        }
        fputs(sep, out);
        sep = " ";
        if (sig[i] == 'a') {
            fputc(':', out);
            print_atom(s, (uint32_t)v, out);
        } else if (sig[i] == 'e') {
            print_import(s, (uint32_t)v, out);
        } else if (sig[i] == 'j') {
            fprintf(out, "-> %u", pc + len + (uint32_t)v);
        } else {
            Cursor c = s->sec[EMB_SEC_LITERALS];
            uint32_t count = rd_u32(&c);
            for (uint32_t k = 0; c.ok && k < (uint32_t)v && k < count; k++) {
                c.ok = skip_literal(&c, 0);
            }
            if (!c.ok || (uint32_t)v >= count || !print_literal(s, &c, out, 0)) {
                fputs("<bad literal>", out);
            }
        }
    }
}

static bool find_sections(const uint8_t *bytes, size_t size, Sections *s, FILE *out)
{
    memset(s, 0, sizeof *s);
    if (size < EMB_HEADER_SIZE || memcmp(bytes, EMB_MAGIC, 4) != 0) {
        fputs("; error: not an .emb file\n", out);
        return false;
    }
    Cursor c = {bytes + 4, bytes + size, true};
    uint32_t version = rd_u32(&c);
    uint32_t checksum = rd_u32(&c);
    uint32_t body_size = rd_u32(&c);
    if (body_size > size - EMB_HEADER_SIZE) {
        fputs("; error: truncated file\n", out);
        return false;
    }
    if (version != EMB_FORMAT_VERSION || checksum != emb_checksum(c.p, body_size)) {
        fprintf(out, "; warning: version %u, checksum %s\n", version,
                checksum == emb_checksum(c.p, body_size) ? "ok" : "BAD");
    }
    c.end = c.p + body_size;
    while (c.ok && c.p < c.end) {
        uint32_t id = rd_u32(&c);
        uint32_t len = rd_u32(&c);
        if (!c.ok || (size_t)(c.end - c.p) < len) {
            fputs("; error: truncated section\n", out);
            return false;
        }
        if (id > 0 && id < EMB_SEC_COUNT_PLUS_ONE) {
            s->sec[id] = (Cursor){c.p, c.p + len, true};
        }
        c.p += len;
    }
    return true;
}

static void print_tables(const Sections *s, FILE *out)
{
    fputs("module ", out);
    print_atom(s, 0, out);
    Cursor src = s->sec[EMB_SEC_SOURCE];
    uint32_t len = rd_u32(&src);
    if (src.ok && (size_t)(src.end - src.p) >= len) {
        fprintf(out, " (%.*s)", (int)len, (const char *)src.p);
    }
    fputc('\n', out);
    Cursor c = s->sec[EMB_SEC_IMPORTS];
    uint32_t count = rd_u32(&c);
    for (uint32_t i = 0; c.ok && i < count && i < 100000; i++) {
        fprintf(out, "  import e%u: ", i);
        print_import(s, i, out);
        fputc('\n', out);
    }
    c = s->sec[EMB_SEC_LITERALS];
    count = rd_u32(&c);
    for (uint32_t i = 0; c.ok && i < count && i < 100000; i++) {
        fprintf(out, "  literal k%u: ", i);
        if (!print_literal(s, &c, out, 0)) {
            fputs("<malformed>\n", out);
            return;
        }
        fputc('\n', out);
    }
}

static void print_function(const Sections *s, Cursor *fc, uint32_t index, FILE *out)
{
    uint32_t w[7];
    for (int i = 0; i < 7; i++) {
        w[i] = rd_u32(fc);
    }
    if (!fc->ok) {
        fputs("; error: truncated function table\n", out);
        return;
    }
    fprintf(out, "\nfunction f%u ", index);
    print_atom(s, w[0], out);
    fprintf(out, "/%u  free=%u frame=%u%s%s\n", w[1], w[2], w[3],
            w[4] & EMB_FN_EXPORTED ? " exported" : "", w[4] & EMB_FN_LAMBDA ? " lambda" : "");
    Cursor cc = s->sec[EMB_SEC_CODE];
    uint32_t words = rd_u32(&cc);
    if (!cc.ok || (size_t)(cc.end - cc.p) / 4 < words || w[5] > words || w[6] > words - w[5]) {
        fputs("; error: code out of range\n", out);
        return;
    }
    const uint8_t *base = cc.p + 4 * (size_t)w[5];
    for (uint32_t pc = 0; pc < w[6];) {
        uint32_t code[8] = {0};
        uint32_t avail = w[6] - pc < 8 ? w[6] - pc : 8;
        memcpy(code, base + 4 * (size_t)pc, 4 * (size_t)avail);
        fprintf(out, "  %4u  ", pc);
        uint32_t len = disasm_instruction(code, avail, out);
        if (len == 0) {
            fprintf(out, "; error: bad instruction word 0x%08x\n", code[0]);
            return;
        }
        annotate(s, code, pc, out);
        fputc('\n', out);
        pc += len;
    }
}

void disasm_module_bytes(const uint8_t *bytes, size_t size, FILE *out)
{
    Sections s;
    if (!find_sections(bytes, size, &s, out)) {
        return;
    }
    print_tables(&s, out);
    Cursor fc = s.sec[EMB_SEC_FUNCTIONS];
    uint32_t count = rd_u32(&fc);
    for (uint32_t i = 0; fc.ok && i < count; i++) {
        print_function(&s, &fc, i, out);
    }
}
