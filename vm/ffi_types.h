// The C types of FFI signatures (vm/ffi_types.def) and the checked conversion of Ember values
// to and from their C representation. Only scalars live here (integers, floats, booleans);
// pointers and strings involve handles and copies and are converted by vm/ffi_call.c and
// vm/ffi_cell.c. Nothing here raises: callers turn an FfiConv into an ArgumentError message.
#ifndef EMBER_VM_FFI_TYPES_H
#define EMBER_VM_FFI_TYPES_H

#include <ffi.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "inspect.h"
#include "term.h"
#include "types.h"

// How Ember values convert for a type (the kind column of ffi_types.def).
typedef enum FfiKind {
    FFI_KIND_VOID,
    FFI_KIND_SINT,
    FFI_KIND_UINT,
    FFI_KIND_FLOAT,
    FFI_KIND_DOUBLE,
    FFI_KIND_BOOL,
    FFI_KIND_POINTER,
    FFI_KIND_STRING,
} FfiKind;

typedef enum FfiTypeId {
#define FFI_TYPE(id, name, ftype, size, kind, min, max) FFI_T_##id,
#include "ffi_types.def"
#undef FFI_TYPE
    FFI_T_COUNT
} FfiTypeId;

typedef struct FfiTypeInfo {
    const char *name; // the atom's text: "int8"
    ffi_type *type;   // libffi's descriptor
    size_t size;      // bytes in C memory
    FfiKind kind;
    int64_t min;      // integer range (SINT/UINT)
    uint64_t max;
} FfiTypeInfo;

extern const FfiTypeInfo ffi_type_table[FFI_T_COUNT];

// The largest C size of any type: a buffer this big holds any converted value.
#define FFI_VALUE_MAX_SIZE 8

// Why a value does not convert.
typedef enum FfiConv {
    FFI_CONV_OK,
    FFI_CONV_WRONG_TYPE, // e.g. a float for :int, an atom for :double, 1 for :bool
    FFI_CONV_RANGE,      // an integer outside the type's range, a double too large for :float
} FfiConv;

// The type named by atom [atom] (:int8, :double ...); false when [atom] names none.
bool ffi_type_find(Process *p, Term atom, FfiTypeId *out);

// Converts [t] for scalar type [id] (kind SINT, UINT, FLOAT, DOUBLE or BOOL) and stores the C
// value, ffi_type_table[id].size bytes, at [dst]. Integers are accepted for FLOAT and DOUBLE;
// floats are never accepted for integer types.
FfiConv ffi_scalar_to_c(FfiTypeId id, Term t, void *dst);

// The Ember value of the C value of scalar type [id] at [src], on [p]'s heap. Floats that are
// not finite come back as the atoms :nan, :infinity and :neg_infinity (Ember has no such
// floats); :bool gives true/false.
Term ffi_scalar_to_term(Process *p, FfiTypeId id, const void *src);

// Copies the return value libffi left in [raw] (a full ffi_arg for integer types narrower
// than a register, as libffi widens them) into [dst] as a value of [id]'s own size.
void ffi_return_narrow(FfiTypeId id, const void *raw, void *dst);

// Appends to [out] why [t] is no value of type [id] ([why] from ffi_scalar_to_c):
// "expected an integer for :int8, got: 1.5", "300 is out of range for :uint8 (0..255)".
void ffi_describe_conv(Vm *vm, FfiTypeId id, Term t, FfiConv why, StrBuf *out);

#endif
