// Tokens and the reentrant lexer (compiler/lexer.re) that produces them. Token kinds are lemon's
// TK_* codes from the generated parser.h; identifiers are classified as elixir_tokenizer.erl does
// (plain, paren, bracket, do, op, keyword) so the grammar stays LALR(1). The lexer never reads
// past [len], never aborts, and reports the first bad byte through a Diag.
#ifndef EMBER_COMPILER_TOKEN_H
#define EMBER_COMPILER_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "compiler.h"

// One piece of a string-like literal: decoded bytes, or the source of an interpolation `#{...}`.
typedef struct StrPart {
    bool is_expr;
    const char *text; // literal: decoded bytes (arena); expr: points into the source
    size_t len;
    uint32_t line; // expr: position of its first byte
    uint32_t col;
} StrPart;

typedef struct Token {
    int kind;           // TK_* from parser.h; 0 is end of input
    uint32_t line;      // 1-based
    uint32_t col;       // 1-based, in code points
    bool space_before;  // horizontal space or newline right before the token
    const char *src;    // the token's spelling in the source
    uint32_t src_len;
    const char *text;   // identifier/atom/operator name, or the decoded literal (arena, NUL-ended)
    uint32_t text_len;
    int64_t ival;       // INT/CHAR value when it fits (is_big false)
    double fval;        // FLT value
    bool is_big;        // INT too large: text holds its decimal digits
    bool is_quoted;     // ATOM/KW_IDENTIFIER written with quotes
    bool in_brackets;   // set by the driver: innermost opener is ( [ { or <<
    char sigil;         // SIGIL: the letter
    const char *mods;   // SIGIL: modifier letters
    uint32_t mods_len;
    StrPart *parts;     // STRING/CHARLIST/SIGIL/quoted ATOM/KW: the pieces, in order
    uint32_t nparts;
} Token;

// The lexer state; all of it lives here (no globals), so lexers may run on any thread.
typedef struct Lexer {
    const unsigned char *base;  // start of the buffer
    const unsigned char *cur;   // next byte to read
    const unsigned char *lim;   // one past the last byte; *lim need not be readable
    const unsigned char *mark;  // re2c backtracking marker
    const unsigned char *tok;   // start of the current token
    const unsigned char *line_start;
    uint32_t line;
    uint32_t first_col;         // column of base on its first line (for interpolations)
    Arena *arena;
    Diag *diag;
    const char *file;
    int depth;                  // interpolation nesting depth of this lexer
    int prev_kind;              // kind of the previous token (keywords after `.` are names)
    const unsigned char *col_at; // column cache: col_val is the column of col_at
    uint32_t col_val;
} Lexer;

// Upper bound on `#{...}` nesting, so hostile input cannot exhaust the C stack.
#define LEXER_MAX_INTERP_DEPTH 64

// Prepares [lx] to read [len] bytes of [src], whose first byte is at [line]:[col] of [file].
// Strings and diagnostics are allocated in [arena]; errors are written to [diag].
void lexer_init(Lexer *lx, Arena *arena, const char *src, size_t len, const char *file,
                uint32_t line, uint32_t col, Diag *diag);

// Reads the next token into [out]. Returns its kind (> 0), 0 at end of input, or -1 after
// filling the Diag (SyntaxError, or TokenMissingError with incomplete set). Comments are skipped;
// newlines come back as TK_EOL tokens. Thread-safe on distinct lexers.
int lexer_next(Lexer *lx, Token *out);

// The 1-based code-point column of [p] on the lexer's current line (cached, so scanning a long
// line stays linear).
uint32_t lexer_column(Lexer *lx, const unsigned char *p);

// True when the NUL-terminated [name] lexes as one plain identifier (used to print atoms).
bool lexer_is_identifier(const char *name, size_t len);

#endif
