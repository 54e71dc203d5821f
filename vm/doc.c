// Inspect.Algebra documents and Elixir 1.14's layout algorithm (format/3 and fits?/4 in
// lib/elixir/lib/inspect/algebra.ex), with explicit stacks instead of recursion. Only the
// document kinds inspect needs exist: no colors, forced breaks, lines or collapses.
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "vm.h"

typedef enum DocKind { DK_NIL, DK_STR, DK_CONS, DK_NEST, DK_BREAK, DK_GROUP } DocKind;

struct DocNode {
    uint8_t kind;
    uint8_t flex;   // breaks: flex (1) or strict (0)
    uint8_t simple; // only strings and concatenations below
    int32_t a;      // CONS left, NEST/GROUP child, STR/BREAK text offset
    int32_t b;      // CONS right, NEST indent, STR/BREAK byte length
};

enum { MODE_FLAT, MODE_BREAK, MODE_TAIL };

typedef struct Entry {
    int32_t indent;
    int32_t mode; // MODE_TAIL entries restore the saved break flag in [indent]
    DocId doc;
} Entry;

typedef struct EntryStack {
    Entry *items;
    size_t len;
    size_t cap;
} EntryStack;

static DocId add_node(DocArena *a, DocKind kind, int32_t x, int32_t y, bool simple)
{
    if (a->len == a->cap) {
        a->cap = a->cap == 0 ? 64 : a->cap * 2;
        a->nodes = em_realloc(a->nodes, a->cap * sizeof(DocNode));
    }
    DocNode *n = &a->nodes[a->len];
    n->kind = (uint8_t)kind;
    n->flex = 0;
    n->simple = simple;
    n->a = x;
    n->b = y;
    return (DocId)a->len++;
}

void doc_arena_init(DocArena *a)
{
    a->nodes = NULL;
    a->len = 0;
    a->cap = 0;
    strbuf_init(&a->text);
    add_node(a, DK_NIL, 0, 0, true);
}

void doc_arena_free(DocArena *a)
{
    free(a->nodes);
    strbuf_free(&a->text);
    a->nodes = NULL;
    a->len = a->cap = 0;
}

DocId doc_text(DocArena *a, const char *s, size_t len)
{
    int32_t off = (int32_t)a->text.len;
    strbuf_append(&a->text, s, len);
    return add_node(a, DK_STR, off, (int32_t)len, true);
}

DocId doc_cstr(DocArena *a, const char *s)
{
    return doc_text(a, s, strlen(s));
}

DocId doc_concat(DocArena *a, DocId x, DocId y)
{
    bool simple = a->nodes[x].simple && a->nodes[y].simple;
    return add_node(a, DK_CONS, x, y, simple);
}

DocId doc_nest(DocArena *a, DocId x, int indent)
{
    return add_node(a, DK_NEST, x, indent, false);
}

DocId doc_break(DocArena *a, const char *s, bool flex)
{
    int32_t off = (int32_t)a->text.len;
    size_t len = strlen(s);
    strbuf_append(&a->text, s, len);
    DocId id = add_node(a, DK_BREAK, off, (int32_t)len, false);
    a->nodes[id].flex = flex;
    return id;
}

DocId doc_group(DocArena *a, DocId x)
{
    return add_node(a, DK_GROUP, x, 0, false);
}

DocId doc_glue(DocArena *a, DocId x, const char *s, DocId y)
{
    return doc_concat(a, x, doc_concat(a, doc_break(a, s, false), y));
}

DocId doc_flex_glue(DocArena *a, DocId x, const char *s, DocId y)
{
    return doc_concat(a, x, doc_concat(a, doc_break(a, s, true), y));
}

bool doc_is_simple(const DocArena *a, DocId x)
{
    return a->nodes[x].simple;
}

// ==== Layout ====

static void push(EntryStack *s, int32_t indent, int32_t mode, DocId doc)
{
    if (s->len == s->cap) {
        s->cap = s->cap == 0 ? 64 : s->cap * 2;
        s->items = em_realloc(s->items, s->cap * sizeof(Entry));
    }
    s->items[s->len++] = (Entry){indent, mode, doc};
}

// Elixir's fits?(w, k, b?, entries): [local] holds the entries to try first; when it runs
// dry, entries below [main_top] of the main stack follow (the flex-break case), else true.
static bool fits(const DocArena *a, int64_t w, int64_t k, bool b, EntryStack *local,
                 const EntryStack *main, size_t main_top)
{
    for (;;) {
        if (k > w && b) {
            return false;
        }
        Entry e;
        if (local->len > 0) {
            e = local->items[--local->len];
        } else if (main != NULL && main_top > 0) {
            e = main->items[--main_top];
        } else {
            return true;
        }
        if (e.mode == MODE_TAIL) {
            b = e.indent != 0;
            continue;
        }
        const DocNode *n = &a->nodes[e.doc];
        switch (n->kind) {
        case DK_NIL:
            break;
        case DK_STR:
            k += n->b;
            break;
        case DK_BREAK:
            if (e.mode == MODE_BREAK) {
                return true;
            }
            k += n->b;
            b = true;
            break;
        case DK_CONS:
            push(local, e.indent, e.mode, n->b);
            push(local, e.indent, e.mode, n->a);
            break;
        case DK_NEST:
            push(local, e.indent + n->b, e.mode, n->a);
            break;
        default: // DK_GROUP: its content flat, then back to the saved break flag
            push(local, b, MODE_TAIL, 0);
            push(local, e.indent, MODE_FLAT, n->a);
            break;
        }
    }
}

static void newline(StrBuf *out, int32_t indent, int64_t *k)
{
    strbuf_append(out, "\n", 1);
    for (int32_t i = 0; i < indent; i++) {
        strbuf_append(out, " ", 1);
    }
    *k = indent;
}

static void format_break(const DocArena *a, const DocNode *n, const Entry *e, int64_t w,
                         EntryStack *st, EntryStack *scratch, int64_t *k, StrBuf *out)
{
    const char *s = a->text.data + n->a;
    if (!n->flex) {
        if (e->mode == MODE_BREAK) {
            newline(out, e->indent, k);
        } else {
            strbuf_append(out, s, (size_t)n->b);
            *k += n->b;
        }
        return;
    }
    *k += n->b;
    scratch->len = 0;
    if (w < 0 || e->mode == MODE_FLAT || fits(a, w, *k, true, scratch, st, st->len)) {
        strbuf_append(out, s, (size_t)n->b);
    } else {
        newline(out, e->indent, k);
    }
}

void doc_format(const DocArena *a, DocId x, int width, StrBuf *out)
{
    EntryStack st = {0};
    EntryStack scratch = {0};
    int64_t w = width;
    int64_t k = 0;
    push(&st, 0, MODE_FLAT, x);
    while (st.len > 0) {
        Entry e = st.items[--st.len];
        const DocNode *n = &a->nodes[e.doc];
        switch (n->kind) {
        case DK_NIL:
            break;
        case DK_STR:
            strbuf_append(out, a->text.data + n->a, (size_t)n->b);
            k += n->b;
            break;
        case DK_CONS:
            push(&st, e.indent, e.mode, n->b);
            push(&st, e.indent, e.mode, n->a);
            break;
        case DK_NEST:
            push(&st, e.indent + n->b, e.mode, n->a);
            break;
        case DK_BREAK:
            format_break(a, n, &e, w, &st, &scratch, &k, out);
            break;
        default: { // DK_GROUP
            scratch.len = 0;
            push(&scratch, e.indent, MODE_FLAT, n->a);
            bool flat = w < 0 || fits(a, w, k, false, &scratch, NULL, 0);
            push(&st, e.indent, flat ? MODE_FLAT : MODE_BREAK, n->a);
            break;
        }
        }
    }
    free(st.items);
    free(scratch.items);
}
