// Helpers shared by the bi_*.c built-in files (see bi_common.h). Walks over user data are
// iterative or bounded, so a deeply nested list cannot exhaust the C stack.
#include "bi_common.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bigint.h"
#include "map.h"
#include "process.h"
#include "vm.h"

// ==== Errors ====

Term bi_badarg(Process *p, int argno, const char *why)
{
    static const char *const ordinals[] = {"1st", "2nd", "3rd", "4th", "5th", "6th"};
    const char *ord = (argno >= 1 && argno <= 6) ? ordinals[argno - 1] : "nth";
    return error_raise(p, ERR_ARGUMENT,
                       "errors were found at the given arguments:\n\n  * %s argument: %s\n", ord,
                       why);
}

Term bi_function_clause(Process *p, const char *mfa)
{
    // "String.upcase/2" -> Elixir.String, upcase, 2; "lists:sort/1" -> lists, sort, 1.
    const char *slash = strrchr(mfa, '/');
    const char *sep = strchr(mfa, ':');
    bool erlang = sep != NULL && sep < slash;
    if (!erlang) {
        sep = slash;
        while (sep > mfa && *sep != '.') {
            sep--;
        }
    }
    if (slash == NULL || sep == mfa) {
        return error_raise(p, ERR_FUNCTION_CLAUSE, "no function clause matching in %s", mfa);
    }
    StrBuf mod;
    strbuf_init(&mod);
    strbuf_printf(&mod, "%s%.*s", erlang ? "" : "Elixir.", (int)(sep - mfa), mfa);
    Term module = bi_atom_from_text(p, mod.data, mod.len);
    strbuf_free(&mod);
    Term name = bi_atom_from_text(p, sep + 1, (size_t)(slash - sep - 1));
    if (module == TERM_NONE || name == TERM_NONE) {
        return TERM_NONE;
    }
    return error_raise_function_clause(p, module, name, (uint32_t)strtoul(slash + 1, NULL, 10));
}

Term bi_badarith(Process *p)
{
    return error_raise(p, ERR_ARITHMETIC, "bad argument in arithmetic expression");
}

// ==== Lists ====

bool bi_list_length(Term list, size_t *len)
{
    size_t n = 0;
    while (term_is_cons(list)) {
        n++;
        list = term_tl(list);
    }
    *len = n;
    return term_is_nil(list);
}

bool bi_list_to_array(Term list, Term **out, size_t *len)
{
    size_t n;
    if (!bi_list_length(list, &n)) {
        return false;
    }
    Term *arr = NULL;
    if (n > 0) {
        arr = em_malloc(n * sizeof(Term));
        for (size_t i = 0; i < n; i++) {
            arr[i] = term_hd(list);
            list = term_tl(list);
        }
    }
    *out = arr;
    *len = n;
    return true;
}

Term bi_list_from_array(Process *p, const Term *elems, size_t len, Term tail)
{
    proc_charge(p, len);
    Term acc = tail;
    for (size_t i = len; i > 0; i--) {
        acc = term_make_cons(p, elems[i - 1], acc);
    }
    return acc;
}

Term bi_list_reverse(Process *p, Term list, Term tail)
{
    Term acc = tail;
    size_t n = 0;
    while (term_is_cons(list)) {
        acc = term_make_cons(p, term_hd(list), acc);
        list = term_tl(list);
        n++;
    }
    proc_charge(p, n);
    return acc;
}

// ==== Text ====

bool bi_text(Term t, const uint8_t **bytes, size_t *size)
{
    if (!term_is_binary(t)) {
        return false;
    }
    *bytes = term_binary_bytes(t, size);
    return true;
}

void bi_utf8_append(StrBuf *out, uint32_t cp)
{
    uint8_t b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (uint8_t)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (uint8_t)(0xC0 | (cp >> 6));
        b[1] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (uint8_t)(0xE0 | (cp >> 12));
        b[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (uint8_t)(0xF0 | (cp >> 18));
        b[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (uint8_t)(0x80 | (cp & 0x3F));
        n = 4;
    }
    strbuf_append(out, b, n);
}

// Appends one leaf of io/chardata: a binary, or an integer within [max_int]. False otherwise.
static bool append_leaf(Term t, bool chars, StrBuf *out)
{
    const uint8_t *bytes;
    size_t size;
    if (bi_text(t, &bytes, &size)) {
        strbuf_append(out, bytes, size);
        return true;
    }
    if (!term_is_small(t)) {
        return false;
    }
    int64_t v = term_to_small(t);
    if (!chars) {
        if (v < 0 || v > 255) {
            return false;
        }
        uint8_t c = (uint8_t)v;
        strbuf_append(out, &c, 1);
        return true;
    }
    if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return false;
    }
    bi_utf8_append(out, (uint32_t)v);
    return true;
}

// Walks nested lists with an explicit stack of pending tails.
static bool append_data(Term t, bool chars, StrBuf *out)
{
    size_t cap = 16;
    size_t depth = 0;
    Term *stack = em_malloc(cap * sizeof(Term));
    bool ok = true;
    for (;;) {
        if (term_is_cons(t)) {
            if (depth == cap) {
                cap *= 2;
                stack = em_realloc(stack, cap * sizeof(Term));
            }
            stack[depth++] = term_tl(t);
            t = term_hd(t);
            continue;
        }
        if (!term_is_nil(t) && !append_leaf(t, chars, out)) {
            ok = false;
            break;
        }
        if (depth == 0) {
            break;
        }
        t = stack[--depth];
        if (!term_is_list(t) && !term_is_binary(t)) {
            ok = false; // an improper tail may only be a binary
            break;
        }
    }
    free(stack);
    return ok;
}

bool bi_iodata_append(Term t, StrBuf *out)
{
    if (!term_is_list(t) && !term_is_binary(t)) {
        return false;
    }
    return append_data(t, false, out);
}

bool bi_chardata_append(Term t, StrBuf *out)
{
    if (!term_is_list(t) && !term_is_binary(t)) {
        return false;
    }
    return append_data(t, true, out);
}

Term bi_binary_from_buf(Process *p, const StrBuf *b)
{
    return term_make_binary(p, b->data, b->len);
}

Term bi_binary_from_cstr(Process *p, const char *s)
{
    return term_make_binary(p, s, strlen(s));
}

// Decodes one UTF-8 sequence at [s] (at most [n] bytes); returns its length, or 0 if invalid.
static size_t utf8_decode(const uint8_t *s, size_t n, uint32_t *cp)
{
    uint8_t c = s[0];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || len > n) {
        return 0;
    }
    uint32_t v = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = v;
    return len;
}

Term bi_charlist_from_utf8(Process *p, const uint8_t *s, size_t size)
{
    size_t cap = size > 0 ? size : 1;
    Term *cps = em_malloc(cap * sizeof(Term));
    size_t n = 0;
    size_t i = 0;
    while (i < size) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, size - i, &cp);
        if (len == 0) {
            cp = s[i];
            len = 1;
        }
        cps[n++] = term_from_small(cp);
        i += len;
    }
    Term list = bi_list_from_array(p, cps, n, TERM_NIL);
    free(cps);
    return list;
}

// ==== Atoms and tuples ====

const char *bi_atom_text(Process *p, Term atom, size_t *len)
{
    return atom_name(p->vm->atoms, term_to_atom(atom), len);
}

Term bi_atom_from_text(Process *p, const char *s, size_t len)
{
    uint32_t idx;
    if (!atom_intern(p->vm->atoms, s, len, &idx)) {
        return error_raise(p, ERR_SYSTEM_LIMIT, "a system limit has been reached");
    }
    return term_from_atom(idx);
}

Term bi_atom(Process *p, const char *s)
{
    return bi_atom_from_text(p, s, strlen(s));
}

Term bi_tuple2(Process *p, Term a, Term b)
{
    Term elems[2] = {a, b};
    return term_make_tuple(p, 2, elems);
}

Term bi_ok(Process *p, Term v)
{
    return bi_tuple2(p, term_from_atom(ATOM_ok), v);
}

Term bi_tuple3(Process *p, Term a, Term b, Term c)
{
    Term elems[3] = {a, b, c};
    return term_make_tuple(p, 3, elems);
}

// ==== Numbers ====

bool bi_to_double(Term t, double *out)
{
    if (term_is_float(t)) {
        *out = term_to_float(t);
    } else if (term_is_small(t)) {
        *out = (double)term_to_small(t);
    } else if (term_is_bignum(t)) {
        *out = bigint_to_double(t);
    } else {
        return false;
    }
    return true;
}

Term bi_float_result(Process *p, double d)
{
    if (!isfinite(d)) {
        return bi_badarith(p);
    }
    return term_make_float(p, d);
}

bool bi_int64(Term t, int64_t *out)
{
    if (term_is_small(t)) {
        *out = term_to_small(t);
        return true;
    }
    return term_is_bignum(t) && bigint_to_int64(t, out);
}

typedef enum ArithOp { ARITH_ADD, ARITH_SUB, ARITH_MUL } ArithOp;

static Term arith(Process *p, ArithOp op, Term a, Term b)
{
    if (term_is_integer(a) && term_is_integer(b)) {
        return op == ARITH_ADD ? bigint_add(p, a, b)
               : op == ARITH_SUB ? bigint_sub(p, a, b)
                                 : bigint_mul(p, a, b);
    }
    double x;
    double y;
    if (!bi_to_double(a, &x) || !bi_to_double(b, &y)) {
        return bi_badarith(p);
    }
    double r = op == ARITH_ADD ? x + y : op == ARITH_SUB ? x - y : x * y;
    return bi_float_result(p, r);
}

Term bi_num_add(Process *p, Term a, Term b) { return arith(p, ARITH_ADD, a, b); }
Term bi_num_sub(Process *p, Term a, Term b) { return arith(p, ARITH_SUB, a, b); }
Term bi_num_mul(Process *p, Term a, Term b) { return arith(p, ARITH_MUL, a, b); }

Term bi_num_fdiv(Process *p, Term a, Term b)
{
    double x;
    double y;
    if (!bi_to_double(a, &x) || !bi_to_double(b, &y) || y == 0.0) {
        return bi_badarith(p);
    }
    return bi_float_result(p, x / y);
}

// ==== Hashing ====

#define HASH_FNV_PRIME UINT64_C(1099511628211)
#define HASH_FNV_BASIS UINT64_C(14695981039346656037)
// Containers nested deeper than this hash as one constant (bounds the C recursion).
#define HASH_MAX_DEPTH 32

static uint64_t mix_word(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        h = (h ^ ((v >> (8 * i)) & 0xFF)) * HASH_FNV_PRIME;
    }
    return h;
}

static uint64_t mix_bytes(uint64_t h, const uint8_t *s, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        h = (h ^ s[i]) * HASH_FNV_PRIME;
    }
    return h;
}

// Hashes the elements of a tuple or the keys and values of a map.
static uint64_t hash_at(Term t, uint64_t h, int depth);

static uint64_t hash_container(Term t, uint64_t h, int depth)
{
    bool tuple = term_is_tuple(t);
    h = mix_word(h, tuple ? 'T' : 'M');
    if (tuple) {
        for (uint32_t i = 0; i < term_tuple_arity(t); i++) {
            h = hash_at(term_tuple_elems(t)[i], h, depth + 1);
        }
        return h;
    }
    for (int pass = 0; pass < 2; pass++) { // all keys, then all values
        MapIter it;
        map_iter_init(&it, t);
        Term kv[2];
        while (map_iter_next(&it, &kv[0], &kv[1])) {
            h = hash_at(kv[pass], h, depth + 1);
        }
    }
    return h;
}

static uint64_t hash_at(Term t, uint64_t h, int depth)
{
    if (depth > HASH_MAX_DEPTH) {
        return mix_word(h, 'D');
    }
    while (term_is_cons(t)) {
        h = hash_at(term_hd(t), mix_word(h, 'L'), depth + 1);
        t = term_tl(t);
    }
    if (term_is_binary(t)) {
        size_t size;
        const uint8_t *s = term_binary_bytes(t, &size);
        return mix_bytes(mix_word(h, 'B'), s, size);
    }
    if (term_is_tuple(t) || term_is_map(t)) {
        return hash_container(t, h, depth);
    }
    if (term_is_float(t)) {
        double d = term_to_float(t);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix_word(mix_word(h, 'F'), d == 0.0 ? 0 : bits);
    }
    if (term_is_bignum(t)) {
        Term *obj = term_boxed_ptr(t);
        size_t words = term_header_size(obj[0]);
        return mix_bytes(mix_word(h, obj[0]), (const uint8_t *)(obj + 1), words * sizeof(Term));
    }
    if (term_is_boxed(t)) {
        Term *obj = term_boxed_ptr(t); // refs, funs: hash by identity of their payload
        return mix_word(mix_word(h, obj[0]), obj[1]);
    }
    return mix_word(h, t); // immediates (small ints, atoms, pids, []) hash by value
}

uint64_t bi_hash_term(Term t)
{
    return hash_at(t, HASH_FNV_BASIS, 0);
}

void bi_key_index_init(BiKeyIndex *ix, const Term *keys, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n) {
        cap *= 2;
    }
    ix->slots = em_calloc(cap, sizeof(uint32_t));
    ix->mask = cap - 1;
    ix->keys = keys;
}

uint32_t bi_key_index_find_or_add(BiKeyIndex *ix, uint32_t i)
{
    Term key = ix->keys[i];
    for (size_t s = bi_hash_term(key) & ix->mask;; s = (s + 1) & ix->mask) {
        uint32_t v = ix->slots[s];
        if (v == 0) {
            ix->slots[s] = i + 1;
            return i;
        }
        if (term_exact_equal(ix->keys[v - 1], key)) {
            return v - 1;
        }
    }
}

void bi_key_index_free(BiKeyIndex *ix)
{
    free(ix->slots);
    ix->slots = NULL;
}

// ==== Inspect and exceptions ====

Term bi_inspect_binary(Process *p, Term t, const InspectOpts *opts)
{
    StrBuf b;
    strbuf_init(&b);
    inspect_term(p->vm, t, opts, &b);
    Term r = bi_binary_from_buf(p, &b);
    strbuf_free(&b);
    return r;
}

Term bi_exception_struct(Process *p, Term module, Term message)
{
    Term pairs[6] = {
        term_from_atom(ATOM_struct),    module,
        term_from_atom(ATOM_exception), term_true(),
        term_from_atom(ATOM_message),   message,
    };
    return map_from_pairs(p, pairs, 3);
}

Term bi_raise_struct(Process *p, Term exc)
{
    return proc_raise(p, term_from_atom(ATOM_error), exc);
}

// The errors.def kind whose module is [module_text], or ERR_COUNT.
static ErrorKind known_kind(const char *module_text)
{
    static const char *const modules[ERR_COUNT] = {
#define ERROR(id, module, message) module,
#include "errors.def"
#undef ERROR
    };
    for (int i = 0; i < ERR_COUNT; i++) {
        if (strcmp(modules[i], module_text) == 0) {
            return (ErrorKind)i;
        }
    }
    return ERR_COUNT;
}

Term bi_raise_module(Process *p, const char *module_text, const char *msg)
{
    ErrorKind kind = known_kind(module_text);
    if (kind != ERR_COUNT) {
        return error_raise(p, kind, "%s", msg);
    }
    StrBuf name;
    strbuf_init(&name);
    strbuf_printf(&name, "Elixir.%s", module_text);
    Term mod = bi_atom_from_text(p, name.data, name.len);
    strbuf_free(&name);
    if (mod == TERM_NONE) {
        return TERM_NONE;
    }
    return bi_raise_struct(p, bi_exception_struct(p, mod, bi_binary_from_cstr(p, msg)));
}

// Applies one {key, value} inspect option.
static void apply_inspect_opt(Process *p, const char *key, Term v, InspectOpts *opts)
{
    if (strcmp(key, "limit") == 0) {
        if (term_is_small(v)) {
            opts->limit = (int)term_to_small(v);
        } else if (term_is_atom(v) && term_to_atom(v) == ATOM_infinity) {
            opts->limit = -1;
        }
    } else if (strcmp(key, "printable_limit") == 0) {
        if (term_is_small(v)) {
            opts->printable_limit = (int)term_to_small(v);
        } else if (term_is_atom(v) && term_to_atom(v) == ATOM_infinity) {
            opts->printable_limit = -1;
        }
    } else if (strcmp(key, "pretty") == 0) {
        opts->pretty = v == term_true();
    } else if (strcmp(key, "width") == 0 && term_is_small(v)) {
        opts->width = (int)term_to_small(v);
    } else if (strcmp(key, "charlists") == 0 && term_is_atom(v)) {
        opts->charlists_as_lists = strcmp(bi_atom_text(p, v, NULL), "as_lists") == 0;
        opts->charlists_as_charlists = strcmp(bi_atom_text(p, v, NULL), "as_charlists") == 0;
    } else if (strcmp(key, "binaries") == 0 && term_is_atom(v)) {
        opts->binaries_as_binaries = strcmp(bi_atom_text(p, v, NULL), "as_binaries") == 0;
    } else if (strcmp(key, "base") == 0 && term_is_atom(v)) {
        const char *base = bi_atom_text(p, v, NULL);
        opts->base = strcmp(base, "hex") == 0      ? 16
                     : strcmp(base, "octal") == 0  ? 8
                     : strcmp(base, "binary") == 0 ? 2
                                                   : 10;
    }
}

bool bi_inspect_opts(Process *p, Term kw, InspectOpts *opts, Term *label)
{
    if (label != NULL) {
        *label = TERM_NONE;
    }
    for (; term_is_cons(kw); kw = term_tl(kw)) {
        Term pair = term_hd(kw);
        if (!term_is_tuple(pair) || term_tuple_arity(pair) != 2 ||
            !term_is_atom(term_tuple_elems(pair)[0])) {
            return false;
        }
        const char *key = bi_atom_text(p, term_tuple_elems(pair)[0], NULL);
        Term v = term_tuple_elems(pair)[1];
        if (strcmp(key, "label") == 0 && label != NULL) {
            *label = v;
        } else {
            apply_inspect_opt(p, key, v, opts);
        }
    }
    return term_is_nil(kw);
}
