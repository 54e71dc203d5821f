// Test fixtures: minimal Vm and Process objects built directly on the data layer (atom.c,
// heap.c), so term, GC and inspect tests run without the scheduler or interpreter.
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "heap.h"
#include "inspect_text.h"

Vm *fixture_vm(void)
{
    Vm *vm = em_calloc(1, sizeof *vm);
    pthread_mutex_init(&vm->modules_lock, NULL);
    vm->atoms = atom_table_new();
    return vm;
}

Process *fixture_process(Vm *vm)
{
    Process *p = em_calloc(1, sizeof *p);
    p->vm = vm;
    heap_init(&p->heap);
    p->stack = em_calloc(FIXTURE_STACK_SIZE, sizeof(Term));
    p->stack_cap = FIXTURE_STACK_SIZE;
    p->stack_top = 0;
    p->exc_kind = TERM_NONE;
    p->exc_reason = TERM_NONE;
    p->exc_stack = TERM_NONE;
    p->dictionary = term_nil_atom();
    p->result = TERM_NONE;
    return p;
}

void fixture_free(Vm *vm, Process *p)
{
    if (p != NULL) {
        heap_destroy(&p->heap);
        free(p->stack);
        free(p);
    }
    if (vm != NULL) {
        atom_table_free(vm->atoms);
        pthread_mutex_destroy(&vm->modules_lock);
        free(vm);
    }
}

Term fixture_atom(Vm *vm, const char *name)
{
    uint32_t index = 0;
    atom_intern(vm->atoms, name, strlen(name), &index);
    return term_from_atom(index);
}

// ==== A small parser of Elixir literals, for table-driven tests ====

#include "bigint.h"
#include "map.h"

typedef struct Parser {
    Process *p;
    const char *s;
    bool failed;
} Parser;

static Term parse_term(Parser *ps);

static void skip_space(Parser *ps)
{
    while (*ps->s == ' ' || *ps->s == '\n') {
        ps->s++;
    }
}

static bool accept(Parser *ps, const char *tok)
{
    skip_space(ps);
    size_t n = strlen(tok);
    if (strncmp(ps->s, tok, n) == 0) {
        ps->s += n;
        return true;
    }
    return false;
}

static Term fail(Parser *ps)
{
    ps->failed = true;
    return term_nil_atom();
}

static Term make_atom(Parser *ps, const char *name, size_t len)
{
    uint32_t index = 0;
    atom_intern(ps->p->vm->atoms, name, len, &index);
    return term_from_atom(index);
}

static void put_utf8(StrBuf *b, uint32_t cp)
{
    char buf[4];
    size_t n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    strbuf_append(b, buf, n);
}

static char escape_char(char e)
{
    switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'e': return 27;
    case 'a': return 7;
    case 'b': return 8;
    case 'v': return 11;
    case 'f': return 12;
    case 'd': return 127;
    case '0': return 0;
    default: return e;
    }
}

// Reads a quoted text up to [delim] with Elixir's escapes into [out].
static void parse_quoted(Parser *ps, char delim, StrBuf *out)
{
    while (*ps->s != delim) {
        if (*ps->s == '\0') {
            ps->failed = true;
            return;
        }
        if (*ps->s != '\\') {
            strbuf_append(out, ps->s++, 1);
            continue;
        }
        char e = ps->s[1];
        ps->s += 2;
        if (e == 'x' || e == 'u') {
            bool brace = *ps->s == '{';
            ps->s += brace;
            char *end;
            unsigned long cp = strtoul(ps->s, &end, 16);
            ps->s = end + brace;
            if (e == 'x' && !brace) {
                char byte = (char)cp;
                strbuf_append(out, &byte, 1);
            } else {
                put_utf8(out, (uint32_t)cp);
            }
            continue;
        }
        char c = escape_char(e);
        strbuf_append(out, &c, 1);
    }
    ps->s++;
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '?' || c == '!' || c == '@' || (unsigned char)c >= 0x80;
}

// True when [start, end) closes more brackets than it opens (the rest belongs to a container).
static bool unbalanced(const char *start, const char *end)
{
    int depth = 0;
    for (const char *c = start; c < end; c++) {
        depth += (*c == '[' || *c == '{' || *c == '(') - (*c == ']' || *c == '}' || *c == ')');
    }
    return depth < 0;
}

static Term parse_atom(Parser *ps)
{
    if (*ps->s == '"') {
        ps->s++;
        StrBuf b;
        strbuf_init(&b);
        parse_quoted(ps, '"', &b);
        Term t = make_atom(ps, b.data == NULL ? "" : b.data, b.len);
        strbuf_free(&b);
        return t;
    }
    const char *start = ps->s;
    if (is_name_char(*ps->s)) {
        while (is_name_char(*ps->s)) {
            ps->s++;
        }
    } else {
        while (*ps->s != '\0' && strchr(" ,\n", *ps->s) == NULL) {
            ps->s++;
        }
        while (ps->s > start && strchr("]})", ps->s[-1]) != NULL && unbalanced(start, ps->s)) {
            ps->s--;
        }
    }
    return make_atom(ps, start, (size_t)(ps->s - start));
}

// An alias such as Foo.Bar as the atom Elixir.Foo.Bar.
static Term parse_alias(Parser *ps)
{
    StrBuf b;
    strbuf_init(&b);
    strbuf_append_cstr(&b, "Elixir.");
    const char *start = ps->s;
    while (is_name_char(*ps->s) || (*ps->s == '.' && ps->s[1] >= 'A' && ps->s[1] <= 'Z')) {
        ps->s++;
    }
    strbuf_append(&b, start, (size_t)(ps->s - start));
    Term t = make_atom(ps, b.data, b.len);
    strbuf_free(&b);
    return t;
}

static Term parse_number(Parser *ps)
{
    const char *start = ps->s;
    if (*ps->s == '-') {
        ps->s++;
    }
    while ((*ps->s >= '0' && *ps->s <= '9') || *ps->s == '_') {
        ps->s++;
    }
    bool is_float = *ps->s == '.' && ps->s[1] >= '0' && ps->s[1] <= '9';
    if (is_float) {
        char *end;
        double d = strtod(start, &end);
        ps->s = end;
        return term_make_float(ps->p, d);
    }
    char digits[512];
    size_t n = 0;
    for (const char *c = start; c < ps->s && n + 1 < sizeof digits; c++) {
        if (*c != '_') {
            digits[n++] = *c;
        }
    }
    Term t;
    if (!bigint_from_string(ps->p, digits, n, 10, &t)) {
        return fail(ps);
    }
    return t;
}

static Term parse_string(Parser *ps)
{
    StrBuf b;
    strbuf_init(&b);
    parse_quoted(ps, '"', &b);
    Term t = term_make_binary(ps->p, b.data, b.len);
    strbuf_free(&b);
    return t;
}

static Term parse_charlist(Parser *ps)
{
    StrBuf b;
    strbuf_init(&b);
    parse_quoted(ps, '\'', &b);
    Term items[4096];
    size_t n = 0;
    for (size_t i = 0; i < b.len && n < 4096; n++) {
        uint32_t cp;
        size_t k = inspect_utf8_decode((const uint8_t *)b.data + i, b.len - i, &cp);
        if (k == 0) {
            cp = (uint8_t)b.data[i];
            k = 1;
        }
        items[n] = term_from_small(cp);
        i += k;
    }
    strbuf_free(&b);
    return term_make_list(ps->p, n, items);
}

// `name: value` or `"quoted": value` inside a list or map: true with the key in *[key].
static bool parse_keyword_key(Parser *ps, Term *key)
{
    skip_space(ps);
    const char *save = ps->s;
    if (*ps->s == '"') {
        ps->s++;
        StrBuf b;
        strbuf_init(&b);
        parse_quoted(ps, '"', &b);
        bool ok = *ps->s == ':' && ps->s[1] == ' ';
        if (ok) {
            *key = make_atom(ps, b.data == NULL ? "" : b.data, b.len);
            ps->s += 2;
        }
        strbuf_free(&b);
        if (!ok) {
            ps->s = save;
        }
        return ok;
    }
    const char *start = ps->s;
    while (*ps->s != '\0' && strchr(" ,[]{}()\"'\n", *ps->s) == NULL &&
           !(*ps->s == ':' && ps->s[1] == ' ')) {
        ps->s++;
    }
    if (ps->s > start && *ps->s == ':' && ps->s[1] == ' ') {
        *key = make_atom(ps, start, (size_t)(ps->s - start));
        ps->s += 2;
        return true;
    }
    ps->s = save;
    return false;
}

// Items up to [close]: plain terms or keyword pairs (as {k, v} tuples). *[tail] gets a `| t`.
static size_t parse_items(Parser *ps, const char *close, Term *items, size_t cap, Term *tail)
{
    size_t n = 0;
    *tail = TERM_NIL;
    if (accept(ps, close)) {
        return 0;
    }
    for (;;) {
        if (n == cap) {
            fail(ps);
            return n;
        }
        Term key;
        if (parse_keyword_key(ps, &key)) {
            Term pair[2] = {key, parse_term(ps)};
            items[n++] = term_make_tuple(ps->p, 2, pair);
        } else {
            items[n++] = parse_term(ps);
        }
        if (accept(ps, "|")) {
            *tail = parse_term(ps);
        }
        if (accept(ps, close)) {
            return n;
        }
        if (!accept(ps, ",") || ps->failed) {
            fail(ps);
            return n;
        }
    }
}

// Containers hold at most this many items in test literals.
#define PARSE_MAX_ITEMS 1024

static Term parse_list(Parser *ps)
{
    Term *items = em_malloc(PARSE_MAX_ITEMS * sizeof(Term));
    Term tail;
    size_t n = parse_items(ps, "]", items, PARSE_MAX_ITEMS, &tail);
    Term list = tail;
    for (size_t i = n; i-- > 0;) {
        list = term_make_cons(ps->p, items[i], list);
    }
    free(items);
    return list;
}

static Term parse_tuple(Parser *ps)
{
    Term *items = em_malloc(PARSE_MAX_ITEMS * sizeof(Term));
    Term tail;
    size_t n = parse_items(ps, "}", items, PARSE_MAX_ITEMS, &tail);
    Term t = term_make_tuple(ps->p, (uint32_t)n, items);
    free(items);
    return t;
}

// The pairs of a map literal up to `}`, after an optional struct name already in pairs[0..1].
static Term parse_map(Parser *ps, Term struct_name)
{
    Term *pairs = em_malloc(2 * PARSE_MAX_ITEMS * sizeof(Term));
    uint32_t n = 0;
    if (struct_name != TERM_NONE) {
        pairs[0] = term_from_atom(ATOM_struct);
        pairs[1] = struct_name;
        n = 1;
    }
    while (!accept(ps, "}") && !ps->failed && n < PARSE_MAX_ITEMS) {
        Term key;
        if (!parse_keyword_key(ps, &key)) {
            key = parse_term(ps);
            if (!accept(ps, "=>")) {
                fail(ps);
            }
        }
        pairs[2 * n] = key;
        pairs[2 * n + 1] = parse_term(ps);
        n++;
        if (!accept(ps, ",") && !(skip_space(ps), *ps->s == '}')) {
            fail(ps);
        }
    }
    Term m = map_from_pairs(ps->p, pairs, n);
    free(pairs);
    return m;
}

static Term parse_bytes(Parser *ps)
{
    uint8_t bytes[PARSE_MAX_ITEMS];
    size_t n = 0;
    while (!accept(ps, ">>") && !ps->failed && n < PARSE_MAX_ITEMS) {
        Term t = parse_term(ps);
        bytes[n++] = term_is_small(t) ? (uint8_t)term_to_small(t) : 0;
        if (!accept(ps, ",") && !(skip_space(ps), strncmp(ps->s, ">>", 2) == 0)) {
            fail(ps);
        }
    }
    return term_make_binary(ps->p, bytes, n);
}

// first..last or first..last//step as a %Range{} map.
static Term make_range(Parser *ps, Term first)
{
    Term last = parse_term(ps);
    Term step = term_from_small(term_compare(first, last) <= 0 ? 1 : -1);
    if (accept(ps, "//")) {
        step = parse_term(ps);
    }
    Term pairs[8] = {term_from_atom(ATOM_struct), term_from_atom(ATOM_Elixir_Range),
                     term_from_atom(ATOM_first), first, term_from_atom(ATOM_last), last,
                     term_from_atom(ATOM_step), step};
    return map_from_pairs(ps->p, pairs, 4);
}

static Term parse_primary(Parser *ps)
{
    skip_space(ps);
    char c = *ps->s;
    if (c == '-' || (c >= '0' && c <= '9')) {
        return parse_number(ps);
    }
    if (accept(ps, "<<")) {
        return parse_bytes(ps);
    }
    if (accept(ps, "%{")) {
        return parse_map(ps, TERM_NONE);
    }
    ps->s++;
    switch (c) {
    case ':': return parse_atom(ps);
    case '"': return parse_string(ps);
    case '\'': return parse_charlist(ps);
    case '[': return parse_list(ps);
    case '{': return parse_tuple(ps);
    case '%': {
        Term name = parse_alias(ps);
        return accept(ps, "{") ? parse_map(ps, name) : fail(ps);
    }
    default:
        break;
    }
    ps->s--;
    if (c >= 'A' && c <= 'Z') {
        return parse_alias(ps);
    }
    if (c >= 'a' && c <= 'z') {
        return parse_atom(ps); // nil, true, false
    }
    return fail(ps);
}

static Term parse_term(Parser *ps)
{
    Term t = parse_primary(ps);
    if (strncmp(ps->s, "..", 2) == 0 && ps->s[2] != '.') {
        ps->s += 2;
        return make_range(ps, t);
    }
    return t;
}

Term fixture_parse(Process *p, const char *src)
{
    Parser ps = {p, src, false};
    Term t = parse_term(&ps);
    skip_space(&ps);
    return ps.failed || *ps.s != '\0' ? TERM_NONE : t;
}
