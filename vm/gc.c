// The per-process Cheney collector. From-space is the young block plus every fragment; live
// terms reachable from the Process roots are copied into one new block, scanned word by word
// (a header word says how many raw words to skip; anything else starts a 2-word cons cell).
// Forwarding: a boxed object's header becomes the boxed term of its copy; a cons cell's head
// becomes TERM_NONE and its tail the new cons term. Terms outside from-space (module
// literals, other blocks) are never touched. The block is then resized to its target size,
// and REFBINs that died drop their reference.
#include "gc.h"

#include <stdlib.h>

#include "heap.h"
#include "process.h"
#include "refc_binary.h"
#include "vm.h"

// The smallest block a collected process gets: collecting more often than every few hundred
// words costs more in root scanning than it saves in memory (BEAM's minimum is 233 words).
#define GC_MIN_WORDS 440
// Old blocks at least this big are kept as the next to-space instead of being freed: large
// blocks come from mmap, and touching a fresh mapping costs a page fault per 4 KB.
#define GC_SPARE_MIN_WORDS (32u * 1024u)
// Blocks get 1/8 more capacity than their usable size, so a full block plus a little
// fragment overflow still fits in it when it is reused as to-space.
#define GC_SLACK_DIVISOR 8
// Above this size the series grows by 20% a step instead of Fibonacci-like (~1.6x).
#define GC_LINEAR_GROWTH_WORDS (8u * 1024u * 1024u)

typedef enum Traced { TRACED_NONE, TRACED_ALL, TRACED_FROM1, TRACED_LAST } Traced;

static const uint8_t traced_of[TERM_TYPE_COUNT] = {
#define TERM_TYPE(name, traced, doc) TRACED_##traced,
#include "term_types.def"
#undef TERM_TYPE
};

typedef struct Gc {
    const Term *old_start; // the old young block
    const Term *old_end;
    const HeapFragment *fragments;
    Term *top; // to-space allocation pointer
} Gc;

static bool in_from_space(const Gc *gc, const Term *ptr)
{
    if (ptr >= gc->old_start && ptr < gc->old_end) {
        return true;
    }
    for (const HeapFragment *f = gc->fragments; f != NULL; f = f->next) {
        if (ptr >= f->data && ptr < f->end) {
            return true;
        }
    }
    return false;
}

// The to-space version of [t], copying it (shallowly) on first visit.
static Term evacuate(Gc *gc, Term t)
{
    if (term_is_cons(t)) {
        Term *cell = term_cons_ptr(t);
        if (!in_from_space(gc, cell)) {
            return t;
        }
        if (cell[0] == TERM_NONE) {
            return cell[1];
        }
        Term *copy = gc->top;
        gc->top += 2;
        copy[0] = cell[0];
        copy[1] = cell[1];
        Term moved = term_from_cons(copy);
        cell[0] = TERM_NONE;
        cell[1] = moved;
        return moved;
    }
    if (!term_is_boxed(t)) {
        return t;
    }
    Term *obj = term_boxed_ptr(t);
    if (!in_from_space(gc, obj)) {
        return t;
    }
    if (!term_is_header(obj[0])) {
        return obj[0]; // already forwarded
    }
    size_t words = (size_t)term_header_size(obj[0]) + 1;
    Term *copy = gc->top;
    gc->top += words;
    for (size_t i = 0; i < words; i++) { // most objects are a few words: no memcpy call
        copy[i] = obj[i];
    }
    Term moved = term_from_boxed(copy);
    obj[0] = moved;
    return moved;
}

static void evacuate_range(Gc *gc, Term *first, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        first[i] = evacuate(gc, first[i]);
    }
}

// Cheney scan of to-space from [scan] until it catches up with the allocation pointer.
static void scan_to_space(Gc *gc, Term *scan)
{
    while (scan < gc->top) {
        Term w = *scan;
        if (!term_is_header(w)) { // a cons cell
            scan[0] = evacuate(gc, scan[0]);
            scan[1] = evacuate(gc, scan[1]);
            scan += 2;
            continue;
        }
        size_t size = (size_t)term_header_size(w);
        switch (traced_of[term_header_type(w)]) {
        case TRACED_ALL:
            evacuate_range(gc, scan + 1, size);
            break;
        case TRACED_FROM1:
            if (size > 1) {
                evacuate_range(gc, scan + 2, size - 1);
            }
            break;
        case TRACED_LAST:
            if (size > 0) {
                scan[size] = evacuate(gc, scan[size]);
            }
            break;
        default:
            break;
        }
        scan += size + 1;
    }
}

static void evacuate_roots(Gc *gc, Process *p)
{
    evacuate_range(gc, p->stack, p->stack_top);
    p->exc_kind = evacuate(gc, p->exc_kind);
    p->exc_reason = evacuate(gc, p->exc_reason);
    p->exc_stack = evacuate(gc, p->exc_stack);
    p->dictionary = evacuate(gc, p->dictionary);
    evacuate_range(gc, p->extra_roots, p->extra_root_count);
    p->result = evacuate(gc, p->result);
    p->exit_reason = evacuate(gc, p->exit_reason);
}

// Relinks the REFBINs that survived (their from-space header now forwards to the copy) into
// a new off-heap list, releases the rest, and sets the next off-heap budget.
static void sweep_offheap(Heap *heap)
{
    Term *list = heap->offheap;
    Term *survivors = NULL;
    size_t bytes = 0;
    while (list != NULL) {
        Term *next = (Term *)(uintptr_t)list[3];
        RefcBinary *bin = (RefcBinary *)(uintptr_t)list[2];
        if (term_is_header(list[0])) {
            refc_binary_release(bin);
        } else {
            Term *copy = term_boxed_ptr(list[0]);
            copy[3] = (Term)(uintptr_t)survivors;
            survivors = copy;
            bytes += refc_binary_charge(bin, (size_t)copy[1]);
        }
        list = next;
    }
    heap->offheap = survivors;
    heap->offheap_bytes = bytes;
    heap->offheap_limit = bytes * 2 > HEAP_OFFHEAP_MIN_BYTES ? bytes * 2 : HEAP_OFFHEAP_MIN_BYTES;
}

// The first size of the heap series that is at least [words].
static size_t series_at_least(size_t words)
{
    size_t a = HEAP_INITIAL_WORDS;
    size_t b = HEAP_INITIAL_WORDS + HEAP_INITIAL_WORDS / 2 + 8;
    if (words <= a) {
        return a;
    }
    while (b < words) {
        size_t next = b < GC_LINEAR_GROWTH_WORDS ? a + b : b + b / 5;
        a = b;
        b = next;
    }
    return b;
}

// The new block size for [live] surviving words plus [need]: grow when the block would be
// more than 3/4 full, shrink when it would be less than 1/8 full, else keep [cur].
static size_t target_size(size_t cur, size_t live, size_t need)
{
    size_t want = live + need;
    size_t size = cur;
    if (want * 4 > cur * 3 || want * 8 < cur) {
        size = series_at_least(want * 2);
    }
    if (size < GC_MIN_WORDS) {
        size = GC_MIN_WORDS;
    }
    return size < want ? want : size;
}

// [lo, hi) is the old (already freed) block's address range, compared as plain integers.
static Term relocate(Term t, uintptr_t lo, uintptr_t hi, ptrdiff_t delta)
{
    if ((term_is_cons(t) || term_is_boxed(t)) && t >= lo && t < hi) {
        return (Term)((intptr_t)t + delta);
    }
    return t;
}

static void relocate_range(Term *first, size_t count, uintptr_t lo, uintptr_t hi,
                           ptrdiff_t delta)
{
    for (size_t i = 0; i < count; i++) {
        first[i] = relocate(first[i], lo, hi, delta);
    }
}

// After realloc moved the block from [lo, hi) by [delta] bytes: fix every pointer into it,
// in the block itself (walked like to-space), the roots and the off-heap chain.
static void relocate_all(Process *p, Term *start, Term *top, uintptr_t lo, uintptr_t hi,
                         ptrdiff_t delta)
{
    for (Term *w = start; w < top;) {
        if (!term_is_header(*w)) {
            relocate_range(w, 2, lo, hi, delta);
            w += 2;
            continue;
        }
        size_t size = (size_t)term_header_size(*w);
        TermType type = term_header_type(*w);
        if (type == TERM_TYPE_REFBIN && w[3] != 0) {
            w[3] = (Term)((intptr_t)w[3] + delta);
        } else if (traced_of[type] == TRACED_ALL) {
            relocate_range(w + 1, size, lo, hi, delta);
        } else if (traced_of[type] == TRACED_FROM1 && size > 1) {
            relocate_range(w + 2, size - 1, lo, hi, delta);
        } else if (traced_of[type] == TRACED_LAST && size > 0) {
            w[size] = relocate(w[size], lo, hi, delta);
        }
        w += size + 1;
    }
    relocate_range(p->stack, p->stack_top, lo, hi, delta);
    relocate_range(&p->exc_kind, 1, lo, hi, delta);
    relocate_range(&p->exc_reason, 1, lo, hi, delta);
    relocate_range(&p->exc_stack, 1, lo, hi, delta);
    relocate_range(&p->dictionary, 1, lo, hi, delta);
    relocate_range(p->extra_roots, p->extra_root_count, lo, hi, delta);
    relocate_range(&p->result, 1, lo, hi, delta);
    relocate_range(&p->exit_reason, 1, lo, hi, delta);
    if (p->heap.offheap != NULL) {
        p->heap.offheap = (Term *)((intptr_t)p->heap.offheap + delta);
    }
}

// Frees the fragments, and the old young block unless it is large enough to keep as the
// next collection's to-space (saving the page faults of a fresh mapping every time).
static void free_from_space(Heap *heap, Term *block, size_t capacity)
{
    HeapFragment *f = heap->fragments;
    while (f != NULL) {
        HeapFragment *next = f->next;
        free(f);
        f = next;
    }
    if (capacity >= GC_SPARE_MIN_WORDS && capacity > heap->spare_capacity) {
        free(heap->spare);
        heap->spare = block;
        heap->spare_capacity = capacity;
    } else {
        free(block);
    }
}

// A to-space of at least [bound] words: the spare block when it is big enough.
static Term *take_to_space(Heap *heap, size_t bound, size_t *capacity)
{
    if (heap->spare != NULL && heap->spare_capacity >= bound) {
        Term *to = heap->spare;
        *capacity = heap->spare_capacity;
        heap->spare = NULL;
        heap->spare_capacity = 0;
        return to;
    }
    free(heap->spare);
    heap->spare = NULL;
    heap->spare_capacity = 0;
    *capacity = bound == 0 ? 1 : bound;
    return em_malloc(*capacity * sizeof(Term));
}

// Makes the [live]-word to-space block [to] of [capacity] words the young block of [size]
// usable words, resizing it when its capacity is off by more than the slack.
static void install_block(Process *p, Term *to, size_t capacity, size_t live, size_t size)
{
    Heap *heap = &p->heap;
    size_t wanted = size + size / GC_SLACK_DIVISOR; // slack lets it serve as a later to-space
    Term *block = to;
    if (capacity < size || capacity > wanted + wanted / GC_SLACK_DIVISOR) {
        uintptr_t lo = (uintptr_t)to;
        block = em_realloc(to, wanted * sizeof(Term));
        capacity = wanted;
        if ((uintptr_t)block != lo) {
            ptrdiff_t delta = (ptrdiff_t)((uintptr_t)block - lo);
            relocate_all(p, block, block + live, lo, lo + live * sizeof(Term), delta);
        }
    }
    heap->start = block;
    heap->top = block + live;
    heap->end = block + size;
    heap->capacity = capacity;
}

void gc_collect(Process *p, size_t need_words)
{
    Heap *heap = &p->heap;
    heap_merge_messages(heap);
    size_t cur = heap_block_words(heap);
    size_t bound = heap_used_words(heap) + need_words; // live data can never exceed this
    size_t capacity;
    Term *to = take_to_space(heap, bound, &capacity);
    Gc gc = {heap->start, heap->top, heap->fragments, to};
    evacuate_roots(&gc, p);
    scan_to_space(&gc, to);
    size_t live = (size_t)(gc.top - to);
    sweep_offheap(heap);
    free_from_space(heap, heap->start, heap->capacity);
    heap->fragments = NULL;
    heap->fragment_words = 0;
    install_block(p, to, capacity, live, target_size(cur, live, need_words));
    heap->gc_count++;
}
