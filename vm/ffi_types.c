// The FFI type table and scalar conversions. Integers are range-checked against the row's
// min..max before they are narrowed, so a C function never sees a silently truncated value;
// uint64 values above INT64_MAX travel as one-limb bignums (term_types.def BIGPOS).
#include "ffi_types.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "bi_common.h"
#include "heap.h"
#include "vm.h"

_Static_assert(sizeof(size_t) == 8 && sizeof(long) == 8, "size_t and long rows assume LP64");
_Static_assert(sizeof(_Bool) == 1, ":bool is passed as a uint8");
_Static_assert(sizeof(ffi_arg) == 8, "integer returns are widened to 8 bytes");

const FfiTypeInfo ffi_type_table[FFI_T_COUNT] = {
#define FFI_TYPE(id, name, ftype, size, kind, min, max) \
    {name, &ftype, size, FFI_KIND_##kind, (int64_t)(min), (uint64_t)(max)},
#include "ffi_types.def"
#undef FFI_TYPE
};

bool ffi_type_find(Process *p, Term atom, FfiTypeId *out)
{
    if (!term_is_atom(atom)) {
        return false;
    }
    size_t len;
    const char *text = bi_atom_text(p, atom, &len);
    for (int i = 0; i < FFI_T_COUNT; i++) {
        if (strlen(ffi_type_table[i].name) == len && memcmp(ffi_type_table[i].name, text, len) == 0) {
            *out = (FfiTypeId)i;
            return true;
        }
    }
    return false;
}

// ==== Integers ====

// [t] as a uint64 when it is a non-negative integer below 2^64.
static bool to_uint64(Term t, uint64_t *out)
{
    int64_t v;
    if (bi_int64(t, &v)) {
        if (v < 0) {
            return false;
        }
        *out = (uint64_t)v;
        return true;
    }
    // A positive bignum of one 64-bit limb (bignums are normalised: no zero high limbs).
    if (term_is_boxed_type(t, TERM_TYPE_BIGPOS) && term_header_size(*term_boxed_ptr(t)) == 1) {
        *out = (uint64_t)term_boxed_ptr(t)[1];
        return true;
    }
    return false;
}

static Term from_uint64(Process *p, uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX) {
        return term_make_int(p, (int64_t)v);
    }
    Term *obj = heap_alloc(p, 2);
    obj[0] = term_make_header(TERM_TYPE_BIGPOS, 1);
    obj[1] = (Term)v;
    return term_from_boxed(obj);
}

// Integers move between a uint64 and C memory of 1, 2, 4 or 8 bytes by copying the low bytes,
// which on a little-endian host are the first ones.
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "store_int/load_int copy low bytes");

// Stores the low [size] bytes of [bits] at [dst]: a native integer of that size.
static void store_int(void *dst, size_t size, uint64_t bits) { memcpy(dst, &bits, size); }

// The native integer of [size] bytes at [src], sign-extended when [is_signed].
static uint64_t load_int(const void *src, size_t size, bool is_signed)
{
    uint64_t bits = 0;
    memcpy(&bits, src, size);
    if (is_signed && size < sizeof bits) {
        uint64_t sign = UINT64_C(1) << (8 * size - 1);
        bits = (bits ^ sign) - sign;
    }
    return bits;
}

static FfiConv int_to_c(const FfiTypeInfo *ti, Term t, void *dst)
{
    if (!term_is_integer(t)) {
        return FFI_CONV_WRONG_TYPE;
    }
    int64_t v;
    if (ti->kind == FFI_KIND_SINT) {
        if (!bi_int64(t, &v) || v < ti->min || (v > 0 && (uint64_t)v > ti->max)) {
            return FFI_CONV_RANGE;
        }
        store_int(dst, ti->size, (uint64_t)v);
        return FFI_CONV_OK;
    }
    uint64_t u;
    if (!to_uint64(t, &u) || u > ti->max) {
        return FFI_CONV_RANGE;
    }
    store_int(dst, ti->size, u);
    return FFI_CONV_OK;
}

// ==== Floats and booleans ====

static FfiConv float_to_c(const FfiTypeInfo *ti, Term t, void *dst)
{
    double d;
    if (!bi_to_double(t, &d)) {
        return FFI_CONV_WRONG_TYPE;
    }
    if (ti->kind == FFI_KIND_DOUBLE) {
        memcpy(dst, &d, sizeof d);
        return FFI_CONV_OK;
    }
    if (fabs(d) > FLT_MAX) { // would become an infinity
        return FFI_CONV_RANGE;
    }
    float f = (float)d;
    memcpy(dst, &f, sizeof f);
    return FFI_CONV_OK;
}

FfiConv ffi_scalar_to_c(FfiTypeId id, Term t, void *dst)
{
    const FfiTypeInfo *ti = &ffi_type_table[id];
    switch (ti->kind) {
    case FFI_KIND_SINT:
    case FFI_KIND_UINT: return int_to_c(ti, t, dst);
    case FFI_KIND_FLOAT:
    case FFI_KIND_DOUBLE: return float_to_c(ti, t, dst);
    case FFI_KIND_BOOL:
        if (!term_is_boolean(t)) {
            return FFI_CONV_WRONG_TYPE;
        }
        store_int(dst, 1, t == term_true());
        return FFI_CONV_OK;
    default: return FFI_CONV_WRONG_TYPE;
    }
}

static Term double_term(Process *p, double d)
{
    if (isnan(d)) {
        return bi_atom(p, "nan");
    }
    if (isinf(d)) {
        return bi_atom(p, d > 0 ? "infinity" : "neg_infinity");
    }
    return term_make_float(p, d);
}

Term ffi_scalar_to_term(Process *p, FfiTypeId id, const void *src)
{
    const FfiTypeInfo *ti = &ffi_type_table[id];
    float f;
    double d;
    switch (ti->kind) {
    case FFI_KIND_SINT: return term_make_int(p, (int64_t)load_int(src, ti->size, true));
    case FFI_KIND_UINT: return from_uint64(p, load_int(src, ti->size, false));
    case FFI_KIND_FLOAT: memcpy(&f, src, sizeof f); return double_term(p, f);
    case FFI_KIND_DOUBLE: memcpy(&d, src, sizeof d); return double_term(p, d);
    case FFI_KIND_BOOL: return term_from_bool(load_int(src, 1, false) != 0);
    default: return term_nil_atom();
    }
}

void ffi_return_narrow(FfiTypeId id, const void *raw, void *dst)
{
    const FfiTypeInfo *ti = &ffi_type_table[id];
    bool widened = (ti->kind == FFI_KIND_SINT || ti->kind == FFI_KIND_UINT ||
                    ti->kind == FFI_KIND_BOOL) && ti->size < sizeof(ffi_arg);
    if (!widened) {
        memcpy(dst, raw, ti->size);
        return;
    }
    ffi_arg wide;
    memcpy(&wide, raw, sizeof wide);
    store_int(dst, ti->size, (uint64_t)wide);
}

// ==== Messages ====

static const char *expected_text(FfiKind kind)
{
    switch (kind) {
    case FFI_KIND_SINT:
    case FFI_KIND_UINT: return "an integer";
    case FFI_KIND_FLOAT:
    case FFI_KIND_DOUBLE: return "a number";
    case FFI_KIND_BOOL: return "a boolean";
    case FFI_KIND_POINTER: return "an FFI.Pointer or nil";
    case FFI_KIND_STRING: return "a binary or nil";
    default: return "no value";
    }
}

void ffi_describe_conv(Vm *vm, FfiTypeId id, Term t, FfiConv why, StrBuf *out)
{
    const FfiTypeInfo *ti = &ffi_type_table[id];
    InspectOpts opts = inspect_default_opts();
    if (why == FFI_CONV_RANGE) {
        inspect_term(vm, t, &opts, out);
        if (ti->kind == FFI_KIND_SINT) {
            strbuf_printf(out, " is out of range for :%s (%lld..%llu)", ti->name,
                          (long long)ti->min, (unsigned long long)ti->max);
        } else if (ti->kind == FFI_KIND_UINT) {
            strbuf_printf(out, " is out of range for :%s (0..%llu)", ti->name,
                          (unsigned long long)ti->max);
        } else {
            strbuf_printf(out, " is out of range for :%s", ti->name);
        }
        return;
    }
    strbuf_printf(out, "expected %s for :%s, got: ", expected_text(ti->kind), ti->name);
    inspect_term(vm, t, &opts, out);
}
