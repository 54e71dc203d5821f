// Bit fields and bit-syntax segments (see bitstring.h). Bits are numbered from the most
// significant bit of the first byte. Fields of up to 64 bits are read and written through a
// 128-bit window; longer integers go through a big-endian byte buffer and bigint.c.
// Little-endian fields follow Erlang: the value's bytes least significant first, and when the
// size is not a multiple of 8, the remaining high bits last as a short chunk.
#include "bitstring.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "bytecode.h"
#include "error.h"
#include "heap.h"
#include "inspect.h"
#include "process.h"
#include "refc_binary.h"
#include "utf_encode.h"
#include "vm.h"

// Longest field read through the 128-bit window (9 bytes span at most 72 bits).
#define WINDOW_BITS 64

typedef unsigned __int128 Window;

// ==== Raw bit fields ====

static Window load_window(const uint8_t *src, size_t first_byte, size_t span)
{
    Window w = 0;
    for (size_t i = 0; i < span; i++) {
        w = w << 8 | src[first_byte + i];
    }
    return w;
}

// The [n] (<= 64) bits at bit [off] of [src], right-aligned.
static uint64_t read_field(const uint8_t *src, size_t off, size_t n)
{
    if (n == 0) {
        return 0;
    }
    size_t first = off / 8;
    size_t shift = off % 8;
    size_t span = (shift + n + 7) / 8;
    Window w = load_window(src, first, span);
    w >>= span * 8 - shift - n;
    return (uint64_t)(w & (n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1)));
}

// Writes the low [n] (<= 64) bits of [v] at bit [off] of [dst].
static void write_field(uint8_t *dst, size_t off, size_t n, uint64_t v)
{
    if (n == 0) {
        return;
    }
    size_t first = off / 8;
    size_t shift = off % 8;
    size_t span = (shift + n + 7) / 8;
    size_t low = span * 8 - shift - n; // bits after the field in its last byte
    Window mask = (((Window)1 << n) - 1) << low;
    Window w = load_window(dst, first, span);
    w = (w & ~mask) | (((Window)v << low) & mask);
    for (size_t i = span; i-- > 0;) {
        dst[first + i] = (uint8_t)w;
        w >>= 8;
    }
}

void bits_copy(uint8_t *dst, size_t dst_off, const uint8_t *src, size_t src_off, size_t n)
{
    if (dst_off % 8 == 0 && src_off % 8 == 0) {
        memcpy(dst + dst_off / 8, src + src_off / 8, n / 8);
        size_t done = n / 8 * 8;
        write_field(dst, dst_off + done, n % 8, read_field(src, src_off + done, n % 8));
        return;
    }
    for (size_t done = 0; done < n; done += WINDOW_BITS) {
        size_t chunk = n - done < WINDOW_BITS ? n - done : WINDOW_BITS;
        write_field(dst, dst_off + done, chunk, read_field(src, src_off + done, chunk));
    }
}

int bits_compare(const uint8_t *a, size_t a_bits, const uint8_t *b, size_t b_bits)
{
    size_t n = a_bits < b_bits ? a_bits : b_bits;
    int c = memcmp(a, b, n / 8);
    if (c != 0) {
        return c < 0 ? -1 : 1;
    }
    uint64_t x = read_field(a, n / 8 * 8, n % 8);
    uint64_t y = read_field(b, n / 8 * 8, n % 8);
    if (x != y) {
        return x < y ? -1 : 1;
    }
    return a_bits < b_bits ? -1 : (a_bits > b_bits ? 1 : 0);
}

// Writes [parts] one after the other from bit [at] of [out].
static void write_parts(uint8_t *out, size_t at, const Term *parts, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        size_t size;
        const uint8_t *bytes = term_binary_bytes(parts[i], &size);
        size_t n = size * 8 + term_bitstring_tail_bits(parts[i]);
        bits_copy(out, at, bytes, 0, n);
        at += n;
    }
}

// `acc <> piece` where acc is the whole of an appendable binary: the piece goes into acc's
// spare room (claimed with one compare-and-swap, so two processes appending to the same
// binary never both get it) and the result shares acc's bytes. TERM_NONE: no room or not
// such a binary.
static Term append_in_place(Process *p, const Term *parts, uint32_t count, size_t total)
{
    if (!term_is_boxed_type(parts[0], TERM_TYPE_REFBIN)) {
        return TERM_NONE;
    }
    const Term *obj = term_boxed_ptr(parts[0]);
    RefcBinary *bin = (RefcBinary *)(uintptr_t)obj[2];
    size_t used = (size_t)obj[1];
    if (total > bin->size || used == 0 ||
        !atomic_compare_exchange_strong(&bin->append_end, &used, total)) {
        return TERM_NONE;
    }
    write_parts(bin->data, used * 8, parts + 1, count - 1);
    refc_binary_retain(bin);
    return term_make_refbin_charged(p, bin, total, total - used);
}

Term bits_concat(Process *p, const Term *parts, uint32_t count)
{
    size_t total = 0;
    for (uint32_t i = 0; i < count; i++) {
        total += bits_size_of(parts[i]);
    }
    size_t bytes = total / 8;
    if (count >= 2 && total % 8 == 0 && bytes > HEAPBIN_MAX_SIZE) {
        Term t = append_in_place(p, parts, count, bytes);
        if (t != TERM_NONE) {
            return t;
        }
        // An accumulator shape (the first part is at least half the result): leave room to
        // grow, so a loop of appends copies each byte O(1) times; the room is half the size.
        if (bits_size_of(parts[0]) / 8 >= bytes / 2) {
            RefcBinary *bin = refc_binary_new_appendable(bytes, bytes + bytes / 2);
            write_parts(bin->data, 0, parts, count);
            return term_make_refbin(p, bin, bytes);
        }
    }
    uint8_t *out;
    Term result = term_make_bitstring_uninit(p, total, &out);
    write_parts(out, 0, parts, count); // allocation is over: the byte pointers stay valid
    return result;
}

// A new bitstring holding the [n] bits at bit [off] of bitstring [bin]: a slice sharing
// [bin]'s bytes when [off] is on a byte boundary, else a shifted copy.
static Term sub_bits(Process *p, Term bin, size_t off, size_t n)
{
    if (off % 8 == 0) {
        return term_make_sub_binary(p, bin, off / 8, n / 8, (unsigned)(n % 8));
    }
    uint8_t *out;
    Term copy = term_make_bitstring_uninit(p, n, &out);
    size_t size;
    const uint8_t *bytes = term_binary_bytes(bin, &size);
    bits_copy(out, 0, bytes, off, n);
    return copy;
}

// ==== Integers ====

// Reorders an [n]-bit field [raw] read in bit order into the value of a little-endian
// field: the first 8 bits are the least significant byte, and so on; a short last chunk
// (n % 8 bits) holds the most significant bits. The same permutation, inverted, for writing.
static uint64_t little_from_raw(uint64_t raw, size_t n)
{
    uint64_t v = 0;
    size_t chunks = n / 8;
    for (size_t i = 0; i < chunks; i++) {
        v |= ((raw >> (n - 8 * (i + 1))) & 0xFF) << (8 * i);
    }
    if (n % 8 == 0) {
        return v;
    }
    return v | (raw & ((UINT64_C(1) << (n % 8)) - 1)) << (8 * chunks);
}

static uint64_t raw_from_little(uint64_t v, size_t n)
{
    uint64_t raw = 0;
    size_t chunks = n / 8;
    for (size_t i = 0; i < chunks; i++) {
        raw |= ((v >> (8 * i)) & 0xFF) << (n - 8 * (i + 1));
    }
    if (n % 8 == 0) {
        return raw;
    }
    return raw | ((v >> (8 * chunks)) & ((UINT64_C(1) << (n % 8)) - 1));
}

static bool is_little(uint32_t desc)
{
    if (desc & BS_FLAG_NATIVE) {
        return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
    }
    return (desc & BS_FLAG_LITTLE) != 0;
}

// Fields wider than 64 bits: the value's big-endian bytes, right-aligned in [be] ([len]
// bytes: n / 8 rounded up), from the field at bit [off] of [src].
static void wide_to_bytes(const uint8_t *src, size_t off, size_t n, bool little, uint8_t *be,
                          size_t len)
{
    memset(be, 0, len);
    if (!little) {
        bits_copy(be, len * 8 - n, src, off, n);
        return;
    }
    size_t chunks = n / 8;
    for (size_t i = 0; i < chunks; i++) { // chunk i is byte i from the least significant end
        be[len - 1 - i] = (uint8_t)read_field(src, off + 8 * i, 8);
    }
    if (n % 8 != 0) {
        be[0] = (uint8_t)read_field(src, off + 8 * chunks, n % 8);
    }
}

static Term read_integer(Process *p, const uint8_t *src, size_t off, size_t n, uint32_t desc)
{
    bool is_signed = (desc & BS_FLAG_SIGNED) != 0;
    if (n <= WINDOW_BITS) {
        uint64_t v = read_field(src, off, n);
        if (is_little(desc)) {
            v = little_from_raw(v, n);
        }
        if (is_signed && n > 0 && (v >> (n - 1)) & 1) { // sign-extend from bit n - 1
            return term_make_int(p, (int64_t)(n == 64 ? v : v | (~UINT64_C(0) << n)));
        }
        if (v <= (uint64_t)SMALL_MAX) {
            return term_from_small((int64_t)v);
        }
    }
    size_t len = (n + 7) / 8;
    uint8_t local[64];
    uint8_t *be = len <= sizeof local ? local : em_malloc(len);
    wide_to_bytes(src, off, n, is_little(desc), be, len);
    Term t = bigint_from_bytes(p, be, len, n, is_signed);
    if (be != local) {
        free(be);
    }
    return t;
}

// Writes the low [n] bits of integer [v] at bit 0 of [out].
static void write_integer(uint8_t *out, Term v, size_t n, uint32_t desc)
{
    bool little = is_little(desc);
    if (term_is_small(v) && n <= WINDOW_BITS) {
        uint64_t raw = (uint64_t)term_to_small(v);
        write_field(out, 0, n, little ? raw_from_little(raw, n) : raw);
        return;
    }
    size_t len = (n + 7) / 8;
    uint8_t *be = em_malloc(len > 0 ? len : 1);
    bigint_to_bytes(v, be, len);
    if (!little) {
        bits_copy(out, 0, be, len * 8 - n, n);
    } else {
        size_t chunks = n / 8;
        for (size_t i = 0; i < chunks; i++) {
            write_field(out, 8 * i, 8, be[len - 1 - i]);
        }
        if (n % 8 != 0) {
            write_field(out, 8 * chunks, n % 8, be[0]);
        }
    }
    free(be);
}

// ==== Floats ====

// IEEE half precision <-> double (float-16 segments).
static double half_to_double(uint16_t h)
{
    int exp = (h >> 10) & 0x1F;
    double mant = h & 0x3FF;
    double v = exp == 0 ? ldexp(mant, -24) : exp == 31 ? (mant ? NAN : INFINITY)
                                                          : ldexp(mant + 1024, exp - 25);
    return (h & 0x8000) ? -v : v;
}

static uint16_t double_to_half(double d)
{
    uint16_t sign = signbit(d) ? 0x8000 : 0;
    double a = fabs(d);
    if (isnan(d)) {
        return sign | 0x7E00;
    }
    if (a >= 65520.0) { // rounds past the largest half (65504)
        return sign | 0x7C00;
    }
    if (a < ldexp(1, -14)) { // subnormal: units of 2^-24, rounded to nearest even
        return sign | (uint16_t)nearbyint(ldexp(a, 24));
    }
    int exp;
    double m = frexp(a, &exp); // a = m * 2^exp, 0.5 <= m < 1
    uint32_t bits = (uint32_t)nearbyint(ldexp(m, 11)); // 11 significant bits
    if (bits == 2048) {
        bits = 1024;
        exp++;
    }
    return sign | (uint16_t)((exp + 14) << 10) | (uint16_t)(bits & 0x3FF);
}

static bool read_float(Process *p, const uint8_t *src, size_t off, size_t n, uint32_t desc,
                       Term *out)
{
    uint64_t raw = read_field(src, off, n);
    if (is_little(desc)) {
        raw = little_from_raw(raw, n);
    }
    double d;
    if (n == 64) {
        memcpy(&d, &raw, 8);
    } else if (n == 32) {
        uint32_t r32 = (uint32_t)raw;
        float f;
        memcpy(&f, &r32, 4);
        d = f;
    } else {
        d = half_to_double((uint16_t)raw);
    }
    if (!isfinite(d)) {
        return false;
    }
    *out = term_make_float(p, d);
    return true;
}

static void write_float(uint8_t *out, double d, size_t n, uint32_t desc)
{
    uint64_t raw;
    if (n == 64) {
        memcpy(&raw, &d, 8);
    } else if (n == 32) {
        float f = (float)d;
        uint32_t r32;
        memcpy(&r32, &f, 4);
        raw = r32;
    } else {
        raw = double_to_half(d);
    }
    write_field(out, 0, n, is_little(desc) ? raw_from_little(raw, n) : raw);
}

// ==== UTF-8/16/32 ====

static bool is_code_point(int64_t c)
{
    return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

// Decodes one code point of type [type] from [s] ([len] bytes); its byte length in *[used].
static int64_t decode_utf(uint32_t type, bool little, const uint8_t *s, size_t len,
                          size_t *used)
{
    if (type == BS_TYPE_UTF8) {
        if (len == 0) {
            return -1;
        }
        uint32_t c = s[0];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                                  : (c & 0xF8) == 0xF0 ? 4 : 0;
        static const uint32_t min_value[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (n == 0 || n > len) {
            return -1;
        }
        uint32_t cp = n == 1 ? c : c & (0x7Fu >> n);
        for (size_t i = 1; i < n; i++) {
            if ((s[i] & 0xC0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | (s[i] & 0x3F);
        }
        *used = n;
        return cp >= min_value[n] && is_code_point(cp) ? (int64_t)cp : -1;
    }
    size_t unit = type == BS_TYPE_UTF16 ? 2 : 4;
    if (len < unit) {
        return -1;
    }
    uint32_t w = 0;
    for (size_t i = 0; i < unit; i++) {
        w |= (uint32_t)s[little ? i : unit - 1 - i] << (8 * i);
    }
    *used = unit;
    if (type == BS_TYPE_UTF32 || w < 0xD800 || w > 0xDFFF) {
        return is_code_point(w) ? (int64_t)w : -1;
    }
    if (w > 0xDBFF || len < 4) { // a lone low surrogate, or a high one at the end
        return -1;
    }
    uint32_t lo = little ? (uint32_t)s[2] | (uint32_t)s[3] << 8 : (uint32_t)s[2] << 8 | s[3];
    if (lo < 0xDC00 || lo > 0xDFFF) {
        return -1;
    }
    *used = 4;
    return 0x10000 + ((int64_t)(w - 0xD800) << 10) + (lo - 0xDC00);
}

// UTF-8/16/32 unit width in bits of utf segment type [type].
static unsigned utf_unit_bits(uint32_t type)
{
    return type == BS_TYPE_UTF8 ? 8 : type == BS_TYPE_UTF16 ? 16 : 32;
}

// ==== Matching ====

static bool match_utf(Process *p, const uint8_t *bytes, size_t bits, size_t *offset,
                      uint32_t desc, Term *out)
{
    uint8_t local[4];
    size_t avail = (bits - *offset) / 8;
    size_t take = avail < 4 ? avail : 4;
    const uint8_t *s = bytes + *offset / 8;
    if (*offset % 8 != 0) { // unaligned: gather up to 4 bytes first
        bits_copy(local, 0, bytes, *offset, take * 8);
        s = local;
    }
    size_t used = 0;
    int64_t cp = decode_utf(desc & BS_TYPE_MASK, is_little(desc), s, take, &used);
    (void)p;
    if (cp < 0) {
        return false;
    }
    *out = term_from_small(cp);
    *offset += used * 8;
    return true;
}

// The shapes byte parsers use, on a byte boundary: an unsigned big-endian integer of whole
// bytes (`<<c, ...>>`, `<<n::16, ...>>`) and the rest as a binary. False: take the general path.
static bool match_aligned(Process *p, Term bin, const uint8_t *bytes, size_t bits,
                          size_t *offset, uint32_t desc, int64_t size, Term *out)
{
    uint32_t shape = desc & (BS_TYPE_MASK | BS_FLAG_SIGNED | BS_FLAG_LITTLE | BS_FLAG_NATIVE);
    uint64_t unit = (desc >> BS_UNIT_SHIFT) & BS_UNIT_MASK;
    size_t at = *offset / 8;
    if (shape == BS_TYPE_INTEGER && !(desc & BS_FLAG_ALL) && size > 0 && unit == 1 &&
        size % 8 == 0 && size <= 56 && (size_t)size <= bits - *offset) {
        uint64_t v = 0;
        for (size_t i = 0; i < (size_t)size / 8; i++) {
            v = v << 8 | bytes[at + i];
        }
        *out = term_from_small((int64_t)v);
        *offset += (size_t)size;
        return true;
    }
    if ((shape == BS_TYPE_BINARY || shape == BS_TYPE_BITSTRING) && (desc & BS_FLAG_ALL)) {
        size_t left = bits - *offset;
        if (shape == BS_TYPE_BINARY && left % 8 != 0) {
            return false;
        }
        *out = term_make_sub_binary(p, bin, at, left / 8, (unsigned)(left % 8));
        *offset = bits;
        return true;
    }
    return false;
}

bool bits_match_segment(Process *p, Term bin, size_t *offset, uint32_t desc, int64_t size,
                        Term *out)
{
    size_t bits;
    const uint8_t *bytes = bits_view(bin, &bits);
    uint32_t type = desc & BS_TYPE_MASK;
    if (*offset > bits || type > BS_TYPE_UTF32) {
        return false;
    }
    if (*offset % 8 == 0 && match_aligned(p, bin, bytes, bits, offset, desc, size, out)) {
        return true;
    }
    if (type >= BS_TYPE_UTF8) {
        return match_utf(p, bytes, bits, offset, desc, out);
    }
    size_t left = bits - *offset;
    uint64_t unit = (desc >> BS_UNIT_SHIFT) & BS_UNIT_MASK;
    uint64_t n;
    if (desc & BS_FLAG_ALL) {
        n = left;
        if (n % (unit == 0 ? 1 : unit) != 0) {
            return false;
        }
    } else if (size < 0 || (uint64_t)size > left || (uint64_t)size * unit > left) {
        return false;
    } else {
        n = (uint64_t)size * unit;
    }
    if ((type == BS_TYPE_BINARY && n % 8 != 0) ||
        (type == BS_TYPE_FLOAT && n != 16 && n != 32 && n != 64)) {
        return false;
    }
    if (type == BS_TYPE_INTEGER) {
        *out = read_integer(p, bytes, *offset, n, desc);
    } else if (type == BS_TYPE_FLOAT) {
        if (!read_float(p, bytes, *offset, n, desc, out)) {
            return false;
        }
    } else {
        *out = sub_bits(p, bin, *offset, n);
    }
    *offset += n;
    return true;
}

bool bits_match_bytes(Term bin, size_t *offset, Term lit)
{
    size_t whole;
    const uint8_t *bytes = term_binary_bytes(bin, &whole);
    size_t bits = whole * 8 + term_bitstring_tail_bits(bin);
    size_t lit_size;
    const uint8_t *want = term_binary_bytes(lit, &lit_size);
    if (*offset > bits || bits - *offset < lit_size * 8) {
        return false;
    }
    if (*offset % 8 == 0) {
        if (memcmp(bytes + *offset / 8, want, lit_size) != 0) {
            return false;
        }
    } else {
        for (size_t i = 0; i < lit_size; i++) {
            if (read_field(bytes, *offset + 8 * i, 8) != want[i]) {
                return false;
            }
        }
    }
    *offset += lit_size * 8;
    return true;
}

// ==== Construction ====

// Erlang names a bitstring segment 'binary' too (a binary of unit 1).
static const char *const type_names[] = {"integer", "float", "binary", "binary",
                                         "utf8",    "utf16", "utf32"};

static Term segment_error(Process *p, uint32_t index, uint32_t type, const char *what,
                          Term value, const char *after)
{
    StrBuf shown;
    strbuf_init(&shown);
    InspectOpts opts = inspect_default_opts();
    inspect_term(p->vm, value, &opts, &shown);
    error_raise(p, ERR_ARGUMENT, "construction of binary failed: segment %u of type '%s': %s%.*s%s",
                index, type_names[type], what, (int)shown.len, shown.data, after);
    strbuf_free(&shown);
    return TERM_NONE;
}

static Term build_utf(Process *p, Term value, uint32_t desc, uint32_t index)
{
    uint32_t type = desc & BS_TYPE_MASK;
    if (!term_is_small(value) || !is_code_point(term_to_small(value))) {
        char what[80];
        snprintf(what, sizeof what, "expected a non-negative integer encodable as %s but got: ",
                 type_names[type]);
        return segment_error(p, index, type, what, value, "");
    }
    uint8_t buf[4];
    size_t n = utf_encode(utf_unit_bits(type), is_little(desc), (uint32_t)term_to_small(value), buf);
    return term_make_binary(p, buf, n);
}

static Term build_bits(Process *p, Term value, uint32_t desc, Term size, uint32_t index)
{
    uint32_t type = desc & BS_TYPE_MASK;
    if (!term_is_bitstring(value)) {
        return segment_error(p, index, type, "expected a binary but got: ", value, "");
    }
    size_t have = bits_size_of(value);
    uint64_t unit = (desc >> BS_UNIT_SHIFT) & BS_UNIT_MASK;
    if (size == term_nil_atom()) {
        if (unit > 1 && have % unit != 0) {
            return segment_error(p, index, type, "the size of the value ", value,
                                 " is not a multiple of the unit for the segment");
        }
        return value;
    }
    uint64_t n = (uint64_t)term_to_small(size) * unit;
    if (n > have) {
        return segment_error(p, index, type, "the value ", value,
                             " is shorter than the size of the segment");
    }
    return sub_bits(p, value, 0, (size_t)n);
}

Term bits_build_segment(Process *p, Term value, uint32_t desc, Term size, uint32_t index)
{
    uint32_t type = desc & BS_TYPE_MASK;
    if (type > BS_TYPE_UTF32) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    if (type >= BS_TYPE_UTF8) {
        return build_utf(p, value, desc, index);
    }
    uint64_t unit = (desc >> BS_UNIT_SHIFT) & BS_UNIT_MASK;
    if (size != term_nil_atom() && (!term_is_small(size) || term_to_small(size) < 0 ||
                             (uint64_t)term_to_small(size) > (UINT64_C(1) << 40) / (unit + 1))) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    if (type == BS_TYPE_BINARY || type == BS_TYPE_BITSTRING) {
        return build_bits(p, value, desc, size, index);
    }
    size_t n = (size_t)(term_to_small(size) * (int64_t)unit);
    if (type == BS_TYPE_FLOAT) {
        if (!term_is_number(value)) {
            return segment_error(p, index, type, "expected a float or an integer but got: ",
                                 value, "");
        }
        if (n != 16 && n != 32 && n != 64) {
            return error_raise(p, ERR_ARGUMENT, "argument error");
        }
        double d = term_is_float(value) ? term_to_float(value)
                   : term_is_small(value) ? (double)term_to_small(value)
                                          : bigint_to_double(value);
        uint8_t *out;
        Term t = term_make_bitstring_uninit(p, n, &out);
        write_float(out, d, n, desc);
        return t;
    }
    if (!term_is_integer(value)) {
        return segment_error(p, index, type, "expected an integer but got: ", value, "");
    }
    uint8_t *out;
    Term t = term_make_bitstring_uninit(p, n, &out);
    write_integer(out, value, n, desc);
    return t;
}
