// The parse-only entry point behind `ember --ast`: source text in, Elixir's quoted form (metadata
// stripped) out on stdout, so the front end can be diffed against Code.string_to_quoted/1.
#include "compiler.h"

#include <stdio.h>

#include "ast.h"
#include "parse.h"

bool compile_print_ast(const char *src, size_t len, const char *file, Diag *diag)
{
    Arena *arena = arena_new();
    if (arena == NULL) {
        snprintf(diag->kind, sizeof diag->kind, "%s", "CompileError");
        snprintf(diag->file, sizeof diag->file, "%s", file);
        snprintf(diag->message, sizeof diag->message, "%s", "out of memory");
        diag->line = 1;
        diag->col = 0;
        diag->incomplete = false;
        return false;
    }
    AstNode *root = parse_source(arena, src, len, file, diag);
    if (root != NULL) {
        ast_print(stdout, root);
        fputc('\n', stdout);
    }
    arena_free(arena);
    return root != NULL;
}
