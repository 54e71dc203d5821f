// Names the shell completes on TAB (repl_edit.c): module names and Module.function names known
// to the VM, independent of libedit so they can be unit-tested.
#ifndef EMBER_VM_REPL_NAMES_H
#define EMBER_VM_REPL_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types.h"

typedef struct NameList {
    char **items;      // sorted, unique: completions of the word's last segment
    uint32_t count;
    uint32_t cap;
    size_t prefix_len; // bytes of the word before that segment ("Enum." in "Enum.red")
} NameList;

// Whether [c] can be part of a completed word (letters, digits, _ . ? !).
bool repl_names_word_char(char c);
// Fills [out] with the completions of [word] ([len] bytes): module names ("Enu" -> "Enum")
// or, after "Module.", that module's public function names ("Enum.red" -> "reduce", ...).
void repl_names_complete(Vm *vm, const char *word, size_t len, NameList *out);
// The length of the prefix all of [names]' items share.
size_t repl_names_common_prefix(const NameList *names);
void repl_names_free(NameList *names);

#endif
