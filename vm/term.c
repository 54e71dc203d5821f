// Term constructors and binary views: every object is built on the owning process's heap
// with heap_alloc_in, which never moves anything, so callers may hold raw pointers between
// calls. Layouts follow term_types.def; binaries over HEAPBIN_MAX_SIZE bytes go off-heap.
#include "term.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "heap.h"
#include "process.h"
#include "refc_binary.h"
#include "vm.h"

Term term_make_float(Process *p, double d)
{
    Term *obj = heap_alloc_in(&p->heap, 2);
    obj[0] = term_make_header(TERM_TYPE_FLOAT, 1);
    memcpy(&obj[1], &d, sizeof d);
    return term_from_boxed(obj);
}

Term term_make_int(Process *p, int64_t v)
{
    if (small_fits(v)) {
        return term_from_small(v);
    }
    Term *obj = heap_alloc_in(&p->heap, 2);
    obj[0] = term_make_header(v < 0 ? TERM_TYPE_BIGNEG : TERM_TYPE_BIGPOS, 1);
    obj[1] = v < 0 ? (Term)0 - (Term)v : (Term)v;
    return term_from_boxed(obj);
}

Term term_make_tuple(Process *p, uint32_t arity, const Term *elems)
{
    Term *obj = heap_alloc_in(&p->heap, (size_t)arity + 1);
    obj[0] = term_make_header(TERM_TYPE_TUPLE, arity);
    if (elems != NULL) {
        for (uint32_t i = 0; i < arity; i++) { // a loop: tuples are small, memcpy is a call
            obj[i + 1] = elems[i];
        }
    } else {
        for (uint32_t i = 0; i < arity; i++) {
            obj[i + 1] = TERM_NIL;
        }
    }
    return term_from_boxed(obj);
}

Term term_make_cons(Process *p, Term head, Term tail)
{
    Term *cell = heap_alloc_in(&p->heap, 2);
    cell[0] = head;
    cell[1] = tail;
    return term_from_cons(cell);
}

Term term_make_binary_uninit(Process *p, size_t size, uint8_t **out)
{
    if (size <= HEAPBIN_MAX_SIZE) {
        size_t words = (size + sizeof(Term) - 1) / sizeof(Term);
        Term *obj = heap_alloc_in(&p->heap, words + 2);
        obj[0] = term_make_header(TERM_TYPE_HEAPBIN, words + 1);
        obj[1] = size;
        if (words > 0) {
            obj[words + 1] = 0; // padding bytes are deterministic
        }
        *out = (uint8_t *)(obj + 2);
        return term_from_boxed(obj);
    }
    RefcBinary *bin = refc_binary_new(size);
    *out = bin->data;
    return term_make_refbin(p, bin, size);
}

Term term_make_refbin(Process *p, RefcBinary *bin, size_t size)
{
    return term_make_refbin_charged(p, bin, size, refc_binary_charge(bin, size));
}

Term term_make_refbin_charged(Process *p, RefcBinary *bin, size_t size, size_t charge)
{
    Heap *heap = &p->heap;
    // Over the off-heap budget: allocate in a fragment, which makes the interpreter collect
    // at its next safe point and release the dead binaries.
    bool over = heap->offheap_bytes + charge > heap->offheap_limit;
    Term *obj = over ? heap_alloc_slow(heap, 4) : heap_alloc_in(heap, 4);
    obj[0] = term_make_header(TERM_TYPE_REFBIN, 3);
    obj[1] = size;
    obj[2] = (Term)(uintptr_t)bin;
    heap_link_offheap_charged(&p->heap, obj, charge);
    return term_from_boxed(obj);
}

Term term_make_binary(Process *p, const void *bytes, size_t size)
{
    uint8_t *data;
    Term t = term_make_binary_uninit(p, size, &data);
    if (size > 0) {
        memcpy(data, bytes, size);
    }
    return t;
}

const uint8_t *term_binary_bytes(Term t, size_t *size)
{
    const Term *obj = term_boxed_ptr(t);
    *size = (size_t)obj[1];
    switch (term_header_type(obj[0])) {
    case TERM_TYPE_HEAPBIN:
        return (const uint8_t *)(obj + 2);
    case TERM_TYPE_REFBIN:
        return ((const RefcBinary *)(uintptr_t)obj[2])->data;
    default: { // SUBBIN: a slice of a HEAPBIN or REFBIN (the tail byte's low bits may be
               // the parent's: readers mask them)
        size_t whole;
        const uint8_t *base = term_binary_bytes(obj[4], &whole);
        return base + obj[2];
    }
    }
}

Term term_make_bitstring_uninit(Process *p, size_t bit_size, uint8_t **out)
{
    size_t size = bit_size / 8;
    unsigned tail_bits = (unsigned)(bit_size % 8);
    Term whole = term_make_binary_uninit(p, size + (tail_bits > 0), out);
    if (tail_bits == 0) {
        return whole;
    }
    (*out)[size] = 0;
    Term *obj = heap_alloc_in(&p->heap, 5);
    obj[0] = term_make_header(TERM_TYPE_SUBBIN, 4);
    obj[1] = size;
    obj[2] = 0;
    obj[3] = tail_bits;
    obj[4] = whole;
    return term_from_boxed(obj);
}

Term term_make_sub_binary(Process *p, Term bin, size_t offset, size_t size, unsigned tail_bits)
{
    const Term *src = term_boxed_ptr(bin);
    if (term_header_type(src[0]) == TERM_TYPE_SUBBIN) { // slice the parent itself
        offset += (size_t)src[2];
        bin = src[4];
    }
    size_t span = size + (tail_bits > 0);
    if (span <= HEAPBIN_MAX_SIZE) {
        uint8_t *out;
        Term copy = term_make_bitstring_uninit(p, size * 8 + tail_bits, &out);
        size_t whole;
        const uint8_t *bytes = term_binary_bytes(bin, &whole);
        memcpy(out, bytes + offset, span);
        if (tail_bits > 0) { // keep the padding bits of the last byte zero
            out[size] &= (uint8_t)(0xFFu << (8 - tail_bits));
        }
        return copy;
    }
    if (offset == 0 && tail_bits == 0 && (size_t)term_boxed_ptr(bin)[1] == size) {
        return bin; // the whole parent
    }
    Term *obj = heap_alloc_in(&p->heap, 5);
    obj[0] = term_make_header(TERM_TYPE_SUBBIN, 4);
    obj[1] = size;
    obj[2] = offset;
    obj[3] = tail_bits;
    obj[4] = bin;
    return term_from_boxed(obj);
}

Term term_make_list(Process *p, size_t len, const Term *elems)
{
    if (len == 0) {
        return TERM_NIL;
    }
    Term *cells = heap_alloc_in(&p->heap, 2 * len);
    for (size_t i = 0; i < len; i++) {
        cells[2 * i] = elems[i];
        cells[2 * i + 1] = i + 1 < len ? term_from_cons(&cells[2 * i + 2]) : TERM_NIL;
    }
    return term_from_cons(cells);
}

Term term_make_ref(Process *p)
{
    Term *obj = heap_alloc_in(&p->heap, 2);
    obj[0] = term_make_header(TERM_TYPE_REF, 1);
    obj[1] = (Term)atomic_fetch_add(&p->vm->next_ref, 1) + 1;
    return term_from_boxed(obj);
}

// ==== Copying between heaps ====

// Which payload words of a boxed object hold terms: [first, first + count).
static void traced_words(Term header, size_t *first, size_t *count)
{
    size_t size = (size_t)term_header_size(header);
    switch (term_header_type(header)) {
    case TERM_TYPE_TUPLE:
    case TERM_TYPE_EXPORT:
        *first = 1;
        *count = size;
        return;
    case TERM_TYPE_MAP:
    case TERM_TYPE_MAPTREE:
    case TERM_TYPE_CLOSURE:
        *first = 2;
        *count = size > 0 ? size - 1 : 0;
        return;
    case TERM_TYPE_SUBBIN:
        *first = size;
        *count = 1;
        return;
    default:
        *first = 0;
        *count = 0;
        return;
    }
}

typedef struct TermStack {
    Term *items;
    size_t len;
    size_t cap;
} TermStack;

static void stack_push(TermStack *s, Term t)
{
    if (s->len == s->cap) {
        s->cap = s->cap == 0 ? 64 : s->cap * 2;
        s->items = em_realloc(s->items, s->cap * sizeof(Term));
    }
    s->items[s->len++] = t;
}

size_t term_copy_size(Term t)
{
    TermStack stack = {0};
    size_t words = 0;
    stack_push(&stack, t);
    while (stack.len > 0) {
        Term u = stack.items[--stack.len];
        if (term_is_cons(u)) {
            words += 2;
            stack_push(&stack, term_hd(u));
            stack_push(&stack, term_tl(u));
        } else if (term_is_boxed(u)) {
            const Term *obj = term_boxed_ptr(u);
            size_t first;
            size_t count;
            words += (size_t)term_header_size(obj[0]) + 1;
            traced_words(obj[0], &first, &count);
            for (size_t i = 0; i < count; i++) {
                stack_push(&stack, obj[first + i]);
            }
        }
    }
    free(stack.items);
    return words;
}

// Copies the object or cons cell [t] points at (not its children) to *[top].
static Term copy_shallow(Term t, Term **top, Term **offheap)
{
    Term *dst = *top;
    if (term_is_cons(t)) {
        dst[0] = term_hd(t);
        dst[1] = term_tl(t);
        *top += 2;
        return term_from_cons(dst);
    }
    const Term *obj = term_boxed_ptr(t);
    size_t words = (size_t)term_header_size(obj[0]) + 1;
    for (size_t i = 0; i < words; i++) {
        dst[i] = obj[i];
    }
    *top += words;
    if (term_header_type(obj[0]) == TERM_TYPE_REFBIN) {
        refc_binary_retain((RefcBinary *)(uintptr_t)dst[2]);
        dst[3] = (Term)(uintptr_t)*offheap;
        *offheap = dst;
    }
    return term_from_boxed(dst);
}

static Term copy_field(Term t, Term **top, Term **offheap)
{
    return term_is_cons(t) || term_is_boxed(t) ? copy_shallow(t, top, offheap) : t;
}

Term term_copy(Term t, Term *dst, Term **offheap)
{
    Term *top = dst;
    Term root = copy_field(t, &top, offheap);
    // Cheney-style: every pointer field in the copied words still points at the source until
    // the scan reaches it, then its target is copied to the end. No recursion.
    for (Term *scan = dst; scan < top;) {
        if (!term_is_header(*scan)) {
            scan[0] = copy_field(scan[0], &top, offheap);
            scan[1] = copy_field(scan[1], &top, offheap);
            scan += 2;
            continue;
        }
        size_t first;
        size_t count;
        traced_words(*scan, &first, &count);
        for (size_t i = 0; i < count; i++) {
            scan[first + i] = copy_field(scan[first + i], &top, offheap);
        }
        scan += (size_t)term_header_size(*scan) + 1;
    }
    return root;
}

Term term_copy_to(Process *p, Term t)
{
    if (!term_is_cons(t) && !term_is_boxed(t)) {
        return t;
    }
    size_t words = term_copy_size(t);
    Term *dst = heap_alloc_in(&p->heap, words);
    Term *offheap = NULL;
    Term copy = term_copy(t, dst, &offheap);
    while (offheap != NULL) {
        Term *next = (Term *)(uintptr_t)offheap[3];
        heap_link_offheap(&p->heap, offheap);
        offheap = next;
    }
    return copy;
}
