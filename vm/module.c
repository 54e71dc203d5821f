// Look-ups on loaded modules: exported functions by name and arity, and source lines.
#include "module.h"

#include "bytecode.h"

const Function *module_find_function(const Module *mod, Term name, uint32_t arity)
{
    for (uint32_t i = 0; i < mod->function_count; i++) {
        const Function *fn = &mod->functions[i];
        if (fn->name == name && fn->arity == arity && (fn->flags & EMB_FN_EXPORTED)) {
            return fn;
        }
    }
    return NULL;
}

uint32_t module_line_of(const Module *mod, uint32_t offset)
{
    // The entry with the greatest offset <= [offset]: binary search.
    uint32_t lo = 0;
    uint32_t hi = mod->line_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (mod->lines[mid].offset <= offset) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo == 0 ? 0 : mod->lines[lo - 1].line;
}
