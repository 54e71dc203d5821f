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

char *em_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096;
    size_t n = 0;
    char *buf = em_malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = em_realloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}
