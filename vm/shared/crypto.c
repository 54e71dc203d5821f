// :crypto through OpenSSL's libcrypto: hash/2 and streaming hash_init/update/final, mac/4
// (HMAC over every digest, CMAC over AES-CBC) and mac_init/update/final, hash_info/1,
// supports/0,1, strong_rand_bytes/1, rand_uniform/2 and exor/2, with OTP 25's errors (its
// {:badarg, {'file.c', line}, 'text'} ErlangErrors included, lines as OTP 25 prints them).
// A streaming state is an FFI cell of kind FFI_CELL_HASH (vm/ffi_cell.h) holding an OpenSSL
// context. A hash context is never changed once made: hash_update and hash_final work on a
// copy, so a hash state can be used any number of times, in any order and from any process, as
// OTP's can. A mac state is updated in place under a lock, as OTP's is (mac_update returns the
// same state). The cell's finalize hook frees the context. Hashing charges the caller one reduction per 64 bytes
// (proc_charge), so a process hashing a lot yields its scheduler as one doing the same work in
// Ember calls would; a single call is not split (the I/O pool is not used).
#include "shared/crypto.h"

#include "builtins.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "bi_common.h"
#include "ffi_cell.h"
#include "map.h"
#include "vm.h"

typedef struct Digest {
    const char *name; // atom text
    const char *ossl; // OpenSSL's name
} Digest;

static const Digest digests[] = {
#define DIGEST(name, ossl) {name, ossl},
#include "crypto_algs.def"
#undef DIGEST
};
#define DIGEST_COUNT (sizeof digests / sizeof digests[0])

// A hash or mac state: exactly one of the two contexts is set. A hash context is never
// changed after creation; a mac context is updated in place, as OTP's is (mac_update returns
// the same state), under [lock].
typedef struct CryptoState {
    EVP_MD_CTX *md;
    EVP_MAC_CTX *mac;
    pthread_mutex_t lock;
} CryptoState;

// ==== Errors and arguments ====

// Raises OTP's ErlangError {:badarg, {'[file]', [line]}, '[text]'}.
static Term raise_nif(Process *p, const char *file, int line, const char *text)
{
    Term where = bi_tuple2(p, bi_charlist_from_utf8(p, (const uint8_t *)file, strlen(file)),
                           term_from_small(line));
    Term reason = bi_tuple3(p, term_from_atom(ATOM_badarg), where,
                            bi_charlist_from_utf8(p, (const uint8_t *)text, strlen(text)));
    return proc_raise(p, term_from_atom(ATOM_error), error_normalize(p, reason));
}

// The bytes of iodata [t]: a binary's own bytes, or a flattened copy in [buf] (which the
// caller frees). False when [t] is not iodata.
static bool iodata_bytes(Term t, StrBuf *buf, const uint8_t **bytes, size_t *size)
{
    if (term_is_binary(t)) {
        *bytes = term_binary_bytes(t, size);
        return true;
    }
    if (!term_is_list(t) || !bi_iodata_append(t, buf)) {
        return false;
    }
    *bytes = (const uint8_t *)buf->data;
    *size = buf->len;
    return true;
}

// The digests fetched so far, one slot per row of crypto_algs.def, filled on first use
// (fetching costs about a microsecond, as much as hashing a short input). VM-wide.
struct CryptoCache {
    _Atomic(EVP_MD *) mds[DIGEST_COUNT];
};

// Row [i]'s digest, fetched once per VM; NULL when OpenSSL lacks it (asked again next time).
static const EVP_MD *cached_digest(Vm *vm, size_t i)
{
    CryptoCache *cache = atomic_load_explicit(&vm->crypto, memory_order_acquire);
    if (cache == NULL) {
        CryptoCache *fresh = em_calloc(1, sizeof *fresh);
        if (atomic_compare_exchange_strong(&vm->crypto, &cache, fresh)) {
            cache = fresh;
        } else {
            free(fresh); // another thread won; cache holds its table
        }
    }
    EVP_MD *md = atomic_load_explicit(&cache->mds[i], memory_order_acquire);
    if (md == NULL) {
        EVP_MD *fetched = EVP_MD_fetch(NULL, digests[i].ossl, NULL);
        if (fetched == NULL) {
            return NULL;
        }
        if (atomic_compare_exchange_strong(&cache->mds[i], &md, fetched)) {
            md = fetched;
        } else {
            EVP_MD_free(fetched);
        }
    }
    return md;
}

void crypto_cache_free(Vm *vm)
{
    CryptoCache *cache = atomic_exchange(&vm->crypto, NULL);
    if (cache == NULL) {
        return;
    }
    for (size_t i = 0; i < DIGEST_COUNT; i++) {
        EVP_MD_free(atomic_load(&cache->mds[i]));
    }
    free(cache);
}

// The digest named by atom [t] (owned by the VM's cache: not to be freed); NULL when it is
// none of ours or OpenSSL lacks it.
static const EVP_MD *digest_of(Process *p, Term t)
{
    if (!term_is_atom(t)) {
        return NULL;
    }
    const char *name = bi_atom_text(p, t, NULL);
    for (size_t i = 0; i < DIGEST_COUNT; i++) {
        if (strcmp(name, digests[i].name) == 0) {
            return cached_digest(p->vm, i);
        }
    }
    return NULL;
}

// One reduction per 64 bytes hashed.
static void charge(Process *p, size_t size)
{
    proc_charge(p, size / (64 / PROC_WORK_PER_REDUCTION));
}

// ==== States ====

static void finalize_state(RefcBinary *bin)
{
    CryptoState *s = ffi_cell_body(bin);
    EVP_MD_CTX_free(s->md);
    EVP_MAC_CTX_free(s->mac);
    pthread_mutex_destroy(&s->lock);
}

// A new state cell holding [md] or [mac] (ownership passes to the cell); its handle.
static Term state_new(Process *p, EVP_MD_CTX *md, EVP_MAC_CTX *mac)
{
    Term handle;
    CryptoState *s = ffi_cell_new(p, FFI_CELL_HASH, sizeof(CryptoState), &handle);
    RefcBinary *bin;
    ffi_cell_from_handle(handle, FFI_CELL_HASH, &bin);
    s->md = md;
    s->mac = mac;
    pthread_mutex_init(&s->lock, NULL);
    bin->finalize = finalize_state;
    return handle;
}

static CryptoState *state_of(Term t)
{
    return ffi_cell_from_handle(t, FFI_CELL_HASH, NULL);
}

// ==== Hashes ====

Term bi_crypto_hash_2(Process *p, Term *args)
{
    const EVP_MD *md = digest_of(p, args[0]);
    if (md == NULL) {
        return raise_nif(p, "hash.c", 108, "Bad digest type");
    }
    StrBuf buf;
    strbuf_init(&buf);
    const uint8_t *bytes;
    size_t size;
    Term result = TERM_NONE;
    if (!iodata_bytes(args[1], &buf, &bytes, &size)) {
        bi_badarg(p, 1, "not an iodata term");
    } else {
        uint8_t out[EVP_MAX_MD_SIZE];
        unsigned out_size = 0;
        if (EVP_Digest(bytes, size, out, &out_size, md, NULL) == 1) {
            result = term_make_binary(p, out, out_size);
            charge(p, size);
        } else {
            raise_nif(p, "hash.c", 108, "Bad digest type");
        }
    }
    strbuf_free(&buf);
    return result;
}

Term bi_crypto_hash_init_1(Process *p, Term *args)
{
    const EVP_MD *md = digest_of(p, args[0]);
    EVP_MD_CTX *ctx = md == NULL ? NULL : EVP_MD_CTX_new();
    if (ctx == NULL || EVP_DigestInit_ex(ctx, md, NULL) != 1) {
        EVP_MD_CTX_free(ctx);
        return raise_nif(p, "hash.c", 142, "Bad digest type");
    }
    return state_new(p, ctx, NULL);
}

// A copy of hash state [t]'s context, or NULL when [t] is no hash state.
static EVP_MD_CTX *hash_copy(Term t)
{
    const CryptoState *s = state_of(t);
    if (s == NULL || s->md == NULL) {
        return NULL;
    }
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (ctx != NULL && EVP_MD_CTX_copy_ex(ctx, s->md) != 1) {
        EVP_MD_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

Term bi_crypto_hash_update_2(Process *p, Term *args)
{
    EVP_MD_CTX *ctx = hash_copy(args[0]);
    if (ctx == NULL) {
        return raise_nif(p, "hash.c", 171, "Bad state");
    }
    StrBuf buf;
    strbuf_init(&buf);
    const uint8_t *bytes;
    size_t size;
    Term result = TERM_NONE;
    if (!iodata_bytes(args[1], &buf, &bytes, &size)) {
        EVP_MD_CTX_free(ctx);
        bi_badarg(p, 1, "not an iodata term");
    } else if (EVP_DigestUpdate(ctx, bytes, size) != 1) {
        EVP_MD_CTX_free(ctx);
        raise_nif(p, "hash.c", 171, "Bad state");
    } else {
        charge(p, size);
        result = state_new(p, ctx, NULL);
    }
    strbuf_free(&buf);
    return result;
}

Term bi_crypto_hash_final_1(Process *p, Term *args)
{
    EVP_MD_CTX *ctx = hash_copy(args[0]);
    uint8_t out[EVP_MAX_MD_SIZE];
    unsigned out_size = 0;
    bool ok = ctx != NULL && EVP_DigestFinal_ex(ctx, out, &out_size) == 1;
    EVP_MD_CTX_free(ctx);
    return ok ? term_make_binary(p, out, out_size) : raise_nif(p, "hash.c", 205, "Bad state");
}

// %{block_size:, size:, type:} (type: OpenSSL's NID, as OTP reports it).
Term bi_crypto_hash_info_1(Process *p, Term *args)
{
    const EVP_MD *md = digest_of(p, args[0]);
    if (md == NULL) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    Term pairs[6] = {
        term_from_atom(ATOM_block_size), term_from_small(EVP_MD_get_block_size(md)),
        term_from_atom(ATOM_size),       term_from_small(EVP_MD_get_size(md)),
        term_from_atom(ATOM_type),       term_from_small(EVP_MD_get_type(md)),
    };
    return map_from_pairs(p, pairs, 3);
}

// ==== MACs ====

// Where OTP 25's mac.c reports each failure: one-shot mac/4 and mac_init/3 differ.
typedef struct MacLines {
    int unknown_mac, bad_digest, unknown_cipher, bad_key_size;
} MacLines;
static const MacLines mac_lines = {233, 263, 313, 316};
static const MacLines mac_init_lines = {587, 617, 640, 661};

// A CMAC cipher: the AES-CBC ciphers OTP accepts, with their key sizes.
static const char *cmac_cipher(Process *p, Term t, size_t *key_size)
{
    static const struct { const char *name, *ossl; size_t key_size; } rows[] = {
        {"aes_128_cbc", "AES-128-CBC", 16},
        {"aes_192_cbc", "AES-192-CBC", 24},
        {"aes_256_cbc", "AES-256-CBC", 32},
    };
    const char *name = term_is_atom(t) ? bi_atom_text(p, t, NULL) : "";
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (strcmp(name, rows[i].name) == 0) {
            *key_size = rows[i].key_size;
            return rows[i].ossl;
        }
    }
    return NULL;
}

// What a MAC needs: OpenSSL's algorithm and its digest or cipher parameter.
typedef struct MacSpec {
    const char *algo;
    OSSL_PARAM params[2];
    const EVP_MD *md; // HMAC's digest (the VM's cache owns it)
} MacSpec;

// Fills [spec] for type [type], sub-type [sub] and a key of [key_size] bytes; 0 on success,
// else the OTP line (from [lines]) with its text in *[why].
static int mac_spec(Process *p, Term type, Term sub, size_t key_size, const MacLines *lines,
                    MacSpec *spec, const char **why)
{
    const char *type_name = term_is_atom(type) ? bi_atom_text(p, type, NULL) : "";
    spec->params[0] = spec->params[1] = OSSL_PARAM_construct_end();
    if (strcmp(type_name, "hmac") == 0) {
        spec->algo = OSSL_MAC_NAME_HMAC;
        spec->md = digest_of(p, sub);
        if (spec->md == NULL) {
            *why = "Bad digest algorithm for HMAC";
            return lines->bad_digest;
        }
        spec->params[0] = OSSL_PARAM_construct_utf8_string(
            OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(spec->md), 0);
        return 0;
    }
    if (strcmp(type_name, "cmac") == 0) {
        spec->algo = OSSL_MAC_NAME_CMAC;
        size_t want_key = 0;
        const char *cipher = cmac_cipher(p, sub, &want_key);
        if (cipher == NULL || key_size != want_key) {
            *why = cipher == NULL ? "Unknown cipher" : "Bad key size";
            return cipher == NULL ? lines->unknown_cipher : lines->bad_key_size;
        }
        spec->params[0] =
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, (char *)cipher, 0);
        return 0;
    }
    *why = "Unknown mac algorithm";
    return lines->unknown_mac;
}

// A MAC context for type [type] (:hmac or :cmac), sub-type [sub] and key [key], or NULL after
// raising OTP's error (worded with [lines]).
static EVP_MAC_CTX *mac_new(Process *p, Term type, Term sub, Term key, const MacLines *lines)
{
    StrBuf buf;
    strbuf_init(&buf);
    const uint8_t *key_bytes;
    size_t key_size;
    if (!iodata_bytes(key, &buf, &key_bytes, &key_size)) {
        strbuf_free(&buf);
        bi_badarg(p, 1, "not an iodata term");
        return NULL;
    }
    MacSpec spec = {0};
    const char *why = NULL;
    int fail = mac_spec(p, type, sub, key_size, lines, &spec, &why);
    EVP_MAC_CTX *ctx = NULL;
    if (fail == 0) {
        EVP_MAC *mac = EVP_MAC_fetch(NULL, spec.algo, NULL);
        ctx = mac == NULL ? NULL : EVP_MAC_CTX_new(mac);
        EVP_MAC_free(mac); // the context keeps its own reference
        if (ctx == NULL || EVP_MAC_init(ctx, key_bytes, key_size, spec.params) != 1) {
            EVP_MAC_CTX_free(ctx);
            ctx = NULL;
            fail = lines->unknown_mac, why = "Unknown mac algorithm";
        }
    }
    strbuf_free(&buf);
    if (ctx == NULL) {
        raise_nif(p, "mac.c", fail, why);
    }
    return ctx;
}

// Feeds iodata [data] to [ctx]; false (nothing raised) when it is not iodata.
static bool mac_feed(Process *p, EVP_MAC_CTX *ctx, Term data)
{
    StrBuf buf;
    strbuf_init(&buf);
    const uint8_t *bytes;
    size_t size;
    bool ok = iodata_bytes(data, &buf, &bytes, &size) && EVP_MAC_update(ctx, bytes, size) == 1;
    if (ok) {
        charge(p, size);
    }
    strbuf_free(&buf);
    return ok;
}

// The MAC of everything [ctx] was fed, as a binary (ctx is used up).
static Term mac_result(Process *p, EVP_MAC_CTX *ctx)
{
    uint8_t out[EVP_MAX_MD_SIZE];
    size_t out_size = 0;
    if (EVP_MAC_final(ctx, out, &out_size, sizeof out) != 1) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    return term_make_binary(p, out, out_size);
}

Term bi_crypto_mac_4(Process *p, Term *args)
{
    EVP_MAC_CTX *ctx = mac_new(p, args[0], args[1], args[2], &mac_lines);
    if (ctx == NULL) {
        return TERM_NONE;
    }
    Term result = mac_feed(p, ctx, args[3]) ? mac_result(p, ctx)
                                            : raise_nif(p, "mac.c", 175, "Bad text");
    EVP_MAC_CTX_free(ctx);
    return result;
}

Term bi_crypto_mac_init_3(Process *p, Term *args)
{
    EVP_MAC_CTX *ctx = mac_new(p, args[0], args[1], args[2], &mac_init_lines);
    return ctx == NULL ? TERM_NONE : state_new(p, NULL, ctx);
}

// The mac state [t], or NULL when [t] is none.
static CryptoState *mac_state_of(Term t)
{
    CryptoState *s = state_of(t);
    return s == NULL || s->mac == NULL ? NULL : s;
}

// Updates the state in place and returns it, as OTP does.
Term bi_crypto_mac_update_2(Process *p, Term *args)
{
    CryptoState *s = mac_state_of(args[0]);
    if (s == NULL) {
        return raise_nif(p, "mac.c", 817, "Bad ref");
    }
    pthread_mutex_lock(&s->lock);
    bool ok = mac_feed(p, s->mac, args[1]);
    pthread_mutex_unlock(&s->lock);
    return ok ? args[0] : raise_nif(p, "mac.c", 794, "Bad text");
}

// Finishes a copy, so the state stays usable (OTP leaves it in an undefined state).
Term bi_crypto_mac_final_1(Process *p, Term *args)
{
    CryptoState *s = mac_state_of(args[0]);
    if (s == NULL) {
        return raise_nif(p, "mac.c", 847, "Bad ref");
    }
    pthread_mutex_lock(&s->lock);
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(s->mac);
    pthread_mutex_unlock(&s->lock);
    if (ctx == NULL) {
        return raise_nif(p, "mac.c", 847, "Bad ref");
    }
    Term result = mac_result(p, ctx);
    EVP_MAC_CTX_free(ctx);
    return result;
}

// ==== Random bytes, exor, supports ====

// Bytes strong_rand_bytes/1 hands out at most in one call (OTP's limit is memory).
#define CRYPTO_RAND_MAX ((int64_t)1 << 30)

Term bi_crypto_strong_rand_bytes_1(Process *p, Term *args)
{
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 0 ||
        term_to_small(args[0]) > CRYPTO_RAND_MAX) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    size_t size = (size_t)term_to_small(args[0]);
    uint8_t *out;
    Term bin = term_make_binary_uninit(p, size, &out);
    if (size > 0 && RAND_bytes(out, (int)size) != 1) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    return bin;
}

// A uniform random integer in [lo, hi) (lo < hi, both int64), by rejection sampling.
Term bi_crypto_rand_uniform_2(Process *p, Term *args)
{
    if (!term_is_integer(args[0]) || !term_is_integer(args[1])) {
        return bi_function_clause(p, "crypto:rand_uniform/2");
    }
    int64_t lo;
    int64_t hi;
    if (!bi_int64(args[0], &lo) || !bi_int64(args[1], &hi) || lo >= hi) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    uint64_t range = (uint64_t)hi - (uint64_t)lo;
    uint64_t limit = UINT64_MAX - UINT64_MAX % range; // values below it map evenly
    uint64_t r;
    do {
        if (RAND_bytes((uint8_t *)&r, sizeof r) != 1) {
            return error_raise(p, ERR_ARGUMENT, "argument error");
        }
    } while (r >= limit);
    return term_make_int(p, (int64_t)((uint64_t)lo + r % range));
}

Term bi_crypto_exor_2(Process *p, Term *args)
{
    StrBuf a_buf;
    StrBuf b_buf;
    strbuf_init(&a_buf);
    strbuf_init(&b_buf);
    const uint8_t *a;
    const uint8_t *b;
    size_t a_size;
    size_t b_size;
    Term result;
    if (!iodata_bytes(args[0], &a_buf, &a, &a_size) ||
        !iodata_bytes(args[1], &b_buf, &b, &b_size)) {
        result = bi_badarg(p, 1, "not an iodata term"); // OTP names the 1st for either
    } else if (a_size != b_size) {
        result = error_raise(p, ERR_ARGUMENT, "argument error");
    } else {
        uint8_t *out;
        result = term_make_binary_uninit(p, a_size, &out);
        for (size_t i = 0; i < a_size; i++) {
            out[i] = a[i] ^ b[i];
        }
        charge(p, a_size);
    }
    strbuf_free(&a_buf);
    strbuf_free(&b_buf);
    return result;
}

// The digests OpenSSL provides here, in OTP's order.
static Term supported_hashes(Process *p)
{
    Term list = TERM_NIL;
    for (size_t i = DIGEST_COUNT; i-- > 0;) {
        if (cached_digest(p->vm, i) != NULL) {
            list = term_make_cons(p, bi_atom(p, digests[i].name), list);
        }
    }
    return list;
}

// supports/1's answer for [what] ("hashs", "macs", ...); TERM_NONE for an unknown key.
static Term supports_of(Process *p, const char *what)
{
    if (strcmp(what, "hashs") == 0) {
        return supported_hashes(p);
    }
    if (strcmp(what, "macs") == 0) {
        Term hmac = term_make_cons(p, bi_atom(p, "hmac"), TERM_NIL);
        return term_make_cons(p, bi_atom(p, "cmac"), hmac);
    }
    static const char *const empty[] = {"ciphers", "public_keys", "curves", "rsa_opts"};
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        if (strcmp(what, empty[i]) == 0) {
            return TERM_NIL;
        }
    }
    return TERM_NONE;
}

Term bi_crypto_supports_0(Process *p, Term *args)
{
    (void)args;
    static const char *const keys[] = {"hashs", "ciphers", "public_keys", "macs", "curves",
                                       "rsa_opts"};
    Term pairs[6];
    for (size_t i = 0; i < 6; i++) {
        pairs[i] = bi_tuple2(p, bi_atom(p, keys[i]), supports_of(p, keys[i]));
    }
    return bi_list_from_array(p, pairs, 6, TERM_NIL);
}

Term bi_crypto_supports_1(Process *p, Term *args)
{
    Term result = term_is_atom(args[0]) ? supports_of(p, bi_atom_text(p, args[0], NULL))
                                        : TERM_NONE;
    return result != TERM_NONE ? result : bi_function_clause(p, "crypto:supports/1");
}
