// Completion candidates for the shell (repl_names.h). Modules come from four places: those
// loaded, the stdlib embedded in the binary, the C built-in table (modules such as :math or
// String that are partly C), and the .emb files on the code path; functions from the module's
// exported functions and its built-in rows. Names starting with "__" are internal and hidden.
#include "repl_names.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "bytecode.h"
#include "loader.h"
#include "module.h"
#include "vm.h"

#define ELIXIR_PREFIX "Elixir."
#define ELIXIR_PREFIX_LEN 7

bool repl_names_word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '?' || c == '!';
}

// Adds [name] ([len] bytes) when it starts with [want] ([want_len] bytes) and is not internal.
static void add(NameList *out, const char *name, size_t len, const char *want, size_t want_len)
{
    if (len < want_len || memcmp(name, want, want_len) != 0 || (len >= 2 && name[0] == '_' &&
                                                                name[1] == '_')) {
        return;
    }
    for (uint32_t i = 0; i < out->count; i++) {
        if (strlen(out->items[i]) == len && memcmp(out->items[i], name, len) == 0) {
            return;
        }
    }
    if (out->count == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 32;
        out->items = em_realloc(out->items, out->cap * sizeof(char *));
    }
    out->items[out->count++] = strndup(name, len);
}

// A module atom text "Elixir.Foo.Bar" offered as "Foo.Bar".
static void add_module(NameList *out, const char *atom_text, size_t len, const char *want,
                       size_t want_len)
{
    if (len > ELIXIR_PREFIX_LEN && memcmp(atom_text, ELIXIR_PREFIX, ELIXIR_PREFIX_LEN) == 0) {
        add(out, atom_text + ELIXIR_PREFIX_LEN, len - ELIXIR_PREFIX_LEN, want, want_len);
    }
}

static void complete_modules(Vm *vm, const char *want, size_t want_len, NameList *out)
{
    pthread_mutex_lock(&vm->modules_lock);
    for (uint32_t i = 0; i < vm->module_count; i++) {
        size_t len;
        const char *text = atom_name(vm->atoms, term_to_atom(vm->modules[i]->name), &len);
        add_module(out, text, len, want, want_len);
    }
    for (uint32_t i = 0; i < vm->code_path_count; i++) {
        DIR *dir = opendir(vm->code_path[i]);
        struct dirent *e;
        while (dir != NULL && (e = readdir(dir)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len > 4 && strcmp(e->d_name + len - 4, ".emb") == 0) {
                add_module(out, e->d_name, len - 4, want, want_len);
            }
        }
        if (dir != NULL) {
            closedir(dir);
        }
    }
    pthread_mutex_unlock(&vm->modules_lock);
    for (size_t offset = 0; offset < vm->stdlib_size;) {
        const uint8_t *file = vm->stdlib + offset;
        size_t size = loader_file_size(file, vm->stdlib_size - offset);
        const char *name;
        size_t len;
        if (size == 0 || !loader_peek_name(file, size, &name, &len)) {
            break;
        }
        add_module(out, name, len, want, want_len);
        offset += (size + 7) & ~(size_t)7;
    }
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        add_module(out, builtin_table[i].module, strlen(builtin_table[i].module), want,
                   want_len);
    }
}

static void complete_functions(Vm *vm, const char *module, size_t module_len, const char *want,
                               size_t want_len, NameList *out)
{
    char atom_text[256];
    if (module_len + ELIXIR_PREFIX_LEN >= sizeof atom_text) {
        return;
    }
    memcpy(atom_text, ELIXIR_PREFIX, ELIXIR_PREFIX_LEN);
    memcpy(atom_text + ELIXIR_PREFIX_LEN, module, module_len);
    atom_text[ELIXIR_PREFIX_LEN + module_len] = '\0';
    uint32_t index;
    if (!atom_intern(vm->atoms, atom_text, strlen(atom_text), &index)) {
        return;
    }
    Module *mod = vm_get_module(vm, term_from_atom(index));
    for (uint32_t i = 0; mod != NULL && i < mod->function_count; i++) {
        const Function *fn = &mod->functions[i];
        if (fn->flags & EMB_FN_EXPORTED) {
            size_t len;
            const char *name = atom_name(vm->atoms, term_to_atom(fn->name), &len);
            add(out, name, len, want, want_len);
        }
    }
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        if (strcmp(builtin_table[i].module, atom_text) == 0) {
            add(out, builtin_table[i].name, strlen(builtin_table[i].name), want, want_len);
        }
    }
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void repl_names_complete(Vm *vm, const char *word, size_t len, NameList *out)
{
    memset(out, 0, sizeof *out);
    const char *dot = NULL;
    for (size_t i = len; i-- > 0;) {
        if (word[i] == '.') {
            dot = word + i;
            break;
        }
    }
    bool after_module = dot != NULL && isupper((unsigned char)word[0]) &&
                        dot + 1 < word + len && !isupper((unsigned char)dot[1]);
    if (dot != NULL && dot + 1 == word + len && isupper((unsigned char)word[0])) {
        after_module = true; // "Enum." lists every function
    }
    if (after_module) {
        out->prefix_len = (size_t)(dot + 1 - word);
        complete_functions(vm, word, (size_t)(dot - word), dot + 1, len - out->prefix_len, out);
    } else if (len > 0 && isupper((unsigned char)word[0])) {
        complete_modules(vm, word, len, out);
    }
    if (out->count > 1) {
        qsort(out->items, out->count, sizeof(char *), compare_names);
    }
}

size_t repl_names_common_prefix(const NameList *names)
{
    if (names->count == 0) {
        return 0;
    }
    size_t common = strlen(names->items[0]);
    for (uint32_t i = 1; i < names->count; i++) {
        size_t k = 0;
        while (k < common && names->items[i][k] == names->items[0][k]) {
            k++;
        }
        common = k;
    }
    return common;
}

void repl_names_free(NameList *names)
{
    for (uint32_t i = 0; i < names->count; i++) {
        free(names->items[i]);
    }
    free(names->items);
    memset(names, 0, sizeof *names);
}
