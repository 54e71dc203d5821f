// The FFI module's C built-ins (docs/ffi.md): FFI.open, FFI.function, the C half of FFI.call
// (:ember_ffi.call/2; stdlib/ffi.ex waits for pooled results), and the memory functions
// alloc/free/read/write/address. Every bad description or argument raises ArgumentError in
// the caller; nothing a program passes here can crash the VM, except a C function or a
// foreign pointer that is itself wrong (no FFI can check what C does).
#include "builtins.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "ffi_call.h"
#include "ffi_cell.h"
#include "ffi_types.h"
#include "vm.h"

// Raises ArgumentError "[prefix][what], got: <inspect t>". Returns TERM_NONE.
static Term raise_got(Process *p, const char *prefix, const char *what, Term t)
{
    InspectOpts opts = inspect_default_opts();
    StrBuf d;
    strbuf_init(&d);
    inspect_term(p->vm, t, &opts, &d);
    error_raise(p, ERR_ARGUMENT, "%s%s, got: %.*s", prefix, what, (int)d.len, d.data);
    strbuf_free(&d);
    return TERM_NONE;
}

// A NUL-terminated copy of binary [t] in *[out] (caller frees); false when [t] is not a
// binary or contains a NUL byte.
static bool copy_cstr(Term t, char **out)
{
    const uint8_t *bytes;
    size_t size;
    if (!bi_text(t, &bytes, &size) || memchr(bytes, '\0', size) != NULL) {
        return false;
    }
    *out = em_malloc(size + 1);
    memcpy(*out, bytes, size);
    (*out)[size] = '\0';
    return true;
}

// ==== FFI.open ====

Term bi_ffi_open_1(Process *p, Term *args)
{
    char *path;
    if (!copy_cstr(args[0], &path)) {
        return raise_got(p, "FFI.open/1: ", "expected a path (a binary without NUL bytes)", args[0]);
    }
    // RTLD_NOW: a missing symbol dependency fails here, not in the middle of a call.
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    free(path);
    if (h == NULL) {
        const char *why = dlerror();
        return bi_tuple2(p, bi_atom(p, "error"), bi_binary_from_cstr(p, why ? why : "dlopen failed"));
    }
    Term handle;
    FfiLib *lib = ffi_cell_new(p, FFI_CELL_LIBRARY, sizeof(FfiLib), &handle);
    lib->handle = h;
    Term extra[2] = {bi_atom(p, "path"), args[0]};
    return bi_ok(p, ffi_cell_wrap(p, FFI_CELL_LIBRARY, handle, extra, 1));
}

// ==== FFI.function ====

// C's default argument promotions turn these into int or double in a variadic position, and
// libffi refuses them there: the caller must declare the promoted type.
static bool promotable(FfiTypeId id)
{
    const FfiTypeInfo *ti = &ffi_type_table[id];
    return ti->kind == FFI_KIND_FLOAT || ti->kind == FFI_KIND_BOOL ||
           ((ti->kind == FFI_KIND_SINT || ti->kind == FFI_KIND_UINT) && ti->size < sizeof(int));
}

static bool parse_arg_types(Process *p, Term types, FfiSignature *sig)
{
    size_t len;
    if (!bi_list_length(types, &len)) {
        raise_got(p, "FFI.function: ", "expected a list of argument types", types);
        return false;
    }
    if (len > FFI_MAX_ARGS) {
        error_raise(p, ERR_ARGUMENT, "FFI.function: at most %d arguments are supported, got %zu",
                    FFI_MAX_ARGS, len);
        return false;
    }
    sig->argc = (uint32_t)len;
    for (uint32_t i = 0; i < sig->argc; i++, types = term_tl(types)) {
        Term t = term_hd(types);
        if (!ffi_type_find(p, t, &sig->args[i]) || sig->args[i] == FFI_T_VOID) {
            raise_got(p, "FFI.function: ", "expected an argument type such as :int or :double",
                      t);
            return false;
        }
    }
    return true;
}

// Reads the options keyword list: variadic: fixed_count and blocking: boolean.
static bool parse_options(Process *p, Term opts, FfiSignature *sig)
{
    sig->nfixed = -1;
    sig->blocking = true;
    for (; term_is_cons(opts); opts = term_tl(opts)) {
        Term kv = term_hd(opts);
        Term *e = term_is_tuple(kv) && term_tuple_arity(kv) == 2 ? term_tuple_elems(kv) : NULL;
        int64_t n;
        if (e != NULL && e[0] == bi_atom(p, "variadic") && bi_int64(e[1], &n) && n >= 0 &&
            n <= sig->argc) {
            sig->nfixed = (int32_t)n;
        } else if (e != NULL && e[0] == bi_atom(p, "blocking") && term_is_boolean(e[1])) {
            sig->blocking = e[1] == term_true();
        } else {
            raise_got(p, "FFI.function: ",
                      "expected the option variadic: 0..argument count or blocking: boolean", kv);
            return false;
        }
    }
    if (opts != TERM_NIL) {
        raise_got(p, "FFI.function: ", "expected a keyword list of options", opts);
        return false;
    }
    for (uint32_t i = sig->nfixed < 0 ? sig->argc : (uint32_t)sig->nfixed; i < sig->argc; i++) {
        if (promotable(sig->args[i])) {
            error_raise(p, ERR_ARGUMENT,
                        "FFI.function: variadic argument %u cannot be :%s (C promotes it to "
                        "%s: declare that type)", i + 1, ffi_type_table[sig->args[i]].name,
                        ffi_type_table[sig->args[i]].kind == FFI_KIND_FLOAT ? ":double" : ":int");
            return false;
        }
    }
    return true;
}

static Term function_new(Process *p, Term *args, Term opts)
{
    FfiLib *lib = ffi_cell_get(p, args[0], FFI_CELL_LIBRARY, NULL);
    if (lib == NULL) {
        return raise_got(p, "FFI.function: ", "expected an FFI.Library from FFI.open/1", args[0]);
    }
    FfiSignature sig;
    if (!parse_arg_types(p, args[2], &sig)) {
        return TERM_NONE;
    }
    if (!ffi_type_find(p, args[3], &sig.ret)) {
        return raise_got(p, "FFI.function: ", "expected a return type such as :int or :void",
                         args[3]);
    }
    if (!parse_options(p, opts, &sig)) {
        return TERM_NONE;
    }
    char *name;
    if (!copy_cstr(args[1], &name)) {
        return raise_got(p, "FFI.function: ", "expected a symbol name (a binary)", args[1]);
    }
    Term r = ffi_function_new(p, lib->handle, name, &sig);
    free(name);
    return r;
}

Term bi_ffi_function_4(Process *p, Term *args) { return function_new(p, args, TERM_NIL); }

Term bi_ffi_function_5(Process *p, Term *args) { return function_new(p, args, args[4]); }

// ==== FFI.call ====

Term bi_ember_ffi_call_2(Process *p, Term *args) { return ffi_call_start(p, args[0], args[1]); }

// ==== Memory ====

// Resolves the live pointer [t] for operation [op] into [ref]; false after raising (nil, not
// a pointer, freed).
static bool live_pointer(Process *p, const char *op, Term t, FfiPtrRef *ref)
{
    if (t == term_nil_atom()) {
        error_raise(p, ERR_ARGUMENT, "%s: cannot access memory through a NULL pointer (nil)", op);
        return false;
    }
    if (!ffi_pointer_get(p, t, ref)) {
        raise_got(p, op, ": expected an FFI.Pointer", t);
        return false;
    }
    if (atomic_load(&ref->cell->freed)) {
        error_raise(p, ERR_ARGUMENT, "%s: the pointer was freed by FFI.free/1", op);
        return false;
    }
    return true;
}

// The address of [size] bytes at offset [offset_term] from pointer [t] for [op]; NULL after
// raising. Owned memory is bounds-checked; a foreign pointer's extent is unknown.
static uint8_t *access_at(Process *p, const char *op, Term t, Term offset_term, size_t size,
                          FfiPtrRef *ref)
{
    if (!live_pointer(p, op, t, ref)) {
        return NULL;
    }
    int64_t off;
    if (!bi_int64(offset_term, &off) || off < 0) {
        raise_got(p, op, ": expected a non-negative integer offset", offset_term);
        return NULL;
    }
    uint8_t *addr = ffi_pointer_addr(ref, off, size);
    if (addr == NULL) {
        error_raise(p, ERR_ARGUMENT, "%s: %zu byte%s at offset %lld %s outside the %zu-byte allocation",
                    op, size, size == 1 ? "" : "s", (long long)(ref->offset + off),
                    size == 1 ? "is" : "are", ref->cell->size);
    }
    return addr;
}

// The C string at [addr]: up to its NUL, which must come before the end of owned memory.
static Term read_string(Process *p, const uint8_t *addr, const FfiPtrRef *ref)
{
    if (!ref->cell->owned) {
        return bi_binary_from_cstr(p, (const char *)addr);
    }
    size_t avail = (size_t)(ref->cell->addr + ref->cell->size - addr);
    const uint8_t *nul = memchr(addr, '\0', avail);
    if (nul == NULL) {
        return error_raise(p, ERR_ARGUMENT, "FFI.read: no NUL byte before the end of the allocation");
    }
    return term_make_binary(p, addr, (size_t)(nul - addr));
}

static Term read_at(Process *p, Term ptr_term, Term type, Term offset)
{
    FfiTypeId id;
    if (!ffi_type_find(p, type, &id) || id == FFI_T_VOID) {
        return raise_got(p, "FFI.read: ", "expected a type such as :int or :double", type);
    }
    const FfiTypeInfo *ti = &ffi_type_table[id];
    // A :string is read in place: its bytes start at the address (at least the NUL must fit).
    size_t size = ti->kind == FFI_KIND_STRING ? 1 : ti->size;
    FfiPtrRef ref;
    uint8_t *addr = access_at(p, "FFI.read", ptr_term, offset, size, &ref);
    if (addr == NULL) {
        return TERM_NONE;
    }
    if (ti->kind == FFI_KIND_STRING) {
        return read_string(p, addr, &ref);
    }
    if (ti->kind == FFI_KIND_POINTER) {
        void *v;
        memcpy(&v, addr, sizeof v);
        return ffi_pointer_foreign(p, v);
    }
    return ffi_scalar_to_term(p, id, addr);
}

Term bi_ffi_read_2(Process *p, Term *args) { return read_at(p, args[0], args[1], term_from_small(0)); }

Term bi_ffi_read_3(Process *p, Term *args) { return read_at(p, args[0], args[1], args[2]); }

// The C representation of [value] as [id] in [buf] (scalars and pointers) or, for a
// :string, its bytes in *[src]; the bytes to store in *[size]. False after raising.
static bool encode_value(Process *p, FfiTypeId id, Term value, uint8_t *buf,
                         const uint8_t **src, size_t *size)
{
    const FfiTypeInfo *ti = &ffi_type_table[id];
    *src = buf;
    *size = ti->size;
    if (ti->kind == FFI_KIND_STRING) {
        if (!bi_text(value, src, size)) {
            raise_got(p, "FFI.write: ", "expected a binary for :string", value);
            return false;
        }
        (*size)++; // the NUL
        return true;
    }
    if (ti->kind == FFI_KIND_POINTER) {
        FfiPtrRef ref;
        void *v = NULL;
        if (value != term_nil_atom()) {
            if (!live_pointer(p, "FFI.write", value, &ref)) {
                return false;
            }
            v = ffi_pointer_addr(&ref, 0, 0);
        }
        memcpy(buf, &v, sizeof v);
        return true;
    }
    FfiConv r = ffi_scalar_to_c(id, value, buf);
    if (r != FFI_CONV_OK) {
        StrBuf d;
        strbuf_init(&d);
        ffi_describe_conv(p->vm, id, value, r, &d);
        error_raise(p, ERR_ARGUMENT, "FFI.write: %.*s", (int)d.len, d.data);
        strbuf_free(&d);
        return false;
    }
    return true;
}

// Stores [value] as [id] at [offset] from [ptr_term]: a :string's bytes and NUL in place, a
// :pointer's address, a scalar's C representation.
static Term write_at(Process *p, Term ptr_term, Term type, Term offset, Term value)
{
    FfiTypeId id;
    if (!ffi_type_find(p, type, &id) || id == FFI_T_VOID) {
        return raise_got(p, "FFI.write: ", "expected a type such as :int or :double", type);
    }
    uint8_t buf[FFI_VALUE_MAX_SIZE];
    const uint8_t *src;
    size_t size;
    if (!encode_value(p, id, value, buf, &src, &size)) {
        return TERM_NONE;
    }
    FfiPtrRef ref;
    uint8_t *addr = access_at(p, "FFI.write", ptr_term, offset, size, &ref);
    if (addr == NULL) {
        return TERM_NONE;
    }
    if (ffi_type_table[id].kind == FFI_KIND_STRING) {
        memcpy(addr, src, size - 1);
        addr[size - 1] = '\0';
    } else {
        memcpy(addr, src, size);
    }
    return term_from_atom(ATOM_ok);
}

Term bi_ffi_write_3(Process *p, Term *args)
{
    return write_at(p, args[0], args[1], term_from_small(0), args[2]);
}

Term bi_ffi_write_4(Process *p, Term *args)
{
    return write_at(p, args[0], args[1], args[2], args[3]);
}

Term bi_ffi_alloc_1(Process *p, Term *args)
{
    int64_t n;
    if (!bi_int64(args[0], &n) || n < 0 || (uint64_t)n > FFI_ALLOC_MAX) {
        return raise_got(p, "FFI.alloc/1: ", "expected a size in bytes (0..1073741824)", args[0]);
    }
    Term t = ffi_pointer_alloc(p, (size_t)n);
    if (t == TERM_NONE) {
        return error_raise(p, ERR_SYSTEM_LIMIT, "FFI.alloc/1: cannot allocate %lld bytes",
                           (long long)n);
    }
    return t;
}

Term bi_ffi_free_1(Process *p, Term *args)
{
    if (args[0] == term_nil_atom()) {
        return term_from_atom(ATOM_ok); // free(NULL) does nothing either
    }
    FfiPtrRef ref;
    if (!live_pointer(p, "FFI.free/1", args[0], &ref)) {
        return TERM_NONE;
    }
    if (!ref.cell->owned) {
        return error_raise(p, ERR_ARGUMENT, "FFI.free/1: the pointer does not come from "
                                            "FFI.alloc/1 (free C memory with the library's own function)");
    }
    atomic_store(&ref.cell->freed, true);
    return term_from_atom(ATOM_ok);
}

// FFI.offset(ptr, n): the pointer n bytes further (n may be negative). Within owned memory the
// result must stay inside the allocation (its end included, as in C).
Term bi_ffi_offset_2(Process *p, Term *args)
{
    FfiPtrRef ref;
    int64_t n;
    if (!live_pointer(p, "FFI.offset/2", args[0], &ref)) {
        return TERM_NONE;
    }
    if (!bi_int64(args[1], &n) || ffi_pointer_addr(&ref, n, 0) == NULL) {
        return raise_got(p, "FFI.offset/2: ", "expected an offset that stays inside the allocation",
                         args[1]);
    }
    return ffi_pointer_at(p, args[0], ref.offset + n);
}

Term bi_ffi_address_1(Process *p, Term *args)
{
    if (args[0] == term_nil_atom()) {
        return term_from_small(0);
    }
    FfiPtrRef ref;
    if (!ffi_pointer_get(p, args[0], &ref)) {
        return raise_got(p, "FFI.address/1: ", "expected an FFI.Pointer or nil", args[0]);
    }
    uintptr_t a = (uintptr_t)ref.cell->addr + (uint64_t)ref.offset;
    return term_make_int(p, (int64_t)a); // user-space addresses are below 2^63
}
