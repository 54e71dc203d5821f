// The per-process copying collector (Cheney). Run by the process's own scheduler thread while
// the process is not executing an instruction. Roots are described by the Process: its register
// stack up to stack_top, its pending exception terms, its dictionary and the extra root slots.
// Literal terms (outside the heap) are never copied.
#ifndef EMBER_VM_GC_H
#define EMBER_VM_GC_H

#include <stddef.h>

#include "types.h"

// Collects [p]'s heap so that at least [need_words] more words fit in the new young block
// without a fragment. Sizes grow in a Fibonacci-like series and shrink when mostly empty.
// REFBINs no longer referenced get their refcount dropped. Never fails (fatal_oom only).
void gc_collect(Process *p, size_t need_words);

#endif
