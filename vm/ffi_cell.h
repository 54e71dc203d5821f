// FFI handles. A library, a prepared function or a pointer is C state kept in a "cell": an
// off-heap reference-counted block (a RefcBinary, so the GC, messages and process exit treat
// it like a large binary, and it is freed when the last term referring to it is collected).
// Ember sees it through the structs %FFI.Library{}, %FFI.Function{} and %FFI.Pointer{}, whose
// :handle field holds the cell as a REFBIN. The binary's visible bytes are an immutable header
// (a magic number and the cell's own address), so a copy of those bytes made in Ember is no
// cell: a handle cannot be forged by accident, and the state past the header is never seen as
// binary data. Cells never move and are safe to read from any thread.
#ifndef EMBER_VM_FFI_CELL_H
#define EMBER_VM_FFI_CELL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inspect.h"
#include "refc_binary.h"
#include "term.h"
#include "types.h"

typedef enum FfiCellKind {
    FFI_CELL_LIBRARY = 1, // body: FfiLib
    FFI_CELL_FUNCTION,    // body: FfiFun (ffi_call.h)
    FFI_CELL_POINTER,     // body: FfiPtr
    // Cells Ember sees as the bare handle, with no struct around it (vm/shared/README.md):
    FFI_CELL_ATOMICS,     // body: SharedAtomics (:atomics and :counters arrays)
    FFI_CELL_HASH,        // body: a :crypto hash or mac state (vm/shared/crypto.c)
} FfiCellKind;

// The largest FFI.alloc: a bigger request is an ArgumentError rather than a malloc that
// could take the machine's memory (buffers that large belong to the C library's allocator).
#define FFI_ALLOC_MAX ((size_t)1 << 30)

// A dlopen handle. Libraries are never closed: functions keep raw addresses into them.
typedef struct FfiLib {
    void *handle;
} FfiLib;

// A C address. Owned memory (FFI.alloc) lies in the cell itself, right after this struct, so
// it lives exactly as long as some term refers to the pointer; FFI.free only marks it dead.
typedef struct FfiPtr {
    uint8_t *addr;      // never NULL (NULL is nil in Ember)
    size_t size;        // owned: bytes usable from addr (reads and writes are checked)
    bool owned;         // from FFI.alloc
    atomic_bool freed;  // FFI.free was called: every later use raises
} FfiPtr;

// A %FFI.Pointer{} resolved: its cell, and the byte offset its struct adds to the cell's
// address (FFI.offset/2; 0 otherwise).
typedef struct FfiPtrRef {
    FfiPtr *cell;
    RefcBinary *bin;
    int64_t offset;
} FfiPtrRef;

// A new cell of [kind] with [body_size] zeroed bytes of state; returns the state and stores
// the handle (a REFBIN on [p]'s heap) in *[handle]. NULL when the memory is not available
// (only possible for large bodies; small ones fatal_oom like any allocation).
void *ffi_cell_new(Process *p, FfiCellKind kind, size_t body_size, Term *handle);

// The state of the cell of [kind] inside struct [t] (%FFI.Library{} ...), with its block in
// *[bin] when [bin] is not NULL; NULL when [t] is anything else (a forged or foreign value).
void *ffi_cell_get(Process *p, Term t, FfiCellKind kind, RefcBinary **bin);

// The state of the cell of [kind] whose handle (the REFBIN itself, not a struct) is [handle],
// with its block in *[bin] when [bin] is not NULL; NULL for any other term, including a copy
// of a handle's bytes. Reads only: any thread.
void *ffi_cell_from_handle(Term handle, FfiCellKind kind, RefcBinary **bin);

// The state of cell block [bin] (for finalizers: bin->finalize, set after ffi_cell_new, is
// called with the block when the last term referring to it is gone).
void *ffi_cell_body(RefcBinary *bin);

// Appends the opaque form inspect prints for an FFI struct [t] with a genuine cell:
// #FFI.Pointer<0x7f...> (", 16 bytes" for FFI.alloc memory, ", freed" after FFI.free),
// #FFI.Function<cos/1>, #FFI.Library<libm.so.6>. False (nothing appended) for other terms.
// Reads only: any thread that may read [t] may call it.
bool ffi_cell_inspect(Vm *vm, Term t, StrBuf *out);

// The struct of [kind] around [handle] with [extra_len] more key/value pairs from [extra]
// (laid out k0, v0, k1, v1 ...), on [p]'s heap.
Term ffi_cell_wrap(Process *p, FfiCellKind kind, Term handle, const Term *extra,
                   uint32_t extra_len);

// Resolves pointer struct [t] into [out]; false when [t] is no genuine %FFI.Pointer{}.
bool ffi_pointer_get(Process *p, Term t, FfiPtrRef *out);

// The address [extra] bytes past [ref]'s, where [size] bytes are to be accessed; NULL when
// they are not all inside owned memory (a foreign pointer's extent is unknown: no check).
uint8_t *ffi_pointer_addr(const FfiPtrRef *ref, int64_t extra, size_t size);

// A copy of pointer struct [t] whose offset is [offset] (FFI.offset/2; the caller checks it).
Term ffi_pointer_at(Process *p, Term t, int64_t offset);

// The Ember value of C address [addr]: nil for NULL, else a new %FFI.Pointer{} that does not
// own the memory (no bounds known, never freed by Ember).
Term ffi_pointer_foreign(Process *p, void *addr);

// A new %FFI.Pointer{} owning [size] zeroed bytes, 16-byte aligned. TERM_NONE when the
// memory is not available (nothing raised).
Term ffi_pointer_alloc(Process *p, size_t size);

#endif
