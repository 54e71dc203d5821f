// Built-in functions implemented in C, all listed once in builtins.def. A built-in runs on the
// calling process without a frame: it reads its arguments, may allocate on the process heap,
// and returns a term, or TERM_NONE after raising (error_raise / proc_raise).
#ifndef EMBER_VM_BUILTINS_H
#define EMBER_VM_BUILTINS_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"

typedef Term (*BuiltinFn)(Process *p, Term *args);

enum {
    BIF_PURE = 1u << 0,     // no side effects: allowed in guards
    BIF_BLOCKING = 1u << 1, // may block (I/O): to run on the I/O pool once processes exist
};

typedef enum BuiltinId {
#define BUILTIN(module, name, arity, fn, flags) BI_##fn,
#include "builtins.def"
#undef BUILTIN
    BUILTIN_COUNT
} BuiltinId;

typedef struct BuiltinInfo {
    const char *module; // atom text: "Elixir.Kernel", "erlang"
    const char *name;
    uint32_t arity;
    BuiltinFn fn;
    uint32_t flags;
} BuiltinInfo;

extern const BuiltinInfo builtin_table[BUILTIN_COUNT];

// Declarations of every bi_* function.
#define BUILTIN(module, name, arity, fn, flags) Term fn(Process *p, Term *args);
#include "builtins.def"
#undef BUILTIN

// The built-in for [module].[name]/[arity] (atom texts), or false when there is none.
bool builtin_find(const char *module, const char *name, uint32_t arity, BuiltinId *out);

// The same lookup by atoms, through a hash table built once per VM (builtin_index_build):
// the path of apply/3 and of calls through fun values, where a name comparison per row cost
// a microsecond per call.
typedef struct BuiltinIndex {
    struct BuiltinSlot {
        Term module;
        Term name;
        uint32_t arity;
        uint32_t id; // BUILTIN_COUNT when the slot is empty
    } *slots;
    uint32_t mask;
} BuiltinIndex;
void builtin_index_build(BuiltinIndex *index, AtomTable *atoms);
void builtin_index_free(BuiltinIndex *index);
bool builtin_lookup(const BuiltinIndex *index, Term module, Term name, uint32_t arity,
                    BuiltinId *out);

#endif
