// The FFI type table and conversions (vm/ffi_types.c) and handle cells (vm/ffi_cell.c): every
// row agrees with libffi's sizes, integers are accepted exactly inside each type's range,
// values round-trip through C memory, widened return values narrow correctly, a copy of a
// handle's bytes is not a handle, and pointer memory is released when its term dies.
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "ffi_cell.h"
#include "ffi_types.h"
#include "fixtures.h"
#include "gc.h"
#include "inspect.h"
#include "map.h"

static Vm *vm;
static Process *proc;

static void setup(void)
{
    vm = fixture_vm();
    proc = fixture_process(vm);
}

static void teardown(void) { fixture_free(vm, proc); }

TestSuite(ffi, .init = setup, .fini = teardown, .timeout = 20);

static FfiTypeId type_named(const char *name)
{
    FfiTypeId id;
    cr_assert(ffi_type_find(proc, fixture_atom(vm, name), &id), "type %s", name);
    return id;
}

static char *show(Term t)
{
    StrBuf b;
    strbuf_init(&b);
    InspectOpts o = inspect_default_opts();
    inspect_term(vm, t, &o, &b);
    strbuf_append(&b, "", 1);
    return b.data;
}

Test(ffi, table_rows_match_libffi)
{
    for (int i = 0; i < FFI_T_COUNT; i++) {
        const FfiTypeInfo *ti = &ffi_type_table[i];
        cr_expect_leq(ti->size, FFI_VALUE_MAX_SIZE, "%s", ti->name);
        if (i != FFI_T_VOID) {
            cr_expect_eq(ti->type->size, ti->size, "%s: libffi size", ti->name);
        }
        cr_expect_eq(type_named(ti->name), (FfiTypeId)i, "%s found by its atom", ti->name);
        for (int j = 0; j < i; j++) {
            cr_expect_str_neq(ffi_type_table[j].name, ti->name, "unique names");
        }
    }
    FfiTypeId id;
    cr_expect_not(ffi_type_find(proc, fixture_atom(vm, "int7"), &id));
    cr_expect_not(ffi_type_find(proc, term_from_small(1), &id));
}

// Which values each type accepts: at, just inside and just outside the limits.
static const struct {
    const char *type;
    const char *value;
    FfiConv expect;
} conversions[] = {
    {"int8", "-128", FFI_CONV_OK},
    {"int8", "127", FFI_CONV_OK},
    {"int8", "128", FFI_CONV_RANGE},
    {"int8", "-129", FFI_CONV_RANGE},
    {"int8", "1.0", FFI_CONV_WRONG_TYPE},
    {"uint8", "255", FFI_CONV_OK},
    {"uint8", "256", FFI_CONV_RANGE},
    {"uint8", "-1", FFI_CONV_RANGE},
    {"int16", "-32768", FFI_CONV_OK},
    {"int16", "32768", FFI_CONV_RANGE},
    {"uint16", "65535", FFI_CONV_OK},
    {"uint16", "65536", FFI_CONV_RANGE},
    {"int32", "-2147483648", FFI_CONV_OK},
    {"int32", "2147483648", FFI_CONV_RANGE},
    {"uint32", "4294967295", FFI_CONV_OK},
    {"uint32", "4294967296", FFI_CONV_RANGE},
    {"int64", "-9223372036854775808", FFI_CONV_OK},
    {"int64", "9223372036854775807", FFI_CONV_OK},
    {"int64", "9223372036854775808", FFI_CONV_RANGE},
    {"int64", "-9223372036854775809", FFI_CONV_RANGE},
    {"uint64", "18446744073709551615", FFI_CONV_OK},
    {"uint64", "18446744073709551616", FFI_CONV_RANGE},
    {"uint64", "-1", FFI_CONV_RANGE},
    {"uint64", "-18446744073709551615", FFI_CONV_RANGE},
    {"size_t", "18446744073709551615", FFI_CONV_OK},
    {"int", "2147483647", FFI_CONV_OK},
    {"int", "2147483648", FFI_CONV_RANGE},
    {"long", "-9223372036854775808", FFI_CONV_OK},
    {"float", "3.4028234663852886e38", FFI_CONV_OK},
    {"float", "1.0e39", FFI_CONV_RANGE},
    {"float", "-1.0e39", FFI_CONV_RANGE},
    {"float", "7", FFI_CONV_OK},
    {"double", "1.7976931348623157e308", FFI_CONV_OK},
    {"double", "123456789012345678901234567890", FFI_CONV_OK},
    {"double", ":a", FFI_CONV_WRONG_TYPE},
    {"bool", "true", FFI_CONV_OK},
    {"bool", "nil", FFI_CONV_WRONG_TYPE},
    {"bool", "0", FFI_CONV_WRONG_TYPE},
};

Test(ffi, scalars_accepted_exactly_in_range)
{
    for (size_t i = 0; i < sizeof conversions / sizeof conversions[0]; i++) {
        Term t = fixture_parse(proc, conversions[i].value);
        cr_assert_neq(t, TERM_NONE);
        uint8_t buf[FFI_VALUE_MAX_SIZE];
        cr_expect_eq(ffi_scalar_to_c(type_named(conversions[i].type), t, buf), conversions[i].expect,
                     "%s %s", conversions[i].type, conversions[i].value);
    }
}

Test(ffi, limits_round_trip_through_c_memory)
{
    static const char *const cases[][2] = {
        {"int8", "-128"},   {"uint8", "255"},   {"int16", "-32768"},
        {"uint16", "65535"}, {"int32", "-2147483648"}, {"uint32", "4294967295"},
        {"int64", "-9223372036854775808"}, {"uint64", "18446744073709551615"},
        {"uint64", "9223372036854775808"}, {"ulong", "18446744073709551615"},
        {"float", "-1.5"},  {"double", "5.0e-324"}, {"bool", "false"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        FfiTypeId id = type_named(cases[i][0]);
        uint8_t buf[FFI_VALUE_MAX_SIZE];
        cr_assert_eq(ffi_scalar_to_c(id, fixture_parse(proc, cases[i][1]), buf), FFI_CONV_OK);
        char *back = show(ffi_scalar_to_term(proc, id, buf));
        cr_expect_str_eq(back, cases[i][1], "%s", cases[i][0]);
        free(back);
    }
}

Test(ffi, widened_returns_narrow_to_their_type)
{
    // libffi returns small integers in a full ffi_arg whose high bits need not be clean.
    ffi_arg raw = (ffi_arg)0xABCDEF0000000080u;
    uint8_t buf[FFI_VALUE_MAX_SIZE];
    ffi_return_narrow(FFI_T_INT8, &raw, buf);
    cr_expect_eq(term_to_small(ffi_scalar_to_term(proc, FFI_T_INT8, buf)), -128);
    ffi_return_narrow(FFI_T_UINT8, &raw, buf);
    cr_expect_eq(term_to_small(ffi_scalar_to_term(proc, FFI_T_UINT8, buf)), 128);
    raw = (ffi_arg)0x12345678FFFFFFFEu;
    ffi_return_narrow(FFI_T_INT32, &raw, buf);
    cr_expect_eq(term_to_small(ffi_scalar_to_term(proc, FFI_T_INT32, buf)), -2);
    raw = 0x100;
    ffi_return_narrow(FFI_T_BOOL, &raw, buf);
    cr_expect_eq(ffi_scalar_to_term(proc, FFI_T_BOOL, buf), term_false());
}

Test(ffi, conversion_messages)
{
    StrBuf b;
    strbuf_init(&b);
    ffi_describe_conv(vm, FFI_T_UINT8, term_from_small(300), FFI_CONV_RANGE, &b);
    strbuf_append(&b, "", 1);
    cr_expect_str_eq(b.data, "300 is out of range for :uint8 (0..255)");
    b.len = 0;
    ffi_describe_conv(vm, FFI_T_INT, fixture_parse(proc, "1.5"), FFI_CONV_WRONG_TYPE, &b);
    strbuf_append(&b, "", 1);
    cr_expect_str_eq(b.data, "expected an integer for :int, got: 1.5");
    strbuf_free(&b);
}

Test(ffi, copied_handle_bytes_are_no_handle)
{
    Term ptr = ffi_pointer_alloc(proc, 16);
    FfiPtrRef ref;
    cr_assert(ffi_pointer_get(proc, ptr, &ref));
    cr_expect(ref.cell->owned);
    cr_expect_eq(ref.cell->size, 16u);
    cr_expect_eq((uintptr_t)ref.cell->addr % 16, 0u, "16-byte aligned like malloc");
    // The same visible bytes in an ordinary binary: the self address does not match.
    Term handle;
    cr_assert(map_get(ptr, fixture_atom(vm, "handle"), &handle));
    size_t size;
    const uint8_t *bytes = term_binary_bytes(handle, &size);
    uint8_t copy[128];
    memcpy(copy, bytes, size);
    memset(copy + size, 0, sizeof copy - size);
    Term forged = map_put(proc, ptr, fixture_atom(vm, "handle"), term_make_binary(proc, copy, 100));
    cr_expect_not(ffi_pointer_get(proc, forged, &ref));
    cr_expect_null(ffi_cell_get(proc, ptr, FFI_CELL_FUNCTION, NULL), "a pointer is no function");
    cr_expect_eq(ffi_pointer_foreign(proc, NULL), term_nil_atom());
}

Test(ffi, pointer_memory_released_when_dead)
{
    FfiPtrRef live;
    FfiPtrRef dead;
    proc->stack[0] = ffi_pointer_alloc(proc, 100000);
    proc->stack_top = 1;
    cr_assert(ffi_pointer_get(proc, proc->stack[0], &live));
    cr_assert(ffi_pointer_get(proc, ffi_pointer_alloc(proc, 100000), &dead));
    refc_binary_retain(live.bin); // the test's own references keep the cells observable
    refc_binary_retain(dead.bin);
    cr_expect_geq(proc->heap.offheap_bytes, 200000u, "the memory counts toward the GC budget");
    gc_collect(proc, 0);
    cr_expect_eq(atomic_load(&live.bin->refcount), 2u);
    cr_expect_eq(atomic_load(&dead.bin->refcount), 1u);
    proc->stack_top = 0;
    gc_collect(proc, 0);
    cr_expect_eq(atomic_load(&live.bin->refcount), 1u);
    refc_binary_release(live.bin);
    refc_binary_release(dead.bin);
}
