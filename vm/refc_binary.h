// Off-heap binaries larger than HEAPBIN_MAX_SIZE, shared between processes by an atomic
// reference count. A REFBIN object on a process heap holds one reference.
#ifndef EMBER_VM_REFC_BINARY_H
#define EMBER_VM_REFC_BINARY_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "types.h"

#define HEAPBIN_MAX_SIZE 64

struct RefcBinary {
    atomic_size_t refcount;
    size_t size;              // bytes allocated
    atomic_size_t append_end; // appendable binaries (grown by appends, vm/bitstring.c): the end
                              // of the longest view handed out; 0 for every other binary
    void (*finalize)(RefcBinary *bin); // called before the last release frees it: the C state
                                       // of an FFI/shared cell (vm/ffi_cell.h); NULL otherwise
    _Alignas(16) uint8_t data[]; // malloc's alignment: FFI cells hand it out as C memory
};

// A new binary of [size] bytes with refcount 1. fatal_oom on failure.
RefcBinary *refc_binary_new(size_t size);
// A new appendable binary: [capacity] bytes allocated, the first [used] handed out.
RefcBinary *refc_binary_new_appendable(size_t used, size_t capacity);

// The bytes a view of [view_len] bytes of [bin] charges to its process's off-heap budget: the
// whole allocation, except for appendable binaries, whose spare room many views share.
static inline size_t refc_binary_charge(RefcBinary *bin, size_t view_len)
{
    return atomic_load_explicit(&bin->append_end, memory_order_relaxed) != 0 ? view_len
                                                                              : bin->size;
}
// Adds one reference.
void refc_binary_retain(RefcBinary *bin);
// Drops one reference, freeing at zero (after calling bin->finalize when set). Thread-safe.
void refc_binary_release(RefcBinary *bin);

#endif
