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
    size_t size;
    uint8_t data[];
};

// A new binary of [size] bytes with refcount 1. fatal_oom on failure.
RefcBinary *refc_binary_new(size_t size);
// Adds one reference.
void refc_binary_retain(RefcBinary *bin);
// Drops one reference, freeing at zero. Thread-safe.
void refc_binary_release(RefcBinary *bin);

#endif
