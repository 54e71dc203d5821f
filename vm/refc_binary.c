// Off-heap reference-counted binaries: one malloc holding the count, the size and the bytes.
// Retain is a relaxed increment; release uses acq_rel so the last owner sees every write
// before it frees.
#include "refc_binary.h"

#include <stdlib.h>

#include "vm.h"

RefcBinary *refc_binary_new(size_t size)
{
    RefcBinary *bin = em_malloc(sizeof(RefcBinary) + size);
    atomic_init(&bin->refcount, 1);
    bin->size = size;
    atomic_init(&bin->append_end, 0);
    bin->finalize = NULL;
    return bin;
}

RefcBinary *refc_binary_new_appendable(size_t used, size_t capacity)
{
    RefcBinary *bin = refc_binary_new(capacity);
    atomic_init(&bin->append_end, used);
    return bin;
}

void refc_binary_retain(RefcBinary *bin)
{
    atomic_fetch_add_explicit(&bin->refcount, 1, memory_order_relaxed);
}

void refc_binary_release(RefcBinary *bin)
{
    if (atomic_fetch_sub_explicit(&bin->refcount, 1, memory_order_acq_rel) == 1) {
        if (bin->finalize != NULL) {
            bin->finalize(bin);
        }
        free(bin);
    }
}
