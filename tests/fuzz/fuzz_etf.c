// Fuzz driver for binary_to_term's decoder (vm/etf/decode.c), run by `make fuzz` under ASan and
// UBSan. It mutates a corpus of valid encodings (Ember's own, at every minor_version and
// compressed, plus hand-written forms only OTP writes) with bit flips, byte changes,
// truncations, forged 4-byte lengths and counts, insertions, deletions and splices, and also
// tries random bytes. Every input must decode or be refused; a decoded term must encode again,
// and that encoding must decode and re-encode to the same bytes. A crash, a sanitizer report
// or a broken round trip fails the run (exit 1); a hang shows as the caller's timeout.
//
//   fuzz_etf [COUNT [SEED]]      (defaults 2000000 and 1; deterministic for a given pair)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "etf.h"
#include "../unit/fixtures.h"
#include "heap.h"

// Inputs decoded on one fixture process before it is replaced (bounds the heap).
#define PROCESS_REUSE 128
#define MAX_CORPUS 256
#define MAX_INPUT (1u << 16)

typedef struct Bytes {
    uint8_t *data;
    size_t size;
} Bytes;

typedef struct Corpus {
    Bytes items[MAX_CORPUS];
    size_t len;
} Corpus;

static uint64_t rng_state;

static uint32_t rnd(uint32_t bound)
{
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return bound == 0 ? 0 : (uint32_t)((rng_state >> 33) % bound);
}

static void corpus_add(Corpus *c, const uint8_t *data, size_t size)
{
    if (c->len < MAX_CORPUS && size <= MAX_INPUT) {
        uint8_t *copy = malloc(size);
        memcpy(copy, data, size);
        c->items[c->len++] = (Bytes){copy, size};
    }
}

// Elixir literals whose encodings seed the corpus.
static const char *const SOURCES[] = {
    "0", "255", "256", "-1", "2147483647", "2147483648", "-2147483649",
    "123456789012345678901234567890", "-98765432109876543210987654321098765432109876543210",
    "1.5", "-0.0", "1.0e300", "0.1", ":abc", ":\"héllo\"", ":λ", ":\"日本\"", "true", "nil", "[]",
    "[1, 2, 3]", "'abc'", "[1, 2 | 3]", "[:a, [:b, [:c]]]", "[300, -5, 2.5]", "\"\"", "\"hello\"",
    "<<0, 255, 7>>", "{}", "{1, {2, {3, :x}}}", "%{}", "%{a: 1, b: [2]}",
    "%{1 => 2, 1.0 => 3, \"k\" => %{z: nil}}",
    "[{1, :item, \"payload\", %{id: 1}}, {2, :item, \"payload\", %{id: 2}}]",
    "%{1 => 1, 2 => 2, 3 => 3, 4 => 4, 5 => 5, 6 => 6, 7 => 7, 8 => 8, 9 => 9, 10 => 10, "
    "11 => 11, 12 => 12, 13 => 13, 14 => 14, 15 => 15, 16 => 16, 17 => 17, 18 => 18, "
    "19 => 19, 20 => 20, 21 => 21, 22 => 22, 23 => 23, 24 => 24, 25 => 25, 26 => 26, "
    "27 => 27, 28 => 28, 29 => 29, 30 => 30, 31 => 31, 32 => 32, 33 => 33, 34 => 34}",
};

// Forms Ember's encoder never writes (OTP does): old atom tags, FLOAT_EXT, pids, references,
// an export fun, BIT_BINARY_EXT, INTEGER_EXT for small values, a BEAM-compressed list.
static const uint8_t RAW_PID[] = {131, 88, 100, 0, 13, 'n', 'o', 'n', 'o', 'd', 'e', '@', 'n',
                                  'o', 'h', 'o', 's', 't', 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0};
static const uint8_t RAW_OLD_PID[] = {131, 103, 115, 13, 'n', 'o', 'n', 'o', 'd', 'e', '@', 'n',
                                      'o', 'h', 'o', 's', 't', 0, 0, 0, 1, 0, 0, 0, 2, 0};
static const uint8_t RAW_REF[] = {131, 90, 0, 3, 119, 13, 'n', 'o', 'n', 'o', 'd', 'e', '@', 'n',
                                  'o', 'h', 'o', 's', 't', 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0,
                                  6, 0, 0, 0, 7};
static const uint8_t RAW_EXPORT[] = {131, 113, 115, 11, 'E', 'l', 'i', 'x', 'i', 'r', '.', 'E',
                                     'n', 'u', 'm', 118, 0, 3, 'm', 'a', 'p', 97, 2};
static const uint8_t RAW_FLOAT[] = {131, 99, '1', '.', '5', 'e', '+', '0', '0', 0, 0, 0, 0, 0, 0,
                                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
static const uint8_t RAW_BITS[] = {131, 77, 0, 0, 0, 2, 8, 1, 2};
static const uint8_t RAW_INTS[] = {131, 108, 0, 0, 0, 2, 98, 0, 0, 0, 5, 110, 2, 0, 1, 0, 106};
static const uint8_t RAW_ZLIB[] = {131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 160, 3, 0,
                                   0, 82, 232, 0, 208};
static const uint8_t RAW_FUN[] = {131, 112, 0, 0, 0, 60, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                                  11, 12, 13, 14, 15, 0, 0, 0, 0, 0, 0, 0, 1, 100, 0, 1, 'm',
                                  97, 0, 98, 0, 0, 0, 1, 88, 100, 0, 1, 'n', 0, 0, 0, 0, 0, 0,
                                  0, 0, 0, 0, 0, 0, 97, 7};

static void seed_corpus(Corpus *c, Process *p)
{
    for (size_t i = 0; i < sizeof SOURCES / sizeof *SOURCES; i++) {
        Term t = fixture_parse(p, SOURCES[i]);
        if (t == TERM_NONE) {
            fprintf(stderr, "fuzz_etf: bad seed source %s\n", SOURCES[i]);
            exit(2);
        }
        for (unsigned minor = 0; minor <= 2; minor++) {
            uint8_t *enc;
            size_t size;
            etf_encode(p->vm->atoms, t, minor, &enc, &size);
            corpus_add(c, enc, size);
            uint8_t *packed;
            size_t packed_size;
            if (minor == 1 && etf_compress(enc, size, 6, &packed, &packed_size)) {
                corpus_add(c, packed, packed_size);
                free(packed);
            }
            free(enc);
        }
    }
    const struct { const uint8_t *b; size_t n; } raw[] = {
        {RAW_PID, sizeof RAW_PID}, {RAW_OLD_PID, sizeof RAW_OLD_PID}, {RAW_REF, sizeof RAW_REF},
        {RAW_EXPORT, sizeof RAW_EXPORT}, {RAW_FLOAT, sizeof RAW_FLOAT},
        {RAW_BITS, sizeof RAW_BITS}, {RAW_INTS, sizeof RAW_INTS}, {RAW_ZLIB, sizeof RAW_ZLIB},
        {RAW_FUN, sizeof RAW_FUN},
    };
    for (size_t i = 0; i < sizeof raw / sizeof *raw; i++) {
        corpus_add(c, raw[i].b, raw[i].n);
    }
}

// ==== Mutations ====

static const uint8_t INTERESTING[] = {0, 1, 2, 7, 8, 0x7f, 0x80, 0xfe, 0xff, 70, 77, 80, 88, 90,
                                      97, 98, 99, 100, 103, 104, 105, 106, 107, 108, 109, 110,
                                      111, 112, 113, 114, 115, 116, 118, 119};
static const uint32_t FORGED[] = {0xffffffffu, 0x7fffffffu, 0x10000u, 0xffffu, 0x100u, 0, 1, 33};

static void mutate_once(uint8_t *b, size_t *size, const Corpus *c)
{
    size_t n = *size;
    size_t at = rnd((uint32_t)(n == 0 ? 1 : n));
    switch (rnd(9)) {
    case 0: if (n > 0) { b[at] ^= (uint8_t)(1u << rnd(8)); } break;
    case 1: if (n > 0) { b[at] = (uint8_t)rnd(256); } break;
    case 2: if (n > 0) { b[at] = INTERESTING[rnd(sizeof INTERESTING)]; } break;
    case 3: *size = rnd((uint32_t)n + 1); break;
    case 4:
        if (n >= 4) {
            uint32_t v = FORGED[rnd(sizeof FORGED / sizeof *FORGED)];
            at = rnd((uint32_t)(n - 3));
            b[at] = (uint8_t)(v >> 24), b[at + 1] = (uint8_t)(v >> 16);
            b[at + 2] = (uint8_t)(v >> 8), b[at + 3] = (uint8_t)v;
        }
        break;
    case 5:
        if (n < MAX_INPUT) {
            memmove(b + at + 1, b + at, n - at);
            b[at] = (uint8_t)rnd(256);
            *size = n + 1;
        }
        break;
    case 6: if (n > 0) { memmove(b + at, b + at + 1, n - at - 1); *size = n - 1; } break;
    case 7: { // splice the tail of another entry in at [at]
        const Bytes *o = &c->items[rnd((uint32_t)c->len)];
        size_t from = rnd((uint32_t)o->size);
        size_t len = o->size - from;
        if (at + len <= MAX_INPUT) {
            memcpy(b + at, o->data + from, len);
            *size = at + len;
        }
        break;
    }
    default: { // duplicate a chunk
        size_t len = rnd(16) + 1;
        if (at + len <= n && n + len <= MAX_INPUT) {
            memmove(b + at + len, b + at, n - at);
            *size = n + len;
        }
        break;
    }
    }
}

static size_t make_input(uint8_t *b, const Corpus *c)
{
    if (rnd(20) == 0) { // random bytes after the version byte
        size_t n = 1 + rnd(64);
        b[0] = ETF_VERSION;
        for (size_t i = 1; i < n; i++) {
            b[i] = rnd(3) == 0 ? INTERESTING[rnd(sizeof INTERESTING)] : (uint8_t)rnd(256);
        }
        return n;
    }
    const Bytes *src = &c->items[rnd((uint32_t)c->len)];
    size_t size = src->size;
    memcpy(b, src->data, size);
    for (uint32_t k = 1 + rnd(4); k > 0; k--) {
        mutate_once(b, &size, c);
    }
    return size;
}

// ==== Checks ====

// A decoded term must encode, and that encoding must decode and encode to the same bytes.
static bool check_round_trip(Process *p, Term t)
{
    uint8_t *a;
    size_t a_size;
    etf_encode(p->vm->atoms, t, ETF_MINOR_DEFAULT, &a, &a_size);
    Term again;
    size_t used;
    size_t work;
    bool ok = etf_decode(p, a, a_size, false, &again, &used, &work) == ETF_DECODE_OK &&
              used == a_size;
    if (ok) {
        uint8_t *b;
        size_t b_size;
        etf_encode(p->vm->atoms, again, ETF_MINOR_DEFAULT, &b, &b_size);
        ok = b_size == a_size && memcmp(a, b, a_size) == 0;
        free(b);
    }
    free(a);
    return ok;
}

static void dump(const uint8_t *b, size_t n)
{
    fprintf(stderr, "input (%zu bytes):", n);
    for (size_t i = 0; i < n; i++) {
        fprintf(stderr, " %u", b[i]);
    }
    fputc('\n', stderr);
}

int main(int argc, char **argv)
{
    unsigned long count = argc > 1 ? strtoul(argv[1], NULL, 10) : 2000000;
    rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
    Vm *vm = fixture_vm();
    Process *p = fixture_process(vm);
    Corpus corpus = {0};
    seed_corpus(&corpus, p);
    uint8_t *buf = malloc(2 * MAX_INPUT + 64);
    unsigned long decoded = 0;
    for (unsigned long i = 0; i < count; i++) {
        if (i % PROCESS_REUSE == 0) {
            fixture_free(NULL, p);
            p = fixture_process(vm);
        }
        size_t size = make_input(buf, &corpus);
        Term t;
        size_t used;
        size_t work;
        EtfDecodeStatus st = etf_decode(p, buf, size, rnd(4) == 0, &t, &used, &work);
        if (st != ETF_DECODE_OK) {
            continue;
        }
        decoded++;
        if (used > size || !check_round_trip(p, t)) {
            fprintf(stderr, "fuzz_etf: round trip failed at iteration %lu\n", i);
            dump(buf, size);
            return 1;
        }
    }
    printf("fuzz_etf: %lu inputs, %lu decoded, %zu corpus entries, no failure\n", count, decoded,
           corpus.len);
    for (size_t i = 0; i < corpus.len; i++) {
        free(corpus.items[i].data);
    }
    free(buf);
    fixture_free(vm, p);
    return 0;
}
