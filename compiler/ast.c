// AST storage (a bump arena per compile) and the printer that writes a tree exactly as Elixir's
// inspect/2 writes the quoted form with all metadata stripped, using the options
// `limit: :infinity, printable_limit: :infinity, width: :infinity, charlists: :as_lists`.
// The printer never allocates outside the arena and never fails on a well-formed tree.
#include "ast.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"

// Defined by the VM (vm/vm.h); the compiler only needs the prototype.
_Noreturn void fatal_oom(void);

// ==== Arena ====

// Chunks are at least this big; larger requests get a chunk of their own.
#define ARENA_CHUNK_SIZE (64u * 1024u)

typedef struct Chunk Chunk;
struct Chunk {
    Chunk *next;
    size_t used;
    size_t size;
    _Alignas(16) unsigned char data[];
};

struct Arena {
    Chunk *head;
};

Arena *arena_new(void)
{
    return calloc(1, sizeof(Arena));
}

void arena_free(Arena *arena)
{
    if (arena == NULL) {
        return;
    }
    Chunk *c = arena->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(arena);
}

void *arena_alloc(Arena *arena, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    Chunk *c = arena->head;
    if (c == NULL || c->size - c->used < size) {
        size_t chunk = size > ARENA_CHUNK_SIZE ? size : ARENA_CHUNK_SIZE;
        c = malloc(sizeof(Chunk) + chunk);
        if (c == NULL) {
            fatal_oom();
        }
        c->used = 0;
        c->size = chunk;
        c->next = arena->head;
        arena->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strdup(Arena *arena, const char *s, size_t len)
{
    char *copy = arena_alloc(arena, len + 1);
    if (len) {
        memcpy(copy, s, len);
    }
    copy[len] = '\0';
    return copy;
}

// ==== Nodes ====

AstNode *ast_new(Arena *arena, AstKind kind, uint32_t line, uint32_t col)
{
    AstNode *n = arena_alloc(arena, sizeof(AstNode));
    n->kind = kind;
    n->line = line;
    n->col = col;
    return n;
}

void ast_push(Arena *arena, AstNode *node, AstNode *kid)
{
    uint32_t n = node->nkids;
    if ((n & (n - 1)) == 0) { // grow at 0, 1, 2, 4, 8, ...
        uint32_t cap = n ? n * 2 : 1;
        AstNode **kids = arena_alloc(arena, cap * sizeof(AstNode *));
        if (n) {
            memcpy(kids, node->kids, n * sizeof(AstNode *));
        }
        node->kids = kids;
    }
    node->kids[node->nkids++] = kid;
}

int ast_is_named(const AstNode *node, AstKind kind, const char *name)
{
    return node != NULL && node->kind == kind && node->text != NULL &&
           strlen(name) == node->text_len && memcmp(node->text, name, node->text_len) == 0;
}

// ==== Printing atoms ====

static bool is_alias_chain(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (!(s[i] >= 'A' && s[i] <= 'Z')) {
            return false;
        }
        while (i < len && s[i] != '.') {
            char c = s[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_')) {
                return false;
            }
            i++;
        }
        if (i < len) {
            i++;
            if (i == len) {
                return false;
            }
        }
    }
    return len > 0;
}

static const char *const unquoted_operators[] = {
    "+", "-", "*", "/", "=", "==", "===", "!=", "!==", "=~", "<", ">", "<=", ">=", "&&", "&&&",
    "||", "|||", "!", "<>", "++", "--", "+++", "---", "..", "...", "..//", "<-", "->", "|",
    "|>", "@", "&", "^", "\\\\", "<<>>", "%{}", "{}", "%", ".", "**", "<<<", ">>>", "<<~",
    "~>>", "<~", "~>", "<~>", "and", "or", "not", "in", "when",
};

static bool is_plain_atom(const char *s, size_t len)
{
    if (len == 0) {
        return false;
    }
    for (size_t i = 0; i < sizeof unquoted_operators / sizeof unquoted_operators[0]; i++) {
        if (strlen(unquoted_operators[i]) == len && memcmp(unquoted_operators[i], s, len) == 0) {
            return true;
        }
    }
    size_t i = 0;
    unsigned char c0 = (unsigned char)s[0];
    if (c0 >= 0x80) {
        return lexer_is_identifier(s, len);
    }
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '_')) {
        return false;
    }
    for (i = 1; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '@' || c >= 0x80;
        if (!ok) {
            break;
        }
    }
    if (i < len && (s[i] == '?' || s[i] == '!')) {
        i++;
    }
    if (i != len) {
        return false;
    }
    for (size_t j = 0; j < len; j++) {
        if ((unsigned char)s[j] >= 0x80) {
            return lexer_is_identifier(s, len);
        }
    }
    return true;
}

static void print_escaped(FILE *out, const char *s, size_t len, char quote)
{
    fputc(quote, out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        switch (c) {
        case '\a': esc = "\\a"; break;
        case '\b': esc = "\\b"; break;
        case 127: esc = "\\d"; break;
        case 27: esc = "\\e"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\v': esc = "\\v"; break;
        case '\\': esc = "\\\\"; break;
        default: break;
        }
        if (esc) {
            fputs(esc, out);
        } else if (c == (unsigned char)quote) {
            fputc('\\', out);
            fputc(c, out);
        } else if (c == '#' && i + 1 < len && s[i + 1] == '{') {
            fputs("\\#", out);
        } else {
            fputc(c, out);
        }
    }
    fputc(quote, out);
}

static void print_atom(FILE *out, const char *s, size_t len)
{
    if ((len == 3 && memcmp(s, "nil", 3) == 0) || (len == 4 && memcmp(s, "true", 4) == 0) ||
        (len == 5 && memcmp(s, "false", 5) == 0)) {
        fwrite(s, 1, len, out);
    } else if (len == 6 && memcmp(s, "Elixir", 6) == 0) {
        fputs("Elixir", out);
    } else if (len > 7 && memcmp(s, "Elixir.", 7) == 0 && is_alias_chain(s + 7, len - 7)) {
        fwrite(s + 7, 1, len - 7, out);
    } else if (is_plain_atom(s, len)) {
        fputc(':', out);
        fwrite(s, 1, len, out);
    } else {
        fputc(':', out);
        print_escaped(out, s, len, '"');
    }
}

// ==== Printing strings and numbers ====

static int decode_utf8(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
    int n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3
          : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || p + n > end) {
        return 0;
    }
    uint32_t c = n == 1 ? p[0] : n == 2 ? p[0] & 0x1Fu : n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min_for_len[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return n;
}

// String.printable?/1 of Elixir 1.14.
static bool is_printable(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    while (p < end) {
        uint32_t c = 0;
        int n = decode_utf8(p, end, &c);
        if (n == 0) {
            return false;
        }
        bool ok = (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) ||
                  (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF) ||
                  c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\b' || c == '\f' ||
                  c == 27 || c == 127 || c == 7;
        if (!ok) {
            return false;
        }
        p += n;
    }
    return true;
}

static void print_string(FILE *out, const char *s, size_t len)
{
    if (is_printable(s, len)) {
        print_escaped(out, s, len, '"');
        return;
    }
    fputs("<<", out);
    for (size_t i = 0; i < len; i++) {
        fprintf(out, "%s%u", i ? ", " : "", (unsigned char)s[i]);
    }
    fputs(">>", out);
}

static void print_charlist(FILE *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    fputc('[', out);
    bool first = true;
    while (p < end) {
        uint32_t c = 0;
        int n = decode_utf8(p, end, &c);
        if (n == 0) {
            c = *p;
            n = 1;
        }
        fprintf(out, "%s%u", first ? "" : ", ", c);
        first = false;
        p += n;
    }
    fputc(']', out);
}

// Erlang's io_lib_format:fwrite_g/1 placement of the shortest round-trip digits.
static void print_float_digits(FILE *out, const char *digits, int place)
{
    int len = (int)strlen(digits);
    if (place > 0 && place < len) {
        fprintf(out, "%.*s.%s", place, digits, digits + place);
        return;
    }
    if (place == 0) {
        fprintf(out, "0.%s", digits);
        return;
    }
    char exp[16];
    snprintf(exp, sizeof exp, "%d", place - 1);
    int cost = (int)strlen(exp) + 1 + (len == 1 ? 2 : 1);
    // Whole numbers below 1e16 never get here (print_float writes them out), and Erlang's
    // float_to_list(F, [short]) writes every larger one with an exponent.
    if (place < 0 && 2 - place <= cost) {
        fprintf(out, "0.%0*d%s", -place, 0, digits);
    } else if (len == 1) {
        fprintf(out, "%s.0e%s", digits, exp);
    } else {
        fprintf(out, "%c.%se%s", digits[0], digits + 1, exp);
    }
}

static void print_float(FILE *out, double f)
{
    if (f < 0 || (f == 0 && signbit(f))) {
        fputc('-', out);
        f = -f;
    }
    if (f == floor(f) && f < 1e16) {
        fprintf(out, "%.0f.0", f);
        return;
    }
    char buf[40];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec, f);
        if (strtod(buf, NULL) == f) {
            break;
        }
    }
    // buf is "d.ddde[+-]xx": collect the digits and the decimal exponent.
    char digits[24];
    int n = 0;
    char *e = strchr(buf, 'e');
    for (char *q = buf; q < e; q++) {
        if (*q != '.') {
            digits[n++] = *q;
        }
    }
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    print_float_digits(out, digits, atoi(e + 1) + 1);
}

// ==== Printing trees ====

static void print_node(FILE *out, const AstNode *n);

static bool is_keyword_list(const AstNode *n);
static void print_keyword_list(FILE *out, const AstNode *n);

// Prints [n]'s kids as an Elixir list (keyword syntax when every kid is an atom-keyed pair).
static void print_kids(FILE *out, const AstNode *n)
{
    if (is_keyword_list(n)) {
        print_keyword_list(out, n);
        return;
    }
    fputc('[', out);
    for (uint32_t i = 0; i < n->nkids; i++) {
        if (i) {
            fputs(", ", out);
        }
        print_node(out, n->kids[i]);
    }
    fputc(']', out);
}

static bool is_keyword_list(const AstNode *n)
{
    if (n->nkids == 0) {
        return false;
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *k = n->kids[i];
        if (k->kind != AST_TUPLE || k->nkids != 2 || k->kids[0]->kind != AST_ATOM) {
            return false;
        }
        const AstNode *key = k->kids[0];
        if (key->text_len >= 7 && memcmp(key->text, "Elixir.", 7) == 0) {
            return false;
        }
    }
    return true;
}

// Keys print bare exactly when the atom does (`do:`, `Foo:`, `+:`, `foo@bar:`), as inspect/2's
// Code.Identifier.inspect_as_key does.
static bool is_key_plain(const char *s, size_t len)
{
    return is_plain_atom(s, len);
}

static void print_keyword_list(FILE *out, const AstNode *n)
{
    fputc('[', out);
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *key = n->kids[i]->kids[0];
        if (i) {
            fputs(", ", out);
        }
        bool plain = is_key_plain(key->text, key->text_len);
        if (plain) {
            fwrite(key->text, 1, key->text_len, out);
        } else {
            print_escaped(out, key->text, key->text_len, '"');
        }
        fputs(": ", out);
        print_node(out, n->kids[i]->kids[1]);
    }
    fputc(']', out);
}

static void print_alias(FILE *out, const AstNode *n)
{
    fputs("{:__aliases__, [], [", out);
    bool first = true;
    if (n->nkids > 0) {
        print_node(out, n->kids[0]);
        first = false;
    }
    const char *s = n->text;
    const char *end = n->text + n->text_len;
    while (s < end) {
        const char *dot = memchr(s, '.', (size_t)(end - s));
        const char *seg_end = dot ? dot : end;
        fputs(first ? "" : ", ", out);
        print_atom(out, s, (size_t)(seg_end - s));
        first = false;
        s = dot ? dot + 1 : end;
    }
    fputs("]}", out);
}

static void print_call(FILE *out, const AstNode *n)
{
    fputc('{', out);
    if (n->text == NULL && n->target) {
        print_node(out, n->target);
    } else {
        print_atom(out, n->text, n->text_len);
    }
    fputs(", [], ", out);
    print_kids(out, n);
    fputc('}', out);
}

// {a, b} for pairs, {:{}, [], [...]} for every other arity.
static void print_tuple(FILE *out, const AstNode *n)
{
    if (n->nkids == 2) {
        fputc('{', out);
        print_node(out, n->kids[0]);
        fputs(", ", out);
        print_node(out, n->kids[1]);
        fputc('}', out);
        return;
    }
    fputs("{:{}, [], ", out);
    print_kids(out, n);
    fputc('}', out);
}

// {{:., [], [target, :name]}, [], args} or, for fun.(args), {{:., [], [fun]}, [], args}.
static void print_dot(FILE *out, const AstNode *n)
{
    fputs("{{:., [], [", out);
    print_node(out, n->target);
    if (n->kind == AST_REMOTE) {
        fputs(", ", out);
        print_atom(out, n->text, n->text_len);
    }
    fputs("]}, [], ", out);
    print_kids(out, n);
    fputc('}', out);
}

static void print_node(FILE *out, const AstNode *n)
{
    switch (n->kind) {
    case AST_INT:
        fprintf(out, "%lld", (long long)n->ival);
        break;
    case AST_BIGINT:
        fwrite(n->text, 1, n->text_len, out);
        break;
    case AST_FLOAT:
        print_float(out, n->fval);
        break;
    case AST_ATOM:
        print_atom(out, n->text, n->text_len);
        break;
    case AST_STRING:
        print_string(out, n->text, n->text_len);
        break;
    case AST_CHARLIST:
        print_charlist(out, n->text, n->text_len);
        break;
    case AST_LIST:
        print_kids(out, n);
        break;
    case AST_TUPLE:
        print_tuple(out, n);
        break;
    case AST_VAR:
        fputc('{', out);
        print_atom(out, n->text, n->text_len);
        fputs(", [], nil}", out);
        break;
    case AST_ALIAS:
        print_alias(out, n);
        break;
    case AST_CALL:
        print_call(out, n);
        break;
    case AST_REMOTE:
    case AST_DOT_CALL:
        print_dot(out, n);
        break;
    default:
        fputs("<?>", out);
        break;
    }
}

void ast_print(FILE *out, const AstNode *node)
{
    print_node(out, node);
}
