// The abstract syntax tree produced by the parser and consumed by the code generator.
// Shapes follow Elixir's quoted form exactly (see ast_kinds.def), so `ember --ast` output can be
// compared with Code.string_to_quoted/1. Nodes live in a per-compile arena: nothing is freed
// one by one, and an error releases the whole tree with arena_free().
#ifndef EMBER_COMPILER_AST_H
#define EMBER_COMPILER_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum AstKind {
#define AST_KIND(name, doc) AST_##name,
#include "ast_kinds.def"
#undef AST_KIND
    AST_KIND_COUNT
} AstKind;

// Flags on a node.
enum {
    AST_F_NO_PARENS = 1u << 0, // call written without parentheses (`foo 1`, `map.field`)
    AST_F_DO_BLOCK = 1u << 1,  // last argument came from a do ... end block
    AST_F_PARENS_EXPR = 1u << 2, // expression was wrapped in parentheses `(a)`
};

typedef struct AstNode AstNode;
struct AstNode {
    AstKind kind;
    uint32_t flags;
    uint32_t line; // 1-based
    uint32_t col;  // 1-based, counted in code points
    const char *text; // ATOM/VAR/ALIAS/CALL/REMOTE name; STRING/CHARLIST/BIGINT bytes
    size_t text_len;
    int64_t ival;      // INT
    double fval;       // FLOAT
    AstNode *target;   // REMOTE: the expression before the dot; DOT_CALL: the function
    AstNode **kids;    // LIST/TUPLE elements, CALL/REMOTE/DOT_CALL arguments
    uint32_t nkids;
    const char *delimiter; // sigil CALL: its opening delimiter ("(", "\"\"\"", ...), else NULL
};

// A bump allocator owning every node and string of one compile.
typedef struct Arena Arena;

// Creates an empty arena. Returns NULL when malloc fails.
Arena *arena_new(void);
// Frees the arena and everything allocated from it. [arena] may be NULL.
void arena_free(Arena *arena);
// Returns [size] zeroed bytes owned by [arena]; aborts via fatal_oom on malloc failure.
void *arena_alloc(Arena *arena, size_t size);
// Copies [len] bytes of [s] into the arena and NUL-terminates the copy.
char *arena_strdup(Arena *arena, const char *s, size_t len);

// Allocates a node of [kind] at [line]:[col] with no children.
AstNode *ast_new(Arena *arena, AstKind kind, uint32_t line, uint32_t col);
// Appends [kid] to [node]'s kids (amortised growth inside the arena).
void ast_push(Arena *arena, AstNode *node, AstNode *kid);
// True when [node] is a CALL/VAR/ATOM/ALIAS whose text equals the NUL-terminated [name].
int ast_is_named(const AstNode *node, AstKind kind, const char *name);

// Prints [node] the way Elixir prints `Code.string_to_quoted!(src)` after all metadata has been
// replaced by [] (so the output can be diffed against real Elixir). Used by `ember --ast`.
void ast_print(FILE *out, const AstNode *node);

#endif
