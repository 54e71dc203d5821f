// The PCRE2 side of Regex and :re, with no knowledge of terms: Ember's option bits and their
// PCRE2 translation, compiling with Elixir 1.14's (PCRE 8.44's) error wording, a VM-wide cache
// of compiled patterns keyed by source and options (so a pattern is compiled and JIT-compiled
// once per VM, whoever asks), and the global match loop with Erlang's empty-match rule.
// The compiler includes this header too, to check ~r sigils at compile time (regex_check).
#ifndef EMBER_VM_REGEX_CORE_H
#define EMBER_VM_REGEX_CORE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Ember's compile option bits: the integer stored in a pattern term {:re_pattern, ...} (see
// vm/regex/README.md). X(name, bit, :re atom); the atoms are those :re.compile accepts.
#define REGEX_OPTIONS(X)                          \
    X(UNICODE, 0, "unicode")                      \
    X(CASELESS, 1, "caseless")                    \
    X(MULTILINE, 2, "multiline")                  \
    X(DOTALL, 3, "dotall")                        \
    X(EXTENDED, 4, "extended")                    \
    X(FIRSTLINE, 5, "firstline")                  \
    X(UNGREEDY, 6, "ungreedy")                    \
    X(ANCHORED, 7, "anchored")                    \
    X(DOLLAR_ENDONLY, 8, "dollar_endonly")        \
    X(NO_AUTO_CAPTURE, 9, "no_auto_capture")      \
    X(DUPNAMES, 10, "dupnames")                   \
    X(UCP, 11, "ucp")                             \
    X(NEVER_UTF, 12, "never_utf")                 \
    X(NO_START_OPTIMIZE, 13, "no_start_optimize") \
    X(BSR_ANYCRLF, 14, "bsr_anycrlf")             \
    X(BSR_UNICODE, 15, "bsr_unicode")

enum {
#define X(name, bit, atom) REGEX_##name = 1u << (bit),
    REGEX_OPTIONS(X)
#undef X
};

// {newline, NL} is kept in three bits above the options: REGEX_NL_SHIFT.
typedef enum RegexNewline {
    REGEX_NL_DEFAULT = 0, // PCRE2's build default (LF)
    REGEX_NL_CR,
    REGEX_NL_LF,
    REGEX_NL_CRLF,
    REGEX_NL_ANYCRLF,
    REGEX_NL_ANY,
} RegexNewline;
#define REGEX_NL_SHIFT 16
#define REGEX_FLAGS_MASK ((1u << (REGEX_NL_SHIFT + 3)) - 1)

// The longest error message regex_compile writes (with its NUL).
#define REGEX_MESSAGE_SIZE 128

// Ember flags for Elixir's modifier string [mods] ("imsxufU", and the deprecated "r") in *[flags]; false (at the
// first letter that is not one) otherwise. Any thread.
bool regex_flags_from_modifiers(const char *mods, size_t len, uint32_t *flags);

// Compiles [src] ([size] bytes) with [flags] and frees it at once: true when it compiles, with
// its capture count in *[ncap] (may be NULL). Otherwise false, with the message Elixir 1.14
// prints (PCRE 8.44's wording where it differs) in [msg] and the byte offset in *[offset].
// Used by the compiler for ~r sigils; any thread.
bool regex_check(const char *src, size_t size, uint32_t flags, uint32_t *ncap, char *msg,
                 size_t *offset);

// ==== The VM-wide cache ====

typedef struct RegexEntry RegexEntry;
typedef struct RegexCache {
    pthread_mutex_t lock;
    RegexEntry **buckets; // chained by hash; REGEX_CACHE_BUCKETS of them
    uint32_t count;
} RegexCache;

// Prepares/frees [cache] (free: no entry may still be held).
void regex_cache_init(RegexCache *cache);
void regex_cache_destroy(RegexCache *cache);

// The compiled pattern for ([src], [flags]), compiled (and JIT-compiled) on first use, held
// for the caller until regex_release. NULL when it does not compile ([msg]/[offset] as for
// regex_check; [msg] may be NULL). Thread-safe.
RegexEntry *regex_acquire(RegexCache *cache, const char *src, size_t size, uint32_t flags,
                          char *msg, size_t *offset);
void regex_release(RegexCache *cache, RegexEntry *e);

// Facts about a held pattern.
uint32_t regex_capture_count(const RegexEntry *e);
// The named groups sorted by name: their count, and for i < count the i-th name (NUL-ended,
// owned by [e]) and group number. [i] must be below the count.
uint32_t regex_name_count(const RegexEntry *e);
const char *regex_name_at(const RegexEntry *e, uint32_t i, uint32_t *group);

// ==== Matching ====

typedef enum RegexStatus {
    REGEX_MATCH,
    REGEX_NOMATCH,
    REGEX_MATCH_LIMIT,  // PCRE2's match limit was hit (Erlang: {:error, :match_limit})
    REGEX_DEPTH_LIMIT,  // its depth limit ({:error, :match_limit_recursion})
    REGEX_BAD_UTF,      // a unicode pattern and a subject that is not UTF-8
    REGEX_ERROR,        // anything else PCRE2 reports
} RegexStatus;

// Run-time option bits (regex_match's [run]).
enum {
    REGEX_RUN_ANCHORED = 1u << 0,
    REGEX_RUN_NOTBOL = 1u << 1,
    REGEX_RUN_NOTEOL = 1u << 2,
    REGEX_RUN_NOTEMPTY = 1u << 3,
    REGEX_RUN_NOTEMPTY_ATSTART = 1u << 4,
};

// One match: ovector pairs (start, end) for groups 0..count-1, PCRE2_UNSET for unset groups.
typedef struct RegexMatch {
    const size_t *ovector;
    uint32_t count;
} RegexMatch;

// Called once per match found; returns false to stop the scan.
typedef bool (*RegexOnMatch)(void *ctx, const RegexMatch *m);

// Scans [subject] from byte [*offset]: one match, or with [global] every match the way
// Erlang's :re.run(..., [:global]) finds them (after an empty match, retry at the same place
// with NOTEMPTY_ATSTART|ANCHORED, else step one character). A global scan stops early once it
// has moved more than [budget] bytes past its start (0: no budget); then *[offset] is where to
// resume (with *[last_empty] telling whether the last match was empty) and *[more] is true.
// Returns REGEX_MATCH when at least one match was reported. Any thread, no locks held.
typedef struct RegexScan {
    size_t offset;
    bool last_empty;
    bool more;
    uint64_t work; // bytes the scan moved over, for reduction charging
} RegexScan;
RegexStatus regex_scan(const RegexEntry *e, const uint8_t *subject, size_t size, uint32_t run,
                       bool global, size_t budget, RegexScan *scan, RegexOnMatch on_match,
                       void *ctx);

// True when [s] ([size] bytes) is well-formed UTF-8 (no overlongs, surrogates or code points
// past U+10FFFF). Any thread.
bool regex_utf8_valid(const uint8_t *s, size_t size);

// PCRE2's version text, as pcre2_config reports it ("10.42 2022-12-11").
void regex_version(char *out, size_t size);

#endif
