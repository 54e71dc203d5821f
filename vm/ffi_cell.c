// FFI cells: one calloc'd RefcBinary per handle, laid out as a visible header (what Ember
// sees as the handle binary's bytes) followed by the private state at FFI_CELL_BODY. A cell is
// recognised by its magic number, its kind and a pointer to itself: only a cell made here
// holds its own address, so no binary built in Ember (or copied from a handle) passes.
#include "ffi_cell.h"

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bi_common.h"
#include "ffi_call.h"
#include "map.h"
#include "vm.h"

// "EMBERFFI": the first word of every cell.
#define FFI_CELL_MAGIC UINT64_C(0x4946465245424d45)

// The visible part of a cell. Written once, before the handle exists; never changed.
typedef struct FfiCellHead {
    uint64_t magic;
    const void *self; // the address of this head: bin->data
    uint64_t kind;    // FfiCellKind
    uint64_t reserved;
} FfiCellHead;

// Offset of the state: after the head, 16-byte aligned like malloc memory (owned pointer
// memory and ffi_cif live there).
#define FFI_CELL_BODY ((sizeof(FfiCellHead) + 15) & ~(size_t)15)

static Term struct_name(FfiCellKind kind)
{
    switch (kind) {
    case FFI_CELL_LIBRARY: return term_from_atom(ATOM_Elixir_FFI_Library);
    case FFI_CELL_FUNCTION: return term_from_atom(ATOM_Elixir_FFI_Function);
    default: return term_from_atom(ATOM_Elixir_FFI_Pointer);
    }
}

void *ffi_cell_new(Process *p, FfiCellKind kind, size_t body_size, Term *handle)
{
    if (body_size > FFI_ALLOC_MAX + 4096) {
        return NULL;
    }
    // Not refc_binary_new: that one zeroes nothing and treats malloc failure as fatal.
    RefcBinary *bin = calloc(1, sizeof(RefcBinary) + FFI_CELL_BODY + body_size);
    if (bin == NULL) {
        return NULL;
    }
    atomic_init(&bin->refcount, 1);
    bin->size = FFI_CELL_BODY + body_size;
    FfiCellHead head = {FFI_CELL_MAGIC, bin->data, (uint64_t)kind, 0};
    memcpy(bin->data, &head, sizeof head);
    *handle = term_make_refbin(p, bin, sizeof head);
    return bin->data + FFI_CELL_BODY;
}

// The cell of [kind] in struct [t], or NULL. Needs no process, so inspect can use it.
static void *cell_get(Term t, FfiCellKind kind, RefcBinary **bin)
{
    Term handle;
    if (!term_is_map(t) || map_struct_name(t) != struct_name(kind) ||
        !map_get(t, term_from_atom(ATOM_handle), &handle)) {
        return NULL;
    }
    return ffi_cell_from_handle(handle, kind, bin);
}

void *ffi_cell_body(RefcBinary *bin)
{
    return bin->data + FFI_CELL_BODY;
}

void *ffi_cell_from_handle(Term handle, FfiCellKind kind, RefcBinary **bin)
{
    if (!term_is_boxed_type(handle, TERM_TYPE_REFBIN)) {
        return NULL;
    }
    const Term *obj = term_boxed_ptr(handle);
    RefcBinary *b = (RefcBinary *)(uintptr_t)obj[2];
    FfiCellHead head;
    if (obj[1] != sizeof head || b->size < FFI_CELL_BODY) {
        return NULL;
    }
    memcpy(&head, b->data, sizeof head);
    if (head.magic != FFI_CELL_MAGIC || head.self != b->data || head.kind != (uint64_t)kind) {
        return NULL;
    }
    if (bin != NULL) {
        *bin = b;
    }
    return b->data + FFI_CELL_BODY;
}

void *ffi_cell_get(Process *p, Term t, FfiCellKind kind, RefcBinary **bin)
{
    (void)p;
    return cell_get(t, kind, bin);
}

bool ffi_cell_inspect(Vm *vm, Term t, StrBuf *out)
{
    FfiPtr *ptr = cell_get(t, FFI_CELL_POINTER, NULL);
    const FfiFun *fun = cell_get(t, FFI_CELL_FUNCTION, NULL);
    Term path;
    Term offset;
    if (ptr != NULL && map_get(t, term_from_atom(ATOM_offset), &offset) && term_is_small(offset)) {
        strbuf_printf(out, "#FFI.Pointer<%p", (void *)(ptr->addr + term_to_small(offset)));
        if (ptr->owned) {
            strbuf_printf(out, ", %zu bytes%s", ptr->size, atomic_load(&ptr->freed) ? ", freed" : "");
        }
        strbuf_append_cstr(out, ">");
        return true;
    }
    if (fun != NULL) {
        strbuf_printf(out, "#FFI.Function<%s/%u>", fun->name, fun->argc);
        return true;
    }
    uint32_t path_atom;
    if (cell_get(t, FFI_CELL_LIBRARY, NULL) != NULL &&
        atom_lookup(vm->atoms, "path", 4, &path_atom) &&
        map_get(t, term_from_atom(path_atom), &path) && term_is_binary(path)) {
        size_t size;
        const uint8_t *bytes = term_binary_bytes(path, &size);
        strbuf_printf(out, "#FFI.Library<%.*s>", (int)size, (const char *)bytes);
        return true;
    }
    return false;
}

Term ffi_cell_wrap(Process *p, FfiCellKind kind, Term handle, const Term *extra,
                   uint32_t extra_len)
{
    enum { MAX_PAIRS = 4 };
    Term pairs[2 * MAX_PAIRS];
    uint32_t n = 0;
    pairs[n++] = term_from_atom(ATOM_struct);
    pairs[n++] = struct_name(kind);
    pairs[n++] = term_from_atom(ATOM_handle);
    pairs[n++] = handle;
    for (uint32_t i = 0; i < 2 * extra_len && n < 2 * MAX_PAIRS; i++) {
        pairs[n++] = extra[i];
    }
    return map_from_pairs(p, pairs, n / 2);
}

Term ffi_pointer_foreign(Process *p, void *addr)
{
    if (addr == NULL) {
        return term_nil_atom();
    }
    Term handle;
    FfiPtr *ptr = ffi_cell_new(p, FFI_CELL_POINTER, sizeof(FfiPtr), &handle);
    ptr->addr = addr;
    Term extra[2] = {term_from_atom(ATOM_offset), term_from_small(0)};
    return ffi_cell_wrap(p, FFI_CELL_POINTER, handle, extra, 1);
}

// Where owned memory starts: after the FfiPtr, keeping the body's 16-byte alignment.
#define FFI_PTR_DATA ((sizeof(FfiPtr) + 15) & ~(size_t)15)

Term ffi_pointer_alloc(Process *p, size_t size)
{
    if (size > FFI_ALLOC_MAX) {
        return TERM_NONE;
    }
    Term handle;
    FfiPtr *ptr = ffi_cell_new(p, FFI_CELL_POINTER, FFI_PTR_DATA + size, &handle);
    if (ptr == NULL) {
        return TERM_NONE;
    }
    ptr->addr = (uint8_t *)ptr + FFI_PTR_DATA;
    ptr->size = size;
    ptr->owned = true;
    Term extra[2] = {term_from_atom(ATOM_offset), term_from_small(0)};
    return ffi_cell_wrap(p, FFI_CELL_POINTER, handle, extra, 1);
}

// ==== Pointer structs ====

bool ffi_pointer_get(Process *p, Term t, FfiPtrRef *out)
{
    out->cell = ffi_cell_get(p, t, FFI_CELL_POINTER, &out->bin);
    Term offset;
    return out->cell != NULL && map_get(t, term_from_atom(ATOM_offset), &offset) &&
           bi_int64(offset, &out->offset);
}

uint8_t *ffi_pointer_addr(const FfiPtrRef *ref, int64_t extra, size_t size)
{
    if (!ref->cell->owned) {
        // Unchecked and wrapping, like C pointer arithmetic.
        return (uint8_t *)((uintptr_t)ref->cell->addr + (uint64_t)ref->offset + (uint64_t)extra);
    }
    int64_t total;
    if (__builtin_add_overflow(ref->offset, extra, &total) || total < 0 ||
        (uint64_t)total > ref->cell->size || size > ref->cell->size - (uint64_t)total) {
        return NULL;
    }
    return ref->cell->addr + total;
}

Term ffi_pointer_at(Process *p, Term t, int64_t offset)
{
    return map_put(p, t, term_from_atom(ATOM_offset), term_make_int(p, offset));
}
