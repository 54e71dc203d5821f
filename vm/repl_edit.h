// Reading the shell's input: libedit (line editing, history in ~/.ember_history, tab
// completion of module and Module.function names) on a terminal, plain lines otherwise.
#ifndef EMBER_VM_REPL_EDIT_H
#define EMBER_VM_REPL_EDIT_H

#include <stdbool.h>

#include "types.h"

typedef struct LineReader LineReader;

// A reader for stdin; [tty] selects libedit. [vm] is consulted for completions.
LineReader *line_reader_new(Vm *vm, bool tty);
// Shows [prompt] (terminal only) and reads one line, without its newline, into a buffer that
// stays valid until the next call. NULL at end of input, or with *[interrupted] set when
// Ctrl-C cancelled the line.
const char *line_reader_get(LineReader *r, const char *prompt, bool *interrupted);
// Adds a complete input to the history (saved at once, so a killed shell keeps it).
void line_reader_remember(LineReader *r, const char *entry);
void line_reader_free(LineReader *r);

// Set by the SIGINT handler repl.c installs; the reader and the evaluation wait poll it.
extern volatile int repl_interrupted;

#endif
