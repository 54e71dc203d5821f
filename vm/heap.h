// Per-process heap: a bump-allocated young block plus overflow fragments. Allocation never
// moves anything and never fails (malloc failure is fatal_oom), so built-ins may allocate
// freely while holding raw pointers. Only gc_collect (gc.h), run by the interpreter at a safe
// point, moves terms; it merges the block and all fragments into one new block.
#ifndef EMBER_VM_HEAP_H
#define EMBER_VM_HEAP_H

#include <stdbool.h>
#include <stddef.h>

#include "term.h"

// Initial young block of a new process, in words (kept small: a process should cost < 1 KB).
#define HEAP_INITIAL_WORDS 32
// Off-heap binary bytes a process may accumulate before a collection, at least: garbage
// binaries take no heap words, so without this budget they would pile up between GCs.
#define HEAP_OFFHEAP_MIN_BYTES (1024u * 1024u)

typedef struct HeapFragment HeapFragment;
struct HeapFragment {
    HeapFragment *next;
    Term *top;  // first free word
    Term *end;
    Term data[]; // the words
};

typedef struct Heap {
    Term *start;             // the young block: start <= top <= end
    Term *top;
    Term *end;
    HeapFragment *fragments; // overflow blocks, newest first
    size_t fragment_words;   // words used in fragments (counts toward the next GC decision)
    Term *offheap;           // REFBIN objects referenced from this heap, chained via payload word 2
    size_t gc_count;
    size_t capacity;         // words malloc'd for the young block (>= end - start)
    Term *spare;             // a large block kept from the last GC as the next to-space, or NULL
    size_t spare_capacity;   // its words
    size_t offheap_bytes;    // bytes of the REFBINs on the off-heap list (live or not)
    size_t offheap_limit;    // collect once offheap_bytes passes this (BEAM's binary vheap)
    HeapFragment *msg_fragments; // received messages' blocks, adopted as they were copied
    size_t msg_words;            // their words: merged into fragments (forcing a GC) past a budget
} Heap;

// Makes [heap] an empty heap of HEAP_INITIAL_WORDS words.
void heap_init(Heap *heap);
// Frees every block and fragment of [heap] and drops its REFBIN references.
void heap_destroy(Heap *heap);
// [words] fresh words on [p]'s heap. Never fails, never triggers GC.
Term *heap_alloc(Process *p, size_t words);
// The out-of-line part of heap_alloc_in: [words] in a (new) fragment of [heap].
Term *heap_alloc_slow(Heap *heap, size_t words);
// heap_alloc on [heap] directly, inline: a compare and a bump on the fast path. Hot code
// (the interpreter, term constructors) uses heap_alloc_in(&p->heap, n). Same contract.
static inline Term *heap_alloc_in(Heap *heap, size_t words)
{
    Term *r = heap->top;
    if ((size_t)(heap->end - r) >= words) {
        heap->top = r + words;
        return r;
    }
    return heap_alloc_slow(heap, words);
}
// A fragment of [words] words, linked to no heap: a message block for term_copy. Its owner
// fills it and sets top, then hands it to heap_adopt (or frees it with free()).
HeapFragment *heap_fragment_new(size_t words);
// Makes [frag] (used up to frag->top) part of [heap], with [offheap] the chain of REFBINs that
// term_copy built for it. The heap owns both afterwards; the next gc_collect merges them.
// Only the heap's owner may call it.
void heap_adopt(Heap *heap, HeapFragment *frag, Term *offheap);
// Makes message block [frag] (with its REFBIN chain [offheap]) part of [heap] without forcing
// a collection: received messages accumulate until their words pass the young block's size,
// then join the fragments so the next safe point collects. Terms in [frag] stay where they
// are, so registers already pointing into it stay valid. Only the heap's owner may call it.
void heap_adopt_message(Heap *heap, HeapFragment *frag, Term *offheap);
// Moves the message blocks into the fragment list (gc_collect and heap_destroy call it).
void heap_merge_messages(Heap *heap);
// Links the REFBIN object at [obj] (its header word) into [heap]'s off-heap list, so the GC
// and heap_destroy drop its reference when it dies, and counts its bytes toward the next GC.
// The object must lie in [heap].
void heap_link_offheap(Heap *heap, Term *obj);
// The same, counting [charge] bytes instead of the binary's own charge (refc_binary_charge):
// a view made by appending counts only the bytes it added.
void heap_link_offheap_charged(Heap *heap, Term *obj, size_t charge);
// Words in the young block (its capacity, used or not).
static inline size_t heap_block_words(const Heap *heap)
{
    return (size_t)(heap->end - heap->start);
}
// True when [ptr] lies in [heap]'s young block or one of its fragments.
bool heap_contains(const Heap *heap, const Term *ptr);
// Words allocated in the block and fragments together.
size_t heap_used_words(const Heap *heap);
// True when the interpreter should call gc_collect at its next safe point: fragments exist
// (allocation overflowed the block, or off-heap binaries passed their budget: see
// term_make_binary_uninit, which then allocates in a fragment so this one test suffices).
bool heap_wants_gc(const Heap *heap);

#endif
