// Per-process heap allocation: bump allocation in the young block, and overflow fragments
// when it is full, so allocation never moves terms and never fails. A fragment's existence
// is the signal for the interpreter to collect at its next safe point (heap_wants_gc).
#include "heap.h"

#include <stdlib.h>

#include "process.h"
#include "refc_binary.h"
#include "vm.h"

// Smallest fragment, in words: amortises malloc over many small allocations.
#define HEAP_FRAGMENT_MIN_WORDS 256

void heap_init(Heap *heap)
{
    heap->start = em_malloc(HEAP_INITIAL_WORDS * sizeof(Term));
    heap->top = heap->start;
    heap->end = heap->start + HEAP_INITIAL_WORDS;
    heap->fragments = NULL;
    heap->fragment_words = 0;
    heap->msg_fragments = NULL;
    heap->msg_words = 0;
    heap->offheap = NULL;
    heap->gc_count = 0;
    heap->capacity = HEAP_INITIAL_WORDS;
    heap->spare = NULL;
    heap->spare_capacity = 0;
    heap->offheap_bytes = 0;
    heap->offheap_limit = HEAP_OFFHEAP_MIN_BYTES;
}

void heap_destroy(Heap *heap)
{
    heap_merge_messages(heap);
    Term *obj = heap->offheap;
    while (obj != NULL) {
        refc_binary_release((RefcBinary *)(uintptr_t)obj[2]);
        obj = (Term *)(uintptr_t)obj[3];
    }
    HeapFragment *f = heap->fragments;
    while (f != NULL) {
        HeapFragment *next = f->next;
        free(f);
        f = next;
    }
    free(heap->start);
    free(heap->spare);
    heap->spare = NULL;
    heap->spare_capacity = 0;
    heap->start = heap->top = heap->end = NULL;
    heap->fragments = NULL;
    heap->fragment_words = 0;
    heap->offheap = NULL;
}

Term *heap_alloc(Process *p, size_t words)
{
    return heap_alloc_in(&p->heap, words);
}

Term *heap_alloc_slow(Heap *heap, size_t words)
{
    HeapFragment *f = heap->fragments;
    if (f == NULL || (size_t)(f->end - f->top) < words) {
        // Fragments double with use, so a builtin building a huge term makes O(log n) of them.
        size_t size = heap->fragment_words;
        if (size < HEAP_FRAGMENT_MIN_WORDS) {
            size = HEAP_FRAGMENT_MIN_WORDS;
        }
        if (size < words) {
            size = words;
        }
        f = em_malloc(sizeof(HeapFragment) + size * sizeof(Term));
        f->next = heap->fragments;
        f->top = f->data;
        f->end = f->data + size;
        heap->fragments = f;
    }
    Term *r = f->top;
    f->top += words;
    heap->fragment_words += words;
    return r;
}

HeapFragment *heap_fragment_new(size_t words)
{
    HeapFragment *f = em_malloc(sizeof(HeapFragment) + (words == 0 ? 1 : words) * sizeof(Term));
    f->next = NULL;
    f->top = f->data;
    f->end = f->data + words;
    return f;
}

void heap_adopt(Heap *heap, HeapFragment *frag, Term *offheap)
{
    // Behind the newest fragment, so heap_alloc_slow keeps filling that one first.
    if (heap->fragments == NULL) {
        frag->next = NULL;
        heap->fragments = frag;
    } else {
        frag->next = heap->fragments->next;
        heap->fragments->next = frag;
    }
    heap->fragment_words += (size_t)(frag->top - frag->data);
    while (offheap != NULL) {
        Term *next = (Term *)(uintptr_t)offheap[3];
        heap_link_offheap(heap, offheap);
        offheap = next;
    }
}

void heap_adopt_message(Heap *heap, HeapFragment *frag, Term *offheap)
{
    frag->next = heap->msg_fragments;
    heap->msg_fragments = frag;
    heap->msg_words += (size_t)(frag->top - frag->data);
    while (offheap != NULL) {
        Term *next = (Term *)(uintptr_t)offheap[3];
        heap_link_offheap(heap, offheap);
        offheap = next;
    }
    if (heap->msg_words > heap_block_words(heap)) {
        heap_merge_messages(heap);
    }
}

void heap_merge_messages(Heap *heap)
{
    HeapFragment *f = heap->msg_fragments;
    while (f != NULL) {
        HeapFragment *next = f->next;
        // Behind the newest fragment, so heap_alloc_slow keeps filling that one first.
        if (heap->fragments == NULL) {
            f->next = NULL;
            heap->fragments = f;
        } else {
            f->next = heap->fragments->next;
            heap->fragments->next = f;
        }
        f = next;
    }
    heap->fragment_words += heap->msg_words;
    heap->msg_fragments = NULL;
    heap->msg_words = 0;
}

void heap_link_offheap(Heap *heap, Term *obj)
{
    RefcBinary *bin = (RefcBinary *)(uintptr_t)obj[2];
    heap_link_offheap_charged(heap, obj, refc_binary_charge(bin, (size_t)obj[1]));
}

void heap_link_offheap_charged(Heap *heap, Term *obj, size_t charge)
{
    heap->offheap_bytes += charge;
    obj[3] = (Term)(uintptr_t)heap->offheap;
    heap->offheap = obj;
}

bool heap_contains(const Heap *heap, const Term *ptr)
{
    if (ptr >= heap->start && ptr < heap->end) {
        return true;
    }
    for (const HeapFragment *f = heap->fragments; f != NULL; f = f->next) {
        if (ptr >= f->data && ptr < f->end) {
            return true;
        }
    }
    for (const HeapFragment *f = heap->msg_fragments; f != NULL; f = f->next) {
        if (ptr >= f->data && ptr < f->end) {
            return true;
        }
    }
    return false;
}

size_t heap_used_words(const Heap *heap)
{
    return (size_t)(heap->top - heap->start) + heap->fragment_words + heap->msg_words;
}

bool heap_wants_gc(const Heap *heap)
{
    return heap->fragments != NULL;
}
