// inspect/2 for every built-in type, byte for byte as Elixir 1.14: each term becomes an
// Inspect.Algebra document (doc.h) built the way lib/elixir/lib/inspect.ex builds it, and
// the document is laid out at the requested width (infinity unless pretty). Also to_string
// (String.Chars) for the types that implement it.
#include "inspect.h"

#include "bytecode.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom.h"
#include "bigint.h"
#include "bytecode.h"
#include "doc.h"
#include "ffi_cell.h"
#include "inspect_calendar.h"
#include "regex/regex_inspect.h"
#include "inspect_text.h"
#include "map.h"
#include "module.h"
#include "vm.h"

// Elixir's Inspect.Opts defaults.
#define INSPECT_DEFAULT_LIMIT 50
#define INSPECT_DEFAULT_WIDTH 80
#define INSPECT_PRINTABLE_LIMIT 4096

typedef struct Ctx {
    Vm *vm;
    const InspectOpts *opts;
    DocArena *doc;
    StrBuf tmp; // scratch for building one string document
} Ctx;

static DocId to_doc(Ctx *c, Term t, long limit);

static long decrement(long limit) { return limit < 0 ? limit : limit - 1; }

static const char *atom_text(const Ctx *c, Term atom, size_t *len)
{
    return atom_name(c->vm->atoms, term_to_atom(atom), len);
}

// A string document from whatever [c]->tmp accumulated.
static DocId take_tmp(Ctx *c)
{
    DocId d = doc_text(c->doc, c->tmp.data == NULL ? "" : c->tmp.data, c->tmp.len);
    c->tmp.len = 0;
    return d;
}

InspectOpts inspect_default_opts(void)
{
    InspectOpts o = {0};
    o.limit = INSPECT_DEFAULT_LIMIT;
    o.pretty = false;
    o.width = INSPECT_DEFAULT_WIDTH;
    o.charlists_as_lists = 0;
    o.charlists_as_charlists = 0;
    o.base = 10;
    o.printable_limit = INSPECT_PRINTABLE_LIMIT;
    o.struct_fields = NULL;
    return o;
}

// ==== Containers (Inspect.Algebra.container_doc) ====

typedef enum BreakKind { BREAK_MAYBE, BREAK_STRICT, BREAK_FLEX } BreakKind;
typedef DocId (*ItemFn)(Ctx *c, Term a, Term b, long limit);

// A sequence of container items: list cells, an array of terms, or map key/value pairs.
typedef struct Seq {
    Term list;          // the rest of a list (when arr == NULL)
    const Term *arr;    // tuple elements or map keys
    const Term *vals;   // map values (pairs when not NULL)
    uint32_t len;
    uint32_t pos;
} Seq;

static bool seq_done(const Seq *s)
{
    return s->arr != NULL ? s->pos >= s->len : !term_is_cons(s->list);
}

static DocId join(Ctx *c, DocId left, DocId right, bool flex, const char *sep)
{
    if (left == DOC_NIL) {
        return right;
    }
    if (right == DOC_NIL) {
        return left;
    }
    DocId l = doc_concat(c->doc, left, doc_cstr(c->doc, sep));
    return flex ? doc_flex_glue(c->doc, l, " ", right) : doc_glue(c->doc, l, " ", right);
}

// container_each: the item documents into [docs]; returns whether all were simple.
static uint32_t container_each(Ctx *c, Seq *s, long limit, ItemFn fn, DocId *docs,
                               bool *simple)
{
    uint32_t n = 0;
    while (!seq_done(s)) {
        if (limit == 0) {
            docs[n++] = doc_cstr(c->doc, "...");
            return n;
        }
        limit = decrement(limit);
        if (s->arr != NULL) {
            uint32_t i = s->pos++;
            docs[n] = fn(c, s->arr[i], s->vals != NULL ? s->vals[i] : TERM_NONE, limit);
            *simple = *simple && doc_is_simple(c->doc, docs[n]);
            n++;
            continue;
        }
        Term head = term_hd(s->list);
        Term tail = term_tl(s->list);
        if (term_is_list(tail)) {
            docs[n] = fn(c, head, TERM_NONE, limit);
            *simple = *simple && doc_is_simple(c->doc, docs[n]);
            n++;
            s->list = tail;
            continue;
        }
        DocId left = fn(c, head, TERM_NONE, limit);
        DocId right = fn(c, tail, TERM_NONE, limit);
        *simple = *simple && doc_is_simple(c->doc, left) && doc_is_simple(c->doc, right);
        docs[n++] = join(c, left, right, *simple, " |");
        s->list = TERM_NIL;
    }
    return n;
}

static uint32_t seq_count(const Seq *s, long limit)
{
    if (s->arr != NULL) {
        return s->len + 1;
    }
    uint32_t n = 1;
    for (Term l = s->list; term_is_cons(l) && (limit < 0 || n <= (uint64_t)limit); l = term_tl(l)) {
        n++;
    }
    return n + 1;
}

static DocId container_doc(Ctx *c, const char *left, Seq *s, const char *right, long limit,
                           ItemFn fn, BreakKind brk)
{
    if (seq_done(s)) {
        return doc_concat(c->doc, doc_cstr(c->doc, left), doc_cstr(c->doc, right));
    }
    DocId *docs = em_malloc(seq_count(s, limit) * sizeof(DocId));
    bool simple = brk == BREAK_MAYBE;
    uint32_t n = container_each(c, s, limit, fn, docs, &simple);
    bool flex = simple || brk == BREAK_FLEX;
    DocId body = docs[n - 1];
    for (uint32_t i = n - 1; i-- > 0;) {
        body = join(c, docs[i], body, flex, ",");
    }
    free(docs);
    DocId l = doc_cstr(c->doc, left);
    DocId r = doc_cstr(c->doc, right);
    if (flex) {
        DocId opened = doc_concat(c->doc, l, doc_nest(c->doc, body, 1));
        return doc_group(c->doc, doc_concat(c->doc, opened, r));
    }
    DocId inner = doc_nest(c->doc, doc_glue(c->doc, l, "", body), 2);
    return doc_group(c->doc, doc_glue(c->doc, inner, "", r));
}

static DocId item_doc(Ctx *c, Term a, Term b, long limit)
{
    (void)b;
    return to_doc(c, a, limit);
}

static DocId item_keyword(Ctx *c, Term a, Term b, long limit)
{
    if (b == TERM_NONE) { // a list element: the {key, value} tuple
        b = term_tuple_elems(a)[1];
        a = term_tuple_elems(a)[0];
    }
    size_t len;
    const char *name = atom_text(c, a, &len);
    inspect_atom_key(name, len, &c->tmp);
    strbuf_append(&c->tmp, " ", 1);
    DocId key = take_tmp(c);
    return doc_concat(c->doc, key, to_doc(c, b, limit));
}

static DocId item_assoc(Ctx *c, Term a, Term b, long limit)
{
    DocId key = doc_concat(c->doc, to_doc(c, a, limit), doc_cstr(c->doc, " => "));
    return doc_concat(c->doc, key, to_doc(c, b, limit));
}

// ==== Lists ====

// List.ascii_printable?(list, printable_limit).
static bool ascii_printable(Term list, long limit)
{
    for (; term_is_cons(list); list = term_tl(list)) {
        if (limit == 0) {
            return true;
        }
        limit--;
        Term h = term_hd(list);
        if (!term_is_small(h)) {
            return false;
        }
        int64_t ch = term_to_small(h);
        if (!((ch >= 32 && ch <= 126) || (ch >= 7 && ch <= 13) || ch == 27)) {
            return false;
        }
    }
    return term_is_nil(list) || limit == 0;
}

static bool keyword_key(const Ctx *c, Term key)
{
    if (!term_is_atom(key)) {
        return false;
    }
    size_t len;
    const char *name = atom_text(c, key, &len);
    return !(len >= 7 && memcmp(name, "Elixir.", 7) == 0);
}

// Inspect.List.keyword?/1.
static bool is_keyword(const Ctx *c, Term list)
{
    for (; term_is_cons(list); list = term_tl(list)) {
        Term h = term_hd(list);
        if (!term_is_tuple(h) || term_tuple_arity(h) != 2 ||
            !keyword_key(c, term_tuple_elems(h)[0])) {
            return false;
        }
    }
    return term_is_nil(list);
}

// True when [list] is a proper list of Unicode code points (charlists: :as_charlists).
static bool all_code_points(Term list)
{
    for (; term_is_cons(list); list = term_tl(list)) {
        Term h = term_hd(list);
        int64_t ch = term_is_small(h) ? term_to_small(h) : -1;
        if (ch < 0 || ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF)) {
            return false;
        }
    }
    return term_is_nil(list);
}

// Appends code point [ch] (valid, checked by the caller) as UTF-8.
static void append_utf8(StrBuf *b, uint32_t ch)
{
    char u[4];
    size_t n;
    if (ch < 0x80) {
        u[0] = (char)ch;
        n = 1;
    } else if (ch < 0x800) {
        u[0] = (char)(0xC0 | (ch >> 6));
        u[1] = (char)(0x80 | (ch & 0x3F));
        n = 2;
    } else if (ch < 0x10000) {
        u[0] = (char)(0xE0 | (ch >> 12));
        u[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
        u[2] = (char)(0x80 | (ch & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (ch >> 18));
        u[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((ch >> 6) & 0x3F));
        u[3] = (char)(0x80 | (ch & 0x3F));
        n = 4;
    }
    strbuf_append(b, u, n);
}

static DocId charlist_doc(Ctx *c, Term list)
{
    StrBuf chars;
    strbuf_init(&chars);
    for (; term_is_cons(list); list = term_tl(list)) {
        append_utf8(&chars, (uint32_t)term_to_small(term_hd(list)));
    }
    strbuf_append(&c->tmp, "'", 1);
    size_t used = inspect_escape((const uint8_t *)chars.data, chars.len, '\'',
                                 c->opts->printable_limit, &c->tmp);
    strbuf_append_cstr(&c->tmp, used < chars.len ? "' ++ ..." : "'");
    strbuf_free(&chars);
    return take_tmp(c);
}

static DocId list_doc(Ctx *c, Term list, long limit)
{
    if (term_is_nil(list)) {
        return doc_cstr(c->doc, "[]");
    }
    if (!c->opts->charlists_as_lists && ascii_printable(list, c->opts->printable_limit)) {
        return charlist_doc(c, list);
    }
    if (c->opts->charlists_as_charlists && all_code_points(list)) {
        return charlist_doc(c, list);
    }
    Seq s = {.list = list};
    if (is_keyword(c, list)) {
        return container_doc(c, "[", &s, "]", limit, item_keyword, BREAK_STRICT);
    }
    return container_doc(c, "[", &s, "]", limit, item_doc, BREAK_MAYBE);
}

// ==== Binaries ====

static DocId integer_doc(Ctx *c, Term t);

static DocId binary_doc(Ctx *c, Term t, long limit)
{
    size_t len;
    const uint8_t *b = term_binary_bytes(t, &len);
    unsigned tail_bits = term_bitstring_tail_bits(t);
    // Elixir prints bytes when asked to, or when a base other than decimal is given.
    bool as_bytes = c->opts->binaries_as_binaries || c->opts->base != 10 || tail_bits > 0;
    if (!as_bytes && inspect_string_printable(b, len, c->opts->printable_limit)) {
        strbuf_append(&c->tmp, "\"", 1);
        size_t used = inspect_escape(b, len, '"', c->opts->printable_limit, &c->tmp);
        strbuf_append_cstr(&c->tmp, used < len ? "\" <> ..." : "\"");
        return take_tmp(c);
    }
    // A bitstring's extra bits print as one more element, `value::size(bits)`.
    size_t count = len + (tail_bits > 0);
    // Built back to front: each_bit recurses once per byte, so limit the shown bytes first.
    size_t shown = limit < 0 || (size_t)limit >= count ? count : (size_t)limit;
    DocId inner = shown < count ? doc_cstr(c->doc, "...") : DOC_NIL;
    for (size_t i = shown; i-- > 0;) {
        bool last = i + 1 == count;
        unsigned byte = i < len ? b[i] : (unsigned)b[i] >> (8 - tail_bits);
        DocId d = integer_doc(c, term_from_small(byte));
        if (i >= len) {
            strbuf_printf(&c->tmp, "::size(%u)", tail_bits);
            d = doc_concat(c->doc, d, take_tmp(c));
        } else if (!last) {
            d = doc_concat(c->doc, d, doc_cstr(c->doc, ","));
        }
        inner = last ? d : doc_flex_glue(c->doc, d, " ", inner);
    }
    DocId open = doc_cstr(c->doc, "<<");
    DocId body = doc_concat(c->doc, open, doc_nest(c->doc, inner, 2));
    return doc_group(c->doc, doc_concat(c->doc, body, doc_cstr(c->doc, ">>")));
}

// ==== Maps and structs ====

static bool map_all_keyword_keys(const Ctx *c, Term map)
{
    MapIter it;
    map_iter_init(&it, map);
    Term key;
    while (map_iter_next(&it, &key, NULL)) {
        if (!keyword_key(c, key)) {
            return false;
        }
    }
    return true;
}

static DocId plain_map_doc(Ctx *c, Term map, long limit)
{
    uint32_t n = map_size(map);
    Term *kv = map_is_tree(map) ? em_malloc(2 * (size_t)n * sizeof(Term)) : NULL;
    if (kv != NULL) {
        map_to_arrays(map, kv, kv + n);
    }
    Seq s = {.arr = kv ? kv : map_keys(map), .vals = kv ? kv + n : map_values(map), .len = n};
    ItemFn fn = map_all_keyword_keys(c, map) ? item_keyword : item_assoc;
    DocId d = container_doc(c, "%{", &s, "}", limit, fn, BREAK_STRICT);
    free(kv);
    return d;
}

static bool map_field(Term map, uint32_t atom, Term *out)
{
    return map_get(map, term_from_atom(atom), out);
}

// Inspect.Range: first..last, with //step unless step is 1 and the range is not empty.
static DocId range_doc(Ctx *c, Term map, long limit)
{
    Term first;
    Term last;
    Term step = term_from_small(1);
    map_field(map, ATOM_first, &first);
    map_field(map, ATOM_last, &last);
    bool has_step = map_field(map, ATOM_step, &step);
    if (!has_step) {
        step = term_from_small(term_compare(first, last) <= 0 ? 1 : -1);
    }
    DocId d = doc_concat(c->doc, to_doc(c, first, limit), doc_cstr(c->doc, ".."));
    d = doc_concat(c->doc, d, to_doc(c, last, limit));
    if (step == term_from_small(1) && term_compare(last, first) >= 0) {
        return d;
    }
    d = doc_concat(c->doc, d, doc_cstr(c->doc, "//"));
    return doc_concat(c->doc, d, to_doc(c, step, limit));
}

// Structs have at most this many fields for definition-order printing.
#define INSPECT_MAX_STRUCT_FIELDS 256
#define INSPECT_MAX_OPTIONAL_FIELDS 16

typedef enum FieldsLookup { FIELDS_FOUND, FIELDS_NOT_STRUCT, FIELDS_UNKNOWN } FieldsLookup;

// The fields of struct module [name] in definition order into [out]: from the opts hook,
// else vm_struct_fields (the module's __struct_fields__/0, or error.c for VM-built
// exceptions; 0 there means unknown, printed in key order rather than as a plain map).
static FieldsLookup lookup_fields(const Ctx *c, Term name, Term *out, uint32_t *count)
{
    *count = 0;
    if (c->opts->struct_fields == NULL) {
        *count = vm_struct_fields(c->vm, name, out, INSPECT_MAX_STRUCT_FIELDS);
        return *count > 0 ? FIELDS_FOUND : FIELDS_UNKNOWN;
    }
    Term list = c->opts->struct_fields(c->vm, name);
    if (list == TERM_NONE) {
        return FIELDS_NOT_STRUCT;
    }
    for (; term_is_cons(list) && *count < INSPECT_MAX_STRUCT_FIELDS; list = term_tl(list)) {
        out[(*count)++] = term_hd(list);
    }
    return FIELDS_FOUND;
}

// Checks [defined] (the module's fields) against the map's keys (Elixir prints a struct whose
// keys differ from its module's as a plain map) and copies the shown ones into [fields].
static bool check_fields(Term map, const Term *defined, uint32_t defined_len, Term *fields,
                         uint32_t *count)
{
    uint32_t n = 0;
    Term v;
    for (uint32_t i = 0; i < defined_len; i++) {
        Term f = defined[i];
        if (f == term_from_atom(ATOM_struct)) {
            continue;
        }
        if (n >= map_size(map) || !map_get(map, f, &v)) {
            return false;
        }
        if (f != term_from_atom(ATOM_exception)) {
            fields[n++] = f;
        }
    }
    bool dunder = map_get(map, term_from_atom(ATOM_exception), &v);
    *count = n;
    return n + 1 + (dunder ? 1u : 0u) == map_size(map);
}

// The struct's fields to show (definition order when known, else key order without
// __struct__ / __exception__). Returns false when the map must print as a plain map.
// *[out] is a malloc'd array of atom terms.
static bool struct_fields(Ctx *c, Term map, Term name, Term **out, uint32_t *count)
{
    Term *defined = em_malloc(INSPECT_MAX_STRUCT_FIELDS * sizeof(Term));
    Term *fields = em_malloc(((size_t)map_size(map) + 1) * sizeof(Term));
    uint32_t defined_len;
    FieldsLookup found = lookup_fields(c, name, defined, &defined_len);
    bool ok = found != FIELDS_NOT_STRUCT &&
              (found != FIELDS_FOUND || check_fields(map, defined, defined_len, fields, count));
    free(defined);
    if (!ok) {
        free(fields);
        return false;
    }
    if (found == FIELDS_UNKNOWN) {
        uint32_t n = 0;
        MapIter it;
        map_iter_init(&it, map);
        Term key;
        while (map_iter_next(&it, &key, NULL)) {
            bool hidden = key == term_from_atom(ATOM_struct) ||
                          key == term_from_atom(ATOM_exception);
            if (!hidden) {
                fields[n++] = key;
            }
        }
        *count = n;
    }
    *out = fields;
    return true;
}

// Fills [vals] with the values of the [n] [fields] of struct [map], leaving out the module's
// optional fields (vm_struct_optional_fields) that are nil; returns how many remain.
static uint32_t shown_fields(Ctx *c, Term map, Term name, Term *fields, Term *vals, uint32_t n)
{
    Term optional[INSPECT_MAX_OPTIONAL_FIELDS];
    uint32_t optional_len =
        c->vm ? vm_struct_optional_fields(c->vm, name, optional, INSPECT_MAX_OPTIONAL_FIELDS) : 0;
    uint32_t shown = 0;
    for (uint32_t i = 0; i < n; i++) {
        Term value;
        map_get(map, fields[i], &value);
        bool hidden = false;
        for (uint32_t j = 0; j < optional_len && value == term_nil_atom(); j++) {
            hidden = hidden || optional[j] == fields[i];
        }
        if (!hidden) {
            fields[shown] = fields[i];
            vals[shown++] = value;
        }
    }
    return shown;
}

static DocId struct_doc(Ctx *c, Term map, Term name, long limit)
{
    Term *fields = NULL;
    uint32_t n = 0;
    if (!struct_fields(c, map, name, &fields, &n)) {
        return plain_map_doc(c, map, limit);
    }
    Term *vals = em_malloc(((size_t)n + 1) * sizeof(Term));
    n = shown_fields(c, map, name, fields, vals, n);
    size_t len;
    const char *text = atom_text(c, name, &len);
    StrBuf open;
    strbuf_init(&open);
    strbuf_append(&open, "%", 1);
    inspect_atom_literal(text, len, &open);
    strbuf_append(&open, "{", 1);
    Seq s = {.arr = fields, .vals = vals, .len = n};
    DocId d = container_doc(c, open.data, &s, "}", limit, item_keyword, BREAK_STRICT);
    strbuf_free(&open);
    free(fields);
    free(vals);
    return d;
}

static bool name_is(const Ctx *c, Term name, const char *text)
{
    size_t len;
    const char *n = atom_text(c, name, &len);
    return len == strlen(text) && memcmp(n, text, len) == 0;
}

// Inspect.List.keyword? over an array of elements.
static bool keys_are_keyword_pairs(const Ctx *c, const Term *elems, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        Term e = elems[i];
        if (!term_is_tuple(e) || term_tuple_arity(e) != 2 ||
            !keyword_key(c, term_tuple_elems(e)[0])) {
            return false;
        }
    }
    return true;
}

// Inspect.Regex: ~r/source/opts, or Regex.compile!(source, opts) when opts is not a binary.
static DocId regex_doc(Ctx *c, Term source, Term opts, long limit)
{
    size_t size;
    size_t opts_size;
    const uint8_t *src = term_binary_bytes(source, &size);
    if (term_is_binary(opts)) {
        const uint8_t *o = term_binary_bytes(opts, &opts_size);
        regex_inspect_sigil(src, size, o, opts_size, &c->tmp);
        return take_tmp(c);
    }
    DocId d = doc_concat(c->doc, doc_cstr(c->doc, "Regex.compile!("), to_doc(c, source, limit));
    d = doc_concat(c->doc, d, doc_cstr(c->doc, ", "));
    d = doc_concat(c->doc, d, to_doc(c, opts, limit));
    return doc_concat(c->doc, d, doc_cstr(c->doc, ")"));
}

static DocId map_doc(Ctx *c, Term map, long limit)
{
    Term name = map_struct_name(map);
    if (name == TERM_NONE) {
        return plain_map_doc(c, map, limit);
    }
    if (ffi_cell_inspect(c->vm, map, &c->tmp)) { // opaque FFI handles (vm/ffi_cell.h)
        return take_tmp(c);
    }
    Term re_source;
    Term re_opts;
    if (regex_inspect_fields(c->vm, map, &re_source, &re_opts)) { // vm/regex/regex_inspect.c
        return regex_doc(c, re_source, re_opts, limit);
    }
    Term inner;
    if (name == term_from_atom(ATOM_Elixir_Range) && map_field(map, ATOM_first, &inner) &&
        map_field(map, ATOM_last, &inner)) {
        return range_doc(c, map, limit);
    }
    StrBuf iso;
    strbuf_init(&iso);
    char sigil;
    if (inspect_calendar_text(c->vm, map, &iso, &sigil)) { // ~D[2024-01-31], ~T[...], ~N[...]
        strbuf_printf(&c->tmp, "~%c[%.*s]", sigil, (int)iso.len, iso.data);
        strbuf_free(&iso);
        return take_tmp(c);
    }
    strbuf_free(&iso);
    uint32_t map_atom;
    if (name_is(c, name, "Elixir.MapSet") &&
        atom_lookup(c->vm->atoms, "map", 3, &map_atom) && map_field(map, map_atom, &inner) &&
        term_is_map(inner)) {
        InspectOpts as_lists = *c->opts;
        as_lists.charlists_as_lists = 1;
        const InspectOpts *saved = c->opts;
        c->opts = &as_lists;
        Term *keys = em_malloc(((size_t)map_size(inner) + 1) * sizeof(Term));
        map_to_arrays(inner, keys, NULL);
        Seq s = {.arr = keys, .len = map_size(inner)};
        bool keyword = keys_are_keyword_pairs(c, keys, map_size(inner));
        DocId list = container_doc(c, "[", &s, "]", limit, keyword ? item_keyword : item_doc,
                                   keyword ? BREAK_STRICT : BREAK_MAYBE);
        free(keys);
        c->opts = saved;
        DocId d = doc_concat(c->doc, doc_cstr(c->doc, "MapSet.new("), list);
        return doc_concat(c->doc, d, doc_cstr(c->doc, ")"));
    }
    return struct_doc(c, map, name, limit);
}

// ==== Scalars and functions ====

static DocId integer_doc(Ctx *c, Term t)
{
    int base = c->opts->base;
    if (base == 16 || base == 8 || base == 2) {
        // base: :hex / :octal / :binary print "-0xFF": the sign, the prefix, upper-case digits.
        StrBuf digits;
        strbuf_init(&digits);
        bigint_to_string(t, (unsigned)base, &digits);
        bool negative = digits.len > 0 && digits.data[0] == '-';
        strbuf_printf(&c->tmp, "%s0%c%.*s", negative ? "-" : "",
                      base == 16 ? 'x' : base == 8 ? 'o' : 'b', (int)(digits.len - negative),
                      digits.data + negative);
        strbuf_free(&digits);
        return take_tmp(c);
    }
    if (term_is_small(t)) {
        strbuf_printf(&c->tmp, "%lld", (long long)term_to_small(t));
    } else {
        bigint_to_string(t, 10, &c->tmp);
    }
    return take_tmp(c);
}

static DocId float_doc(Ctx *c, Term t)
{
    char buf[40];
    size_t n = inspect_format_float(term_to_float(t), buf);
    return doc_text(c->doc, buf, n);
}

static DocId atom_doc(Ctx *c, Term t)
{
    size_t len;
    const char *name = atom_text(c, t, &len);
    inspect_atom_literal(name, len, &c->tmp);
    return take_tmp(c);
}

// Appends the module's name as inspect prints it.
static void append_module(Ctx *c, Term mod)
{
    size_t len;
    const char *name = atom_text(c, mod, &len);
    inspect_atom_literal(name, len, &c->tmp);
}

// A stable stand-in for BEAM's per-module "uniq" number in #Function<...>.
static uint32_t module_uniq(const Ctx *c, Term mod)
{
    size_t len;
    const char *name = atom_text(c, mod, &len);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (uint8_t)name[i]) * 16777619u;
    }
    return h % 100000000u;
}

// #Function<N.UNIQ/ARITY in M.parent/1> like BEAM: N counts the module's lambdas, the parent is
// the function the fn was written in ("-parent/1-fun-0-"); script lambdas print as
// #Function<N.UNIQ in file:NAME>. UNIQ is a stable hash standing in for BEAM's module md5.
static void append_closure_name(Ctx *c, const Function *fn)
{
    const Module *m = fn->module;
    uint32_t lambda_index = 0;
    for (uint32_t i = 0; i < fn->index; i++) {
        lambda_index += (m->functions[i].flags & EMB_FN_LAMBDA) != 0;
    }
    uint32_t uniq = module_uniq(c, m->name);
    if (m->name == term_from_atom(ATOM_ember_script) && term_is_binary(m->source)) {
        size_t size;
        const uint8_t *src = term_binary_bytes(m->source, &size);
        strbuf_printf(&c->tmp, "#Function<%u.%u in file:%.*s>", lambda_index, uniq, (int)size,
                      (const char *)src);
        return;
    }
    strbuf_printf(&c->tmp, "#Function<%u.%u/%u in ", lambda_index, uniq, fn->arity);
    append_module(c, m->name);
    size_t len;
    const char *name = atom_text(c, fn->name, &len);
    const char *marker = strstr(name, "-fun-");
    strbuf_append(&c->tmp, ".", 1);
    if (name[0] == '-' && marker != NULL) {
        strbuf_append(&c->tmp, name + 1, (size_t)(marker - name - 1));
    } else {
        strbuf_append(&c->tmp, name, len);
    }
    strbuf_append(&c->tmp, ">", 1);
}

static DocId fun_doc(Ctx *c, Term t)
{
    const Term *obj = term_boxed_ptr(t);
    if (term_header_type(obj[0]) == TERM_TYPE_EXPORT) {
        strbuf_append(&c->tmp, "&", 1);
        append_module(c, obj[1]);
        strbuf_append(&c->tmp, ".", 1);
        size_t len;
        const char *name = atom_text(c, obj[2], &len);
        inspect_atom_remote(name, len, &c->tmp);
        strbuf_printf(&c->tmp, "/%lld", (long long)term_to_small(obj[3]));
        return take_tmp(c);
    }
    const Function *fn = (const Function *)(uintptr_t)obj[1];
    append_closure_name(c, fn);
    return take_tmp(c);
}

static DocId tuple_doc(Ctx *c, Term t, long limit)
{
    Seq s = {.arr = term_tuple_elems(t), .len = term_tuple_arity(t)};
    return container_doc(c, "{", &s, "}", limit, item_doc, BREAK_FLEX);
}

static DocId boxed_doc(Ctx *c, Term t, long limit)
{
    switch (term_boxed_type(t)) {
    case TERM_TYPE_TUPLE:
        return tuple_doc(c, t, limit);
    case TERM_TYPE_FLOAT:
        return float_doc(c, t);
    case TERM_TYPE_BIGPOS:
    case TERM_TYPE_BIGNEG:
        return integer_doc(c, t);
    case TERM_TYPE_MAP:
    case TERM_TYPE_MAPTREE:
        return map_doc(c, t, limit);
    case TERM_TYPE_CLOSURE:
    case TERM_TYPE_EXPORT:
        return fun_doc(c, t);
    case TERM_TYPE_REF:
        strbuf_printf(&c->tmp, "#Reference<0.0.0.%llu>",
                      (unsigned long long)term_boxed_ptr(t)[1]);
        return take_tmp(c);
    default:
        return binary_doc(c, t, limit);
    }
}

static DocId to_doc(Ctx *c, Term t, long limit)
{
    if (term_is_small(t)) {
        return integer_doc(c, t);
    }
    if (term_is_atom(t)) {
        return atom_doc(c, t);
    }
    if (term_is_list(t)) {
        return list_doc(c, t, limit);
    }
    if (term_is_pid(t)) {
        strbuf_printf(&c->tmp, "#PID<0.%u.%u>", term_pid_index(t), term_pid_serial(t));
        return take_tmp(c);
    }
    if (term_is_boxed(t)) {
        return boxed_doc(c, t, limit);
    }
    return doc_cstr(c->doc, "#Ember.Invalid<>");
}

void inspect_term(Vm *vm, Term t, const InspectOpts *opts, StrBuf *out)
{
    DocArena arena;
    doc_arena_init(&arena);
    Ctx c = {.vm = vm, .opts = opts, .doc = &arena};
    strbuf_init(&c.tmp);
    DocId d = doc_group(&arena, to_doc(&c, t, opts->limit < 0 ? -1 : opts->limit));
    doc_format(&arena, d, opts->pretty ? opts->width : -1, out);
    strbuf_free(&c.tmp);
    doc_arena_free(&arena);
}

// ==== to_string (String.Chars) ====

// Appends chardata [t] (code points, binaries, nested lists); false on anything else.
static bool append_chardata(Term t, StrBuf *out, int depth)
{
    while (term_is_cons(t)) {
        Term h = term_hd(t);
        if (term_is_small(h)) {
            int64_t cp = term_to_small(h);
            if (cp < 0 || cp > 0x10FFFF || !inspect_utf8_encode((uint32_t)cp, out)) {
                return false;
            }
        } else if (term_is_binary(h)) {
            size_t len;
            const uint8_t *b = term_binary_bytes(h, &len);
            strbuf_append(out, b, len);
        } else if (!term_is_list(h) || depth > 10000 || !append_chardata(h, out, depth + 1)) {
            return false;
        }
        t = term_tl(t);
    }
    if (term_is_binary(t)) {
        size_t len;
        const uint8_t *b = term_binary_bytes(t, &len);
        strbuf_append(out, b, len);
        return true;
    }
    return term_is_nil(t);
}

bool inspect_to_string(Vm *vm, Term t, StrBuf *out)
{
    if (term_is_binary(t)) {
        size_t len;
        const uint8_t *b = term_binary_bytes(t, &len);
        strbuf_append(out, b, len);
        return true;
    }
    if (term_is_atom(t)) {
        if (t != term_nil_atom()) {
            size_t len;
            const char *name = atom_name(vm->atoms, term_to_atom(t), &len);
            strbuf_append(out, name, len);
        }
        return true;
    }
    if (term_is_integer(t)) {
        if (term_is_small(t)) {
            strbuf_printf(out, "%lld", (long long)term_to_small(t));
        } else {
            bigint_to_string(t, 10, out);
        }
        return true;
    }
    if (term_is_float(t)) {
        char buf[40];
        strbuf_append(out, buf, inspect_format_float_short(term_to_float(t), buf));
        return true;
    }
    if (term_is_list(t)) {
        size_t mark = out->len;
        if (append_chardata(t, out, 0)) {
            return true;
        }
        out->len = mark;
        if (out->data != NULL) {
            out->data[mark] = '\0';
        }
    }
    return term_is_map(t) && inspect_calendar_text(vm, t, out, NULL); // String.Chars.Date ...
}
