// Term constructors and binary views: every object is built on the owning process's heap
// with heap_alloc_in, which never moves anything, so callers may hold raw pointers between
// calls. Layouts follow term_types.def; binaries over HEAPBIN_MAX_SIZE bytes go off-heap.
#include "term.h"

#include <stdatomic.h>

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
    Term *obj = heap_alloc_in(&p->heap, 4);
    obj[0] = term_make_header(TERM_TYPE_REFBIN, 3);
    obj[1] = size;
    obj[2] = (Term)(uintptr_t)bin;
    heap_link_offheap(&p->heap, obj);
    *out = bin->data;
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
    default: { // SUBBIN: a slice of a HEAPBIN or REFBIN
        size_t whole;
        const uint8_t *base = term_binary_bytes(obj[3], &whole);
        return base + obj[2];
    }
    }
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
