// What the two halves of the lexer share: compiler/lexer.re (the re2c token rules, positions,
// diagnostics, numbers and names) and compiler/lex_quoted.c (strings, charlists, heredocs, sigils
// and quoted atoms). Only those two files include it; the rest of the compiler sees token.h.
// Every function works on the Lexer its caller owns, reads nothing at or past lx->lim, and
// allocates only in lx->arena.
#ifndef EMBER_COMPILER_LEXER_INTERNAL_H
#define EMBER_COMPILER_LEXER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "token.h"

// ==== Defined in lexer.re ====

// Fills lx->diag with a [kind] error ("SyntaxError", "TokenMissingError") at [line]:[col]
// saying [msg]; [incomplete] marks input that more lines could complete. Always returns -1.
int lx_fail_at(Lexer *lx, const char *kind, uint32_t line, uint32_t col, const char *msg,
               bool incomplete);

// A SyntaxError saying [msg] at [at] on the current line. Always returns -1.
int lx_fail_syntax(Lexer *lx, const unsigned char *at, const char *msg);

// The SyntaxError for the character at [at] (its spelling and code point, or the byte when it
// is not valid UTF-8). Always returns -1.
int lx_fail_unexpected_char(Lexer *lx, const unsigned char *at);

// Decodes one UTF-8 code point at [p] (ending before [lim]) into *[cp]; returns its length, or
// 0 when the bytes are not a valid code point (truncated, overlong or a surrogate).
int lx_utf8_decode(const unsigned char *p, const unsigned char *lim, uint32_t *cp);

// A NUL-terminated copy of the [len] bytes at [s], allocated in lx->arena.
char *lx_copy_text(Lexer *lx, const unsigned char *s, size_t len);

// Counts a newline whose next line starts at [after].
void lx_new_line(Lexer *lx, const unsigned char *after);

// The value of the hex digit [c], or -1 when it is not one.
int lx_hex_value(unsigned char c);

// For the letter [c] of a one-letter escape (`\n`, `\0`, ...) stores the byte it means in *[out]
// and returns true; returns false, leaving *[out] alone, for any other character.
bool lx_simple_escape(uint32_t c, unsigned char *out);

// True when ':' and whitespace follow lx->cur: the token just read is a keyword key.
bool lx_kw_colon_follows(const Lexer *lx);

// ==== Defined in lex_quoted.c ====
// Called by the re2c rule that matched the opening (lx->tok at its start, lx->cur just past it):
// each reads up to and past the terminator, fills [out] (text, parts, flags; memory in
// lx->arena) and returns the token kind, or -1 after filling the Diag (a missing terminator is
// a TokenMissingError with incomplete set).

// `"..."` or `'...'` with [delim] the quote, or its heredoc form when [heredoc]: a string or
// charlist, a quoted name after `.` (`x."foo"()`) or a quoted keyword key (`"a": 1`).
int lx_lex_string(Lexer *lx, Token *out, unsigned char delim, bool heredoc);

// `:"..."` or `:'...'` with [delim] the quote: a quoted atom.
int lx_lex_quoted_atom(Lexer *lx, Token *out, unsigned char delim);

// `~x` and its opening delimiter at lx->tok: the sigil body (heredoc form included) and its
// modifier letters.
int lx_lex_sigil(Lexer *lx, Token *out);

#endif
