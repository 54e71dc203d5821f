// vm/regex/regex_core.c: modifier letters, Elixir-worded compile errors, the VM-wide cache
// (one entry per source and flags, eviction of unheld entries only), Erlang's global scan
// with empty matches, resuming a scan cut by its byte budget, and the UTF-8 check.
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "regex/regex_core.h"

static RegexCache cache;

static void setup(void)
{
    regex_cache_init(&cache);
}

static void teardown(void)
{
    regex_cache_destroy(&cache);
}

TestSuite(regex, .init = setup, .fini = teardown, .timeout = 30);

Test(regex, modifiers_map_to_flags)
{
    uint32_t f = 0;
    cr_assert(regex_flags_from_modifiers("iu", 2, &f));
    cr_expect_eq(f, (uint32_t)(REGEX_CASELESS | REGEX_UNICODE | REGEX_UCP));
    cr_assert(regex_flags_from_modifiers("s", 1, &f));
    cr_expect_eq(f >> REGEX_NL_SHIFT & 7u, (uint32_t)REGEX_NL_ANYCRLF);
    cr_expect_not(regex_flags_from_modifiers("iz", 2, &f));
}

Test(regex, compile_errors_use_elixir_wording)
{
    static const struct {
        const char *src;
        const char *msg;
        size_t offset;
    } cases[] = {{"(", "missing )", 1}, {"a)", "unmatched parentheses", 1},
                 {"*", "nothing to repeat", 0}, {"[a", "missing terminating ] for character class", 2}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char msg[REGEX_MESSAGE_SIZE];
        size_t off = 99;
        cr_assert_not(regex_check(cases[i].src, strlen(cases[i].src), 0, NULL, msg, &off));
        cr_expect_str_eq(msg, cases[i].msg);
        cr_expect_eq(off, cases[i].offset, "%s", cases[i].src);
    }
    uint32_t ncap = 0;
    cr_expect(regex_check("(a)(?<n>b)", 10, 0, &ncap, NULL, NULL));
    cr_expect_eq(ncap, 2u);
}

Test(regex, cache_shares_one_entry_per_source_and_flags)
{
    RegexEntry *a = regex_acquire(&cache, "a+", 2, 0, NULL, NULL);
    RegexEntry *b = regex_acquire(&cache, "a+", 2, 0, NULL, NULL);
    RegexEntry *c = regex_acquire(&cache, "a+", 2, REGEX_CASELESS, NULL, NULL);
    cr_assert_not_null(a);
    cr_expect_eq(a, b);
    cr_expect_neq(a, c);
    cr_expect_eq(cache.count, 2u);
    cr_expect_null(regex_acquire(&cache, "(", 1, 0, NULL, NULL));
    regex_release(&cache, a);
    regex_release(&cache, b);
    regex_release(&cache, c);
}

Test(regex, cache_stays_bounded_and_keeps_held_entries)
{
    RegexEntry *held = regex_acquire(&cache, "held", 4, 0, NULL, NULL);
    char src[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(src, sizeof src, "x%d", i);
        RegexEntry *e = regex_acquire(&cache, src, (size_t)n, 0, NULL, NULL);
        cr_assert_not_null(e);
        regex_release(&cache, e);
    }
    cr_expect_leq(cache.count, 1025u);
    RegexEntry *again = regex_acquire(&cache, "held", 4, 0, NULL, NULL);
    cr_expect_eq(again, held); // never evicted while held
    regex_release(&cache, again);
    regex_release(&cache, held);
}

typedef struct Spans {
    size_t start[64];
    size_t end[64];
    size_t n;
} Spans;

static bool record(void *ctx, const RegexMatch *m)
{
    Spans *s = ctx;
    if (s->n < 64) {
        s->start[s->n] = m->ovector[0];
        s->end[s->n] = m->ovector[1];
    }
    s->n++;
    return true;
}

Test(regex, global_scan_handles_empty_matches_like_erlang)
{
    RegexEntry *e = regex_acquire(&cache, "x*", 2, 0, NULL, NULL);
    Spans s = {0};
    RegexScan scan = {0};
    cr_assert_eq(regex_scan(e, (const uint8_t *)"axxb", 4, 0, true, 0, &scan, record, &s),
                 REGEX_MATCH);
    // Erlang: [{0,0}], [{1,2}], [{3,0}], [{4,0}]
    cr_assert_eq(s.n, 4u);
    size_t want[4][2] = {{0, 0}, {1, 3}, {3, 3}, {4, 4}};
    for (size_t i = 0; i < 4; i++) {
        cr_expect_eq(s.start[i], want[i][0]);
        cr_expect_eq(s.end[i], want[i][1]);
    }
    regex_release(&cache, e);
}

Test(regex, budgeted_scan_resumes_to_the_same_matches)
{
    static uint8_t text[4000];
    for (size_t i = 0; i < sizeof text; i++) {
        text[i] = (uint8_t)(i % 7 == 0 ? 'b' : 'a');
    }
    RegexEntry *e = regex_acquire(&cache, "b|(?=c)", 7, 0, NULL, NULL);
    Spans whole = {0};
    RegexScan scan = {0};
    regex_scan(e, text, sizeof text, 0, true, 0, &scan, record, &whole);
    Spans pieces = {0};
    RegexScan part = {0};
    int calls = 0;
    do {
        regex_scan(e, text, sizeof text, 0, true, 100, &part, record, &pieces);
        calls++;
    } while (part.more);
    cr_expect_gt(calls, 10);
    cr_expect_eq(pieces.n, whole.n);
    cr_expect_eq(whole.n, (sizeof text + 6) / 7);
    regex_release(&cache, e);
}

Test(regex, utf8_check_rejects_malformed_text)
{
    cr_expect(regex_utf8_valid((const uint8_t *)"h\xc3\xa9llo \xf0\x9f\x98\x80", 11));
    cr_expect_not(regex_utf8_valid((const uint8_t *)"\xff", 1));
    cr_expect_not(regex_utf8_valid((const uint8_t *)"\xc0\x80", 2));       // overlong
    cr_expect_not(regex_utf8_valid((const uint8_t *)"\xed\xa0\x80", 3));   // surrogate
    cr_expect_not(regex_utf8_valid((const uint8_t *)"\xe2\x82", 2));       // truncated
}
