// PCRE2 behind Regex and :re: option translation, Elixir-worded compile errors, the VM-wide
// cache of compiled (and JIT-compiled) patterns, and the match loop. Invariant: a RegexEntry
// is only freed when no caller holds it (refs == 0), so matching needs no lock once acquired.
// UTF patterns are compiled with PCRE2_MATCH_INVALID_UTF, so no subject bytes, however forged,
// can make PCRE2 read out of bounds; callers that want Erlang's badarg on bad UTF-8 check
// with regex_utf8_valid first.
#include "regex_core.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Hash chains of the cache; a power of two.
#define REGEX_CACHE_BUCKETS 256
// Unused entries are dropped once the cache holds this many (a program that compiles patterns
// from data in a loop must not grow the VM without bound).
#define REGEX_CACHE_MAX 1024

struct RegexEntry {
    RegexEntry *next;
    uint64_t hash;
    uint32_t flags;
    uint32_t refs; // under the cache lock
    pcre2_code *code;
    size_t size;
    char src[]; // the source, NUL-ended
};

// ==== Options ====

bool regex_flags_from_modifiers(const char *mods, size_t len, uint32_t *flags)
{
    uint32_t f = 0;
    for (size_t i = 0; i < len; i++) {
        switch (mods[i]) {
        case 'i': f |= REGEX_CASELESS; break;
        case 'm': f |= REGEX_MULTILINE; break;
        case 'x': f |= REGEX_EXTENDED; break;
        case 'f': f |= REGEX_FIRSTLINE; break;
        case 'U':
        case 'r': f |= REGEX_UNGREEDY; break; // r: Elixir 1.14's deprecated spelling of U
        case 'u': f |= REGEX_UNICODE | REGEX_UCP; break;
        case 's': // Elixir adds {:newline, :anycrlf} with dotall
            f = (f & ~(7u << REGEX_NL_SHIFT)) | REGEX_DOTALL |
                (uint32_t)REGEX_NL_ANYCRLF << REGEX_NL_SHIFT;
            break;
        default:
            return false;
        }
    }
    *flags = f;
    return true;
}

static uint32_t pcre2_options(uint32_t flags)
{
    static const struct {
        uint32_t ember;
        uint32_t pcre;
    } map[] = {
        {REGEX_UNICODE, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF},
        {REGEX_CASELESS, PCRE2_CASELESS},
        {REGEX_MULTILINE, PCRE2_MULTILINE},
        {REGEX_DOTALL, PCRE2_DOTALL},
        {REGEX_EXTENDED, PCRE2_EXTENDED},
        {REGEX_FIRSTLINE, PCRE2_FIRSTLINE},
        {REGEX_UNGREEDY, PCRE2_UNGREEDY},
        {REGEX_ANCHORED, PCRE2_ANCHORED},
        {REGEX_DOLLAR_ENDONLY, PCRE2_DOLLAR_ENDONLY},
        {REGEX_NO_AUTO_CAPTURE, PCRE2_NO_AUTO_CAPTURE},
        {REGEX_DUPNAMES, PCRE2_DUPNAMES},
        {REGEX_UCP, PCRE2_UCP},
        {REGEX_NEVER_UTF, PCRE2_NEVER_UTF},
        {REGEX_NO_START_OPTIMIZE, PCRE2_NO_START_OPTIMIZE},
    };
    uint32_t o = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        o |= (flags & map[i].ember) ? map[i].pcre : 0;
    }
    return o;
}

static uint32_t pcre2_newline(uint32_t flags)
{
    static const uint32_t nl[] = {0, PCRE2_NEWLINE_CR, PCRE2_NEWLINE_LF, PCRE2_NEWLINE_CRLF,
                                  PCRE2_NEWLINE_ANYCRLF, PCRE2_NEWLINE_ANY};
    uint32_t k = (flags >> REGEX_NL_SHIFT) & 7u;
    return k < sizeof nl / sizeof nl[0] ? nl[k] : 0;
}

// ==== Compiling ====

// PCRE2 error codes whose text differs from what Elixir 1.14 prints (OTP 25 ships PCRE 8.44).
static const struct {
    int code;
    const char *text;
} legacy_messages[] = {
    {PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS, "missing )"},
    {PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS, "unmatched parentheses"},
    {PCRE2_ERROR_QUANTIFIER_INVALID, "nothing to repeat"},
    {PCRE2_ERROR_MISSING_COMMENT_CLOSING, "missing ) after comment"},
    {PCRE2_ERROR_DUPLICATE_SUBPATTERN_NAME, "two named subpatterns have the same name"},
    {PCRE2_ERROR_UNKNOWN_UNICODE_PROPERTY, "unknown property name after \\P or \\p"},
    {PCRE2_ERROR_INVALID_SUBPATTERN_NAME, "group name must start with a non-digit"},
    {PCRE2_ERROR_CODE_POINT_TOO_BIG, "character value in \\x{} or \\o{} is too large"},
    {PCRE2_ERROR_CALLOUT_NUMBER_TOO_BIG, "number after (?C is > 255"},
    {PCRE2_ERROR_UNSUPPORTED_ESCAPE_SEQUENCE,
     "PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u"},
    {PCRE2_ERROR_PARENS_QUERY_R_MISSING_CLOSING,
     "(?R or (?[+-]digits must be followed by )"},
    {PCRE2_ERROR_ZERO_RELATIVE_REFERENCE, "a numbered reference must not be zero"},
    {PCRE2_ERROR_INVALID_AFTER_PARENS_QUERY, "unrecognized character after (? or (?-"},
};

static void error_message(int code, char *msg)
{
    for (size_t i = 0; i < sizeof legacy_messages / sizeof legacy_messages[0]; i++) {
        if (legacy_messages[i].code == code) {
            snprintf(msg, REGEX_MESSAGE_SIZE, "%s", legacy_messages[i].text);
            return;
        }
    }
    if (pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, REGEX_MESSAGE_SIZE) < 0) {
        snprintf(msg, REGEX_MESSAGE_SIZE, "error %d", code);
    }
}

static pcre2_code *compile(const char *src, size_t size, uint32_t flags, char *msg,
                           size_t *offset)
{
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    if (cc == NULL) {
        return NULL;
    }
    uint32_t nl = pcre2_newline(flags);
    if (nl != 0) {
        pcre2_set_newline(cc, nl);
    }
    if (flags & (REGEX_BSR_ANYCRLF | REGEX_BSR_UNICODE)) {
        pcre2_set_bsr(cc, (flags & REGEX_BSR_ANYCRLF) ? PCRE2_BSR_ANYCRLF : PCRE2_BSR_UNICODE);
    }
    int err = 0;
    PCRE2_SIZE off = 0;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)src, size, pcre2_options(flags), &err, &off, cc);
    pcre2_compile_context_free(cc);
    if (code == NULL) {
        if (msg != NULL) {
            error_message(err, msg);
        }
        if (offset != NULL) {
            *offset = off;
        }
    }
    return code;
}

bool regex_check(const char *src, size_t size, uint32_t flags, uint32_t *ncap, char *msg,
                 size_t *offset)
{
    pcre2_code *code = compile(src, size, flags, msg, offset);
    if (code == NULL) {
        return false;
    }
    uint32_t n = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &n);
    if (ncap != NULL) {
        *ncap = n;
    }
    pcre2_code_free(code);
    return true;
}

// ==== The cache ====

void regex_cache_init(RegexCache *cache)
{
    pthread_mutex_init(&cache->lock, NULL);
    cache->buckets = calloc(REGEX_CACHE_BUCKETS, sizeof *cache->buckets);
    cache->count = 0;
    if (cache->buckets == NULL) {
        fprintf(stderr, "ember: out of memory\n");
        exit(1);
    }
}

static void entry_free(RegexEntry *e)
{
    pcre2_code_free(e->code);
    free(e);
}

void regex_cache_destroy(RegexCache *cache)
{
    for (size_t i = 0; i < REGEX_CACHE_BUCKETS; i++) {
        for (RegexEntry *e = cache->buckets[i], *next; e != NULL; e = next) {
            next = e->next;
            entry_free(e);
        }
    }
    free(cache->buckets);
    cache->buckets = NULL;
    pthread_mutex_destroy(&cache->lock);
}

static uint64_t hash_key(const char *src, size_t size, uint32_t flags)
{
    uint64_t h = 1469598103934665603ull ^ flags; // FNV-1a
    for (size_t i = 0; i < size; i++) {
        h = (h ^ (uint8_t)src[i]) * 1099511628211ull;
    }
    return h;
}

// Drops every entry nobody holds. Caller holds the lock.
static void evict_unused(RegexCache *cache)
{
    for (size_t i = 0; i < REGEX_CACHE_BUCKETS; i++) {
        RegexEntry **link = &cache->buckets[i];
        while (*link != NULL) {
            RegexEntry *e = *link;
            if (e->refs == 0) {
                *link = e->next;
                entry_free(e);
                cache->count--;
            } else {
                link = &e->next;
            }
        }
    }
}

static RegexEntry *find(RegexCache *cache, uint64_t h, const char *src, size_t size,
                        uint32_t flags)
{
    for (RegexEntry *e = cache->buckets[h & (REGEX_CACHE_BUCKETS - 1)]; e; e = e->next) {
        if (e->hash == h && e->flags == flags && e->size == size &&
            memcmp(e->src, src, size) == 0) {
            return e;
        }
    }
    return NULL;
}

// A new entry for a pattern that compiles (JIT-compiled when the JIT accepts it).
static RegexEntry *entry_new(const char *src, size_t size, uint32_t flags, uint64_t h,
                             char *msg, size_t *offset)
{
    pcre2_code *code = compile(src, size, flags, msg, offset);
    if (code == NULL) {
        return NULL;
    }
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // interpreted when the JIT declines
    RegexEntry *e = malloc(sizeof *e + size + 1);
    if (e == NULL) {
        fprintf(stderr, "ember: out of memory\n");
        exit(1);
    }
    *e = (RegexEntry){.hash = h, .flags = flags, .code = code, .size = size};
    memcpy(e->src, src, size);
    e->src[size] = '\0';
    return e;
}

RegexEntry *regex_acquire(RegexCache *cache, const char *src, size_t size, uint32_t flags,
                          char *msg, size_t *offset)
{
    uint64_t h = hash_key(src, size, flags);
    pthread_mutex_lock(&cache->lock);
    RegexEntry *e = find(cache, h, src, size, flags);
    if (e != NULL) {
        e->refs++;
        pthread_mutex_unlock(&cache->lock);
        return e;
    }
    pthread_mutex_unlock(&cache->lock);
    // Compile outside the lock: a huge pattern must not hold up every other match.
    RegexEntry *fresh = entry_new(src, size, flags, h, msg, offset);
    if (fresh == NULL) {
        return NULL;
    }
    pthread_mutex_lock(&cache->lock);
    e = find(cache, h, src, size, flags); // another thread may have won the race
    if (e != NULL) {
        entry_free(fresh);
    } else {
        if (cache->count >= REGEX_CACHE_MAX) {
            evict_unused(cache);
        }
        e = fresh;
        e->next = cache->buckets[h & (REGEX_CACHE_BUCKETS - 1)];
        cache->buckets[h & (REGEX_CACHE_BUCKETS - 1)] = e;
        cache->count++;
    }
    e->refs++;
    pthread_mutex_unlock(&cache->lock);
    return e;
}

void regex_release(RegexCache *cache, RegexEntry *e)
{
    pthread_mutex_lock(&cache->lock);
    e->refs--;
    pthread_mutex_unlock(&cache->lock);
}

uint32_t regex_capture_count(const RegexEntry *e)
{
    uint32_t n = 0;
    pcre2_pattern_info(e->code, PCRE2_INFO_CAPTURECOUNT, &n);
    return n;
}

uint32_t regex_name_count(const RegexEntry *e)
{
    uint32_t n = 0;
    pcre2_pattern_info(e->code, PCRE2_INFO_NAMECOUNT, &n);
    return n;
}

const char *regex_name_at(const RegexEntry *e, uint32_t i, uint32_t *group)
{
    uint32_t entry_size = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(e->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(e->code, PCRE2_INFO_NAMETABLE, &table);
    PCRE2_SPTR row = table + (size_t)i * entry_size; // PCRE2 keeps the rows sorted by name
    *group = (uint32_t)row[0] << 8 | row[1];
    return (const char *)row + 2;
}

// ==== Matching ====

bool regex_utf8_valid(const uint8_t *s, size_t size)
{
    for (size_t i = 0; i < size;) {
        uint8_t c = s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + n > size || (n == 2 && c < 0xC2)) {
            return false;
        }
        uint32_t cp = n == 1 ? c : (uint32_t)(c & (0x7F >> n));
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        i += n;
    }
    return true;
}

static uint32_t run_options(uint32_t run)
{
    return ((run & REGEX_RUN_ANCHORED) ? PCRE2_ANCHORED : 0) |
           ((run & REGEX_RUN_NOTBOL) ? PCRE2_NOTBOL : 0) |
           ((run & REGEX_RUN_NOTEOL) ? PCRE2_NOTEOL : 0) |
           ((run & REGEX_RUN_NOTEMPTY) ? PCRE2_NOTEMPTY : 0) |
           ((run & REGEX_RUN_NOTEMPTY_ATSTART) ? PCRE2_NOTEMPTY_ATSTART : 0);
}

static RegexStatus status_of(int rc)
{
    switch (rc) {
    case PCRE2_ERROR_NOMATCH:
    case PCRE2_ERROR_PARTIAL:
        return REGEX_NOMATCH;
    case PCRE2_ERROR_MATCHLIMIT:
        return REGEX_MATCH_LIMIT;
    case PCRE2_ERROR_DEPTHLIMIT:
    case PCRE2_ERROR_HEAPLIMIT:
        return REGEX_DEPTH_LIMIT;
    default:
        return rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21 ? REGEX_BAD_UTF
                                                                           : REGEX_ERROR;
    }
}

// One pcre2_match; on JIT stack exhaustion it retries with the interpreter (heap frames).
static int match_once(const RegexEntry *e, const uint8_t *s, size_t size, size_t at,
                      uint32_t opts, pcre2_match_data *md)
{
    int rc = pcre2_match(e->code, s, size, at, opts, md, NULL);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        rc = pcre2_match(e->code, s, size, at, opts | PCRE2_NO_JIT, md, NULL);
    }
    return rc;
}

// The offset one character past [at]: a UTF-8 sequence in UTF mode, CRLF as one when a CRLF
// newline convention is in force (Erlang's and pcre2demo's rule after a failed empty retry).
static size_t step(const RegexEntry *e, const uint8_t *s, size_t size, size_t at)
{
    uint32_t nl = pcre2_newline(e->flags);
    bool crlf = nl == PCRE2_NEWLINE_CRLF || nl == PCRE2_NEWLINE_ANY ||
                nl == PCRE2_NEWLINE_ANYCRLF;
    if (crlf && at + 1 < size && s[at] == '\r' && s[at + 1] == '\n') {
        return at + 2;
    }
    at++;
    if (e->flags & REGEX_UNICODE) {
        while (at < size && (s[at] & 0xC0) == 0x80) {
            at++;
        }
    }
    return at;
}

RegexStatus regex_scan(const RegexEntry *e, const uint8_t *subject, size_t size, uint32_t run,
                       bool global, size_t budget, RegexScan *scan, RegexOnMatch on_match,
                       void *ctx)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(e->code, NULL);
    if (md == NULL) {
        return REGEX_ERROR;
    }
    size_t start = scan->offset;
    size_t at = scan->offset;
    bool retry_empty = scan->last_empty; // the previous match was empty and ended at [at]
    bool found = false;
    RegexStatus st = REGEX_NOMATCH;
    scan->more = false;
    for (;;) {
        if (global && budget > 0 && at - start > budget && at < size) {
            scan->more = true;
            break;
        }
        uint32_t opts = run_options(run);
        if (retry_empty) {
            opts |= PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED;
        }
        int rc = match_once(e, subject, size, at, opts, md);
        if (rc == PCRE2_ERROR_NOMATCH && retry_empty) {
            if (at >= size) {
                break;
            }
            at = step(e, subject, size, at);
            retry_empty = false;
            continue;
        }
        if (rc < 0) {
            st = status_of(rc);
            break;
        }
        const size_t *ov = pcre2_get_ovector_pointer(md);
        RegexMatch m = {ov, rc == 0 ? pcre2_get_ovector_count(md) : (uint32_t)rc};
        found = true;
        if (!on_match(ctx, &m) || !global) {
            at = ov[1];
            break;
        }
        retry_empty = ov[0] == ov[1];
        // \K in a lookahead can end a match before it starts: never move backwards
        at = ov[1] > at ? ov[1] : (retry_empty ? at : step(e, subject, size, at));
        if (retry_empty && at >= size) {
            break;
        }
    }
    scan->work += at > start ? at - start : 0;
    scan->offset = at;
    scan->last_empty = retry_empty;
    pcre2_match_data_free(md);
    if (st == REGEX_NOMATCH || st == REGEX_MATCH) {
        return found ? REGEX_MATCH : REGEX_NOMATCH;
    }
    return st;
}

void regex_version(char *out, size_t size)
{
    char buf[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, buf);
    snprintf(out, size, "%s", buf);
}
