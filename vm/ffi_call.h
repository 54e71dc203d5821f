// Prepared C functions and calls to them. FFI.function looks a symbol up and builds its
// ffi_cif once, in a function cell (ffi_cell.h); FFI.call checks and converts the arguments
// on the calling process (raising ArgumentError before anything runs), then either submits
// the call to the I/O pool (the default: a C function may block) or, for functions declared
// blocking: false, calls it at once on the scheduler thread.
#ifndef EMBER_VM_FFI_CALL_H
#define EMBER_VM_FFI_CALL_H

#include <ffi.h>
#include <stdbool.h>
#include <stdint.h>

#include "ffi_types.h"
#include "term.h"
#include "types.h"

// Most arguments one C call takes (variadic calls count every argument). Keeps a call's
// argument storage a fixed-size block that fits on the stack for inline calls.
#define FFI_MAX_ARGS 32

// A prepared function: the state of an FFI_CELL_FUNCTION cell. Immutable once built, so any
// number of threads may call through it at once.
typedef struct FfiFun {
    ffi_cif cif;
    void (*fn)(void);
    uint32_t argc;
    uint32_t nfixed;  // arguments before the "..." (argc when not variadic)
    bool blocking;    // run on the I/O pool
    FfiTypeId ret;
    FfiTypeId args[FFI_MAX_ARGS];
    ffi_type *arg_types[FFI_MAX_ARGS]; // what the cif points to
    char name[];      // the symbol, NUL-terminated
} FfiFun;

// A signature as FFI.function describes it.
typedef struct FfiSignature {
    uint32_t argc;
    FfiTypeId args[FFI_MAX_ARGS];
    FfiTypeId ret;
    int32_t nfixed;   // -1: not variadic
    bool blocking;
} FfiSignature;

// FFI.function: looks [name] up in the library [lib_handle] (dlsym) and prepares [sig].
// Returns the %FFI.Function{} struct, or {:error, reason} when the symbol is missing; raises
// ArgumentError (TERM_NONE) when libffi rejects the signature.
Term ffi_function_new(Process *p, void *lib_handle, const char *name, const FfiSignature *sig);

// FFI.call's built-in half: calls [fun] (the %FFI.Function{} struct) with the argument list
// [args]. Returns the converted result for an inline function, or a ref for a pooled one whose
// result arrives as {:"$ember_io", ref, result}. Raises ArgumentError (TERM_NONE) on a bad
// handle, a wrong argument count or an argument that does not convert.
Term ffi_call_start(Process *p, Term fun, Term args);

#endif
