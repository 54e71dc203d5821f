// The bytecode verifier: checks every instruction of a module against opcodes.def before
// anything runs (registers inside the frame, jumps onto instruction starts inside the
// function, literal/atom/function/import indexes in range, call arities consistent).
#ifndef EMBER_VM_VERIFY_H
#define EMBER_VM_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "module.h"

// True when every function of [mod] is well formed; otherwise false with a reason in [err].
bool verify_module(const Module *mod, char *err, size_t err_size);

#endif
