// Terms as term blobs (vm/bytecode.h): the encoding the VM and the compiler exchange one term
// in (Code.eval_quoted hands the quoted term to the compiler this way). The reverse direction
// is loader_decode_term in loader.h.
#ifndef EMBER_VM_TERM_BLOB_H
#define EMBER_VM_TERM_BLOB_H

#include <stdbool.h>

#include "inspect.h"
#include "term.h"
#include "types.h"

// Appends term [t] as a term blob to [out] (initialised by the caller, who frees it). Returns
// false, with the first term that has no literal encoding (pid, port, reference, function,
// bitstring that is not whole bytes) or that is nested deeper than EMB_LITERAL_MAX_DEPTH in
// [*bad], and [out] holding partial bytes. Reads [t] only; callable from any built-in.
bool term_blob_encode(Vm *vm, Term t, StrBuf *out, Term *bad);

#endif
