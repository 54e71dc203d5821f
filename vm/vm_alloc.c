// Host allocation wrappers for VM-wide structures. A NULL from the C allocator is fatal: the
// VM prints one line and exits 1 (the only exit() outside main.c). Per-process memory limits
// are enforced elsewhere, as errors in the process.
#include "vm.h"

#include <stdio.h>
#include <stdlib.h>

_Noreturn void fatal_oom(void)
{
    fputs("ember: out of memory\n", stderr);
    fflush(stdout);
    exit(1);
}

void *em_malloc(size_t size)
{
    void *ptr = malloc(size == 0 ? 1 : size);
    if (ptr == NULL) {
        fatal_oom();
    }
    return ptr;
}

void *em_realloc(void *ptr, size_t size)
{
    void *grown = realloc(ptr, size == 0 ? 1 : size);
    if (grown == NULL) {
        fatal_oom();
    }
    return grown;
}

void *em_calloc(size_t count, size_t size)
{
    void *ptr = calloc(count == 0 ? 1 : count, size == 0 ? 1 : size);
    if (ptr == NULL) {
        fatal_oom();
    }
    return ptr;
}
