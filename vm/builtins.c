// The table of every C built-in, generated from builtins.def, and lookup by module/name/arity.
// The table is constant data shared by all threads; lookup is a linear scan done only when a
// module's imports are resolved at load time, never per call.
#include "builtins.h"

#include <string.h>

const BuiltinInfo builtin_table[BUILTIN_COUNT] = {
#define BUILTIN(module, name, arity, fn, flags) {module, name, arity, fn, flags},
#include "builtins.def"
#undef BUILTIN
};

bool builtin_find(const char *module, const char *name, uint32_t arity, BuiltinId *out)
{
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        const BuiltinInfo *b = &builtin_table[i];
        if (b->arity == arity && strcmp(b->name, name) == 0 && strcmp(b->module, module) == 0) {
            *out = (BuiltinId)i;
            return true;
        }
    }
    return false;
}
