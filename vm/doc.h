// Pretty-printing documents: a port of Elixir 1.14's Inspect.Algebra (strings, concatenation,
// nesting, strict and flex breaks, groups) and its exact `format/2` layout algorithm, so that
// inspect output wraps where Elixir's does. Documents live in an arena; ids are indexes.
#ifndef EMBER_VM_DOC_H
#define EMBER_VM_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inspect.h"

typedef int32_t DocId;

// The empty document (Elixir's :doc_nil) is always id 0.
#define DOC_NIL ((DocId)0)

typedef struct DocNode DocNode;

typedef struct DocArena {
    DocNode *nodes;
    uint32_t len;
    uint32_t cap;
    StrBuf text; // the bytes of every string and break document
} DocArena;

// Makes [a] an empty arena holding only DOC_NIL.
void doc_arena_init(DocArena *a);
// Frees everything [a] holds.
void doc_arena_free(DocArena *a);

// A string document holding a copy of [len] bytes at [s] (its width is its byte size).
DocId doc_text(DocArena *a, const char *s, size_t len);
// doc_text for a NUL-terminated string.
DocId doc_cstr(DocArena *a, const char *s);
// [x] followed by [y] (either may be DOC_NIL).
DocId doc_concat(DocArena *a, DocId x, DocId y);
// [x] with every line break inside it indented [indent] more columns (nest :always).
DocId doc_nest(DocArena *a, DocId x, int indent);
// A break that prints [s] when flat and a newline when broken; [flex] breaks decide alone.
DocId doc_break(DocArena *a, const char *s, bool flex);
// A group: laid out flat when it fits in the remaining width, else its breaks break.
DocId doc_group(DocArena *a, DocId x);
// Elixir's glue(x, s, y) and flex_glue(x, s, y): x, a break of [s], y.
DocId doc_glue(DocArena *a, DocId x, const char *s, DocId y);
DocId doc_flex_glue(DocArena *a, DocId x, const char *s, DocId y);
// True when [x] holds only strings and concatenations (Inspect.Algebra's simple?).
bool doc_is_simple(const DocArena *a, DocId x);

// Lays out [x] at [width] columns (negative: infinity, everything flat) onto [out].
void doc_format(const DocArena *a, DocId x, int width, StrBuf *out);

#endif
