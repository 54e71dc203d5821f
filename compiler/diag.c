// Diagnostics: printing a Diag the way Elixir 1.14 prints a compile-time exception's first line.
// The Diag itself is filled where the error is found (lexer.re, parse.c); this file only formats.
#include "compiler.h"

#include <stdio.h>
#include <string.h>

void diag_write(const Diag *diag, FILE *out)
{
    if (strcmp(diag->kind, "ArgumentError") == 0 ||
        strcmp(diag->kind, "Regex.CompileError") == 0) { // raised by a macro: no location
        fprintf(out, "** (%s) %s\n", diag->kind, diag->message);
    } else if (diag->col > 0) {
        fprintf(out, "** (%s) %s:%u:%u: %s\n", diag->kind, diag->file, diag->line, diag->col,
                diag->message);
    } else {
        fprintf(out, "** (%s) %s:%u: %s\n", diag->kind, diag->file, diag->line, diag->message);
    }
}

void diag_print(const Diag *diag)
{
    diag_write(diag, stderr);
}
