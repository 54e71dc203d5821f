// The C library the FFI golden tests call (tests/golden/ffi): one identity function per FFI
// type, so values at each type's limits can round-trip, plus a few functions with
// out-parameters, strings, NULL and a variadic list. Built by the Makefile into
// build/<mode>/ffi/libffi_testlib.so; EMBER_FFI_TESTLIB tells the golden programs where.
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

// Prototypes keep -Wmissing-prototypes quiet; nothing includes them.
#define IDENTITY(name, type) \
    type ffi_id_##name(type x); \
    type ffi_id_##name(type x) { return x; }

IDENTITY(int8, int8_t)
IDENTITY(int16, int16_t)
IDENTITY(int32, int32_t)
IDENTITY(int64, int64_t)
IDENTITY(uint8, uint8_t)
IDENTITY(uint16, uint16_t)
IDENTITY(uint32, uint32_t)
IDENTITY(uint64, uint64_t)
IDENTITY(int, int)
IDENTITY(uint, unsigned)
IDENTITY(long, long)
IDENTITY(ulong, unsigned long)
IDENTITY(size_t, size_t)
IDENTITY(ssize_t, ssize_t)
IDENTITY(float, float)
IDENTITY(double, double)
IDENTITY(bool, bool)
IDENTITY(pointer, void *)
IDENTITY(string, const char *)

// Arithmetic that shows the arguments arrive in order and with their types.
double ffi_mix(int8_t a, uint16_t b, int64_t c, float d, double e, bool f);
double ffi_mix(int8_t a, uint16_t b, int64_t c, float d, double e, bool f)
{
    return (double)a + (double)b + (double)c + (double)d + e + (f ? 1000.0 : 0.0);
}

// Out-parameters: writes the quotient and remainder of a / b.
void ffi_divmod(int a, int b, int *quot, int *rem);
void ffi_divmod(int a, int b, int *quot, int *rem)
{
    *quot = a / b;
    *rem = a % b;
}

// Sums the [n] doubles after [n] (a variadic function).
double ffi_sum_doubles(int n, ...);
double ffi_sum_doubles(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) {
        s += va_arg(ap, double);
    }
    va_end(ap);
    return s;
}

// A static string, and NULL for any negative [i].
const char *ffi_greeting(int i);
const char *ffi_greeting(int i) { return i < 0 ? NULL : "hello from C"; }

// Fills [buf] ([size] bytes) with [count] copies of [c] and a NUL; returns the bytes written.
size_t ffi_fill(char *buf, size_t size, char c, size_t count);
size_t ffi_fill(char *buf, size_t size, char c, size_t count)
{
    if (size == 0) {
        return 0;
    }
    size_t n = count < size - 1 ? count : size - 1;
    memset(buf, c, n);
    buf[n] = '\0';
    return n;
}

// Stores a pointer to a static int holding 42 in *out (a pointer to a pointer).
void ffi_point_to_answer(int **out);
void ffi_point_to_answer(int **out)
{
    static int answer = 42;
    *out = &answer;
}
