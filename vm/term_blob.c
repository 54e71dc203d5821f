// Encodes a term as a term blob (vm/bytecode.h): an atom table, then the term in the .emb
// literal encoding. Lists are walked iteratively along their tails; tuples, maps and list heads
// recurse, bounded by EMB_LITERAL_MAX_DEPTH, so a hostile term cannot overflow the C stack.
#include "term_blob.h"

#include <string.h>

#include "atom.h"
#include "bi_common.h"
#include "bigint.h"
#include "bytecode.h"
#include "map.h"
#include "vm.h"

typedef struct BlobWriter {
    Vm *vm;
    StrBuf atoms;        // (u32 len, text) entries, one per atom occurrence
    uint32_t atom_count;
    StrBuf lit;
    Term bad;
} BlobWriter;

static void put_u32(StrBuf *b, uint32_t v)
{
    uint8_t bytes[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    strbuf_append(b, bytes, 4);
}

static void put_u64(StrBuf *b, uint64_t v)
{
    uint8_t bytes[8];
    for (int i = 0; i < 8; i++) {
        bytes[i] = (uint8_t)(v >> (8 * i));
    }
    strbuf_append(b, bytes, 8);
}

static void put_tag(StrBuf *b, uint8_t tag)
{
    strbuf_append(b, &tag, 1);
}

static void put_atom(BlobWriter *w, Term t)
{
    size_t len;
    const char *text = atom_name(w->vm->atoms, term_to_atom(t), &len);
    put_u32(&w->atoms, (uint32_t)len);
    strbuf_append(&w->atoms, text, len);
    put_tag(&w->lit, EMB_LIT_ATOM);
    put_u32(&w->lit, w->atom_count++);
}

static void put_bigint(BlobWriter *w, Term t)
{
    StrBuf digits;
    strbuf_init(&digits);
    bigint_to_string(t, 10, &digits);
    bool is_negative = digits.len > 0 && digits.data[0] == '-';
    put_tag(&w->lit, EMB_LIT_BIGINT);
    put_tag(&w->lit, is_negative ? 1 : 0);
    put_u32(&w->lit, (uint32_t)(digits.len - is_negative));
    strbuf_append(&w->lit, digits.data + is_negative, digits.len - is_negative);
    strbuf_free(&digits);
}

static bool put_term(BlobWriter *w, Term t, int depth);

static bool put_list(BlobWriter *w, Term t, int depth)
{
    uint32_t count = 0;
    Term rest = t;
    for (; term_is_cons(rest); rest = term_tl(rest)) {
        count++;
    }
    put_tag(&w->lit, EMB_LIT_LIST);
    put_u32(&w->lit, count);
    for (rest = t; term_is_cons(rest); rest = term_tl(rest)) {
        if (!put_term(w, term_hd(rest), depth + 1)) {
            return false;
        }
    }
    return put_term(w, rest, depth + 1);
}

static bool put_map(BlobWriter *w, Term t, int depth)
{
    put_tag(&w->lit, EMB_LIT_MAP);
    put_u32(&w->lit, map_size(t));
    MapIter it;
    map_iter_init(&it, t);
    Term key;
    Term value;
    while (map_iter_next(&it, &key, &value)) {
        if (!put_term(w, key, depth + 1) || !put_term(w, value, depth + 1)) {
            return false;
        }
    }
    return true;
}

static bool put_term(BlobWriter *w, Term t, int depth)
{
    const uint8_t *bytes;
    size_t size;
    if (depth > EMB_LITERAL_MAX_DEPTH) {
        w->bad = t;
        return false;
    }
    if (term_is_small(t)) {
        put_tag(&w->lit, EMB_LIT_INT);
        put_u64(&w->lit, (uint64_t)term_to_small(t));
    } else if (term_is_bignum(t)) {
        put_bigint(w, t);
    } else if (term_is_float(t)) {
        double d = term_to_float(t);
        uint64_t u;
        memcpy(&u, &d, sizeof u);
        put_tag(&w->lit, EMB_LIT_FLOAT);
        put_u64(&w->lit, u);
    } else if (term_is_atom(t)) {
        put_atom(w, t);
    } else if (term_is_nil(t)) {
        put_tag(&w->lit, EMB_LIT_NIL);
    } else if (term_is_cons(t)) {
        return put_list(w, t, depth);
    } else if (term_is_tuple(t)) {
        uint32_t arity = term_tuple_arity(t);
        put_tag(&w->lit, EMB_LIT_TUPLE);
        put_u32(&w->lit, arity);
        for (uint32_t i = 0; i < arity; i++) {
            if (!put_term(w, term_tuple_elems(t)[i], depth + 1)) {
                return false;
            }
        }
    } else if (term_is_map(t)) {
        return put_map(w, t, depth);
    } else if (term_is_binary(t) && bi_text(t, &bytes, &size)) {
        put_tag(&w->lit, EMB_LIT_BINARY);
        put_u32(&w->lit, (uint32_t)size);
        strbuf_append(&w->lit, bytes, size);
    } else {
        w->bad = t;
        return false;
    }
    return true;
}

bool term_blob_encode(Vm *vm, Term t, StrBuf *out, Term *bad)
{
    BlobWriter w = {.vm = vm, .bad = TERM_NONE};
    strbuf_init(&w.atoms);
    strbuf_init(&w.lit);
    bool ok = put_term(&w, t, 0);
    put_u32(out, w.atom_count);
    strbuf_append(out, w.atoms.data, w.atoms.len);
    strbuf_append(out, w.lit.data, w.lit.len);
    strbuf_free(&w.atoms);
    strbuf_free(&w.lit);
    *bad = w.bad;
    return ok;
}
