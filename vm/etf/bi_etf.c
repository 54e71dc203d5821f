// The :erlang built-ins of the external term format: term_to_binary/1,2, binary_to_term/1,2
// and external_size/1,2. They parse options with Erlang's errors, call the encoder, compressor
// and decoder (etf.h) and charge reductions in proportion to the size of the term.
#include "builtins.h"

#include <stdlib.h>

#include "bi_common.h"
#include "etf.h"
#include "vm.h"

// zlib level of a plain `compressed` option (OTP's default).
#define ETF_DEFAULT_LEVEL 6

typedef struct EncodeOpts {
    unsigned minor;
    int level; // 0: no compression
} EncodeOpts;

// A {name, integer} option tuple: its integer in *[v] when the name is [name].
static bool int_option(Term opt, Term name, int64_t *v)
{
    return term_is_tuple(opt) && term_tuple_arity(opt) == 2 && term_tuple_elems(opt)[0] == name &&
           term_is_small(term_tuple_elems(opt)[1]) &&
           (*v = term_to_small(term_tuple_elems(opt)[1]), true);
}

// Raises Erlang's error when [list] is not a proper list; true when it is one.
static bool check_option_list(Process *p, Term list)
{
    if (!term_is_list(list)) {
        bi_badarg(p, 2, "not a list");
        return false;
    }
    if (!bi_list_length(list, &(size_t){0})) {
        bi_badarg(p, 2, "not a proper list");
        return false;
    }
    return true;
}

// Reads term_to_binary's options (with [allow_compressed]: external_size takes only
// minor_version); raises Erlang's ArgumentError on a bad list. Later options win.
static bool parse_encode_opts(Process *p, Term list, bool allow_compressed, EncodeOpts *o)
{
    Term compressed = bi_atom(p, "compressed");
    Term minor_version = bi_atom(p, "minor_version");
    Term deterministic = bi_atom(p, "deterministic");
    if (!check_option_list(p, list)) {
        return false;
    }
    for (; term_is_cons(list); list = term_tl(list)) {
        Term opt = term_hd(list);
        int64_t v;
        if (allow_compressed && opt == compressed) {
            o->level = ETF_DEFAULT_LEVEL;
        } else if (allow_compressed && opt == deterministic) {
            continue; // Ember's encoding is always deterministic
        } else if (allow_compressed && int_option(opt, compressed, &v) && v >= 0 && v <= 9) {
            o->level = (int)v;
        } else if (int_option(opt, minor_version, &v) && v >= 0 && v <= 2) {
            o->minor = (unsigned)v;
        } else {
            bi_badarg(p, 2, "invalid option in list");
            return false;
        }
    }
    return true;
}

static Term term_to_binary(Process *p, Term t, const EncodeOpts *o)
{
    size_t size;
    proc_charge(p, etf_encoded_size(p->vm->atoms, t, o->minor, &size));
    proc_charge(p, size / 8);
    if (o->level == 0) { // straight into the result: no copy of a large encoding
        uint8_t *bytes;
        Term bin = term_make_binary_uninit(p, size, &bytes);
        proc_charge(p, etf_encode_into(p->vm->atoms, t, o->minor, bytes, size));
        return bin;
    }
    uint8_t *enc = em_malloc(size);
    proc_charge(p, etf_encode_into(p->vm->atoms, t, o->minor, enc, size));
    proc_charge(p, size / 2); // zlib's work per input byte
    uint8_t *packed;
    size_t packed_size;
    Term bin;
    if (etf_compress(enc, size, o->level, &packed, &packed_size)) {
        bin = term_make_binary(p, packed, packed_size);
        free(packed);
    } else {
        bin = term_make_binary(p, enc, size);
    }
    free(enc);
    return bin;
}

Term bi_erlang_term_to_binary_1(Process *p, Term *args)
{
    EncodeOpts o = {.minor = ETF_MINOR_DEFAULT};
    return term_to_binary(p, args[0], &o);
}

Term bi_erlang_term_to_binary_2(Process *p, Term *args)
{
    EncodeOpts o = {.minor = ETF_MINOR_DEFAULT};
    if (!parse_encode_opts(p, args[1], true, &o)) {
        return TERM_NONE;
    }
    return term_to_binary(p, args[0], &o);
}

static Term external_size(Process *p, Term t, const EncodeOpts *o)
{
    size_t size;
    proc_charge(p, etf_encoded_size(p->vm->atoms, t, o->minor, &size));
    return term_make_int(p, (int64_t)size);
}

Term bi_erlang_external_size_1(Process *p, Term *args)
{
    EncodeOpts o = {.minor = ETF_MINOR_DEFAULT};
    return external_size(p, args[0], &o);
}

Term bi_erlang_external_size_2(Process *p, Term *args)
{
    EncodeOpts o = {.minor = ETF_MINOR_DEFAULT};
    if (!parse_encode_opts(p, args[1], false, &o)) {
        return TERM_NONE;
    }
    return external_size(p, args[0], &o);
}

// binary_to_term with options [is_safe] (no new atoms) and [want_used] ({term, bytes used}).
static Term binary_to_term(Process *p, Term bin, bool is_safe, bool want_used)
{
    const uint8_t *bytes;
    size_t size;
    if (!bi_text(bin, &bytes, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    Term t;
    size_t used;
    size_t work;
    EtfDecodeStatus st = etf_decode(p, bytes, size, is_safe, &t, &used, &work);
    proc_charge(p, work);
    if (st != ETF_DECODE_OK) {
        return bi_badarg(p, 1,
                         is_safe ? "invalid or unsafe external representation of a term"
                                 : "invalid external representation of a term");
    }
    return want_used ? bi_tuple2(p, t, term_make_int(p, (int64_t)used)) : t;
}

Term bi_erlang_binary_to_term_1(Process *p, Term *args)
{
    return binary_to_term(p, args[0], false, false);
}

Term bi_erlang_binary_to_term_2(Process *p, Term *args)
{
    if (!term_is_binary(args[0])) {
        return bi_badarg(p, 1, "not a binary");
    }
    Term safe = bi_atom(p, "safe");
    Term used = bi_atom(p, "used");
    bool is_safe = false;
    bool want_used = false;
    Term list = args[1];
    if (!check_option_list(p, list)) {
        return TERM_NONE;
    }
    for (; term_is_cons(list); list = term_tl(list)) {
        if (term_hd(list) == safe) {
            is_safe = true;
        } else if (term_hd(list) == used) {
            want_used = true;
        } else {
            return bi_badarg(p, 2, "invalid option in list");
        }
    }
    return binary_to_term(p, args[0], is_safe, want_used);
}
