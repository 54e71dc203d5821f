// The :ember_re built-ins under stdlib/regex.ex and stdlib/erlang_re.ex: option lists to
// Ember's flag bits, compiling to a pattern term, matching, group names, PCRE2's version.
// A pattern term is {:re_pattern, captures, unicode 0|1, flags, source}: plain data that
// names a VM-wide cache entry (vm/regex/regex_core.h), so a forged one can only name another
// pattern (compiled on demand) or be refused with ArgumentError; it never points at memory.
#include "bi_regex.h"

#include "builtins.h"

#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "map.h"
#include "regex_core.h"
#include "vm.h"

// A global scan hands control back to Ember after moving this far through the subject, so a
// scan of a large input is charged and can be switched out between pieces (docs/regex.md).
#define SCAN_BUDGET_BYTES (256 * 1024)

// The pattern term [t] reads as: source, flags.
typedef struct PatternRef {
    const uint8_t *src;
    size_t size;
    uint32_t flags;
} PatternRef;

static bool read_pattern(Process *p, Term t, PatternRef *out)
{
    if (!term_is_tuple(t) || term_tuple_arity(t) != 5) {
        return false;
    }
    const Term *el = term_tuple_elems(t);
    int64_t flags;
    return el[0] == bi_atom(p, "re_pattern") && bi_int64(el[3], &flags) && flags >= 0 &&
           flags <= (int64_t)REGEX_FLAGS_MASK && bi_text(el[4], &out->src, &out->size) &&
           (out->flags = (uint32_t)flags, true);
}

static Term not_a_pattern(Process *p)
{
    return bi_badarg(p, 2, "not a valid pattern");
}

static Term pattern_term(Process *p, Term source, uint32_t flags, uint32_t ncap)
{
    Term el[5] = {bi_atom(p, "re_pattern"), term_from_small(ncap),
                  term_from_small((flags & REGEX_UNICODE) ? 1 : 0), term_from_small(flags),
                  source};
    return term_make_tuple(p, 5, el);
}

// ==== Options ====

static bool read_newline(Process *p, Term v, uint32_t *nl)
{
    static const char *const names[] = {"", "cr", "lf", "crlf", "anycrlf", "any"};
    for (uint32_t k = 1; k < sizeof names / sizeof names[0]; k++) {
        if (v == bi_atom(p, names[k])) {
            *nl = k;
            return true;
        }
    }
    return false;
}

// One compile or run option: true when [h] was one (its bits added), false to keep it.
static bool take_option(Process *p, Term h, uint32_t *flags, uint32_t *run)
{
#define X(name, bit, atom)                \
    if (h == bi_atom(p, atom)) {          \
        *flags |= REGEX_##name;           \
        return true;                      \
    }
    REGEX_OPTIONS(X)
#undef X
    static const struct {
        const char *atom;
        uint32_t bit;
    } runs[] = {{"notbol", REGEX_RUN_NOTBOL}, {"noteol", REGEX_RUN_NOTEOL},
                {"notempty", REGEX_RUN_NOTEMPTY},
                {"notempty_atstart", REGEX_RUN_NOTEMPTY_ATSTART}};
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        if (h == bi_atom(p, runs[i].atom)) {
            *run |= runs[i].bit;
            return true;
        }
    }
    uint32_t nl;
    if (term_is_tuple(h) && term_tuple_arity(h) == 2 &&
        term_tuple_elems(h)[0] == bi_atom(p, "newline") &&
        read_newline(p, term_tuple_elems(h)[1], &nl)) {
        *flags = (*flags & ~(7u << REGEX_NL_SHIFT)) | nl << REGEX_NL_SHIFT;
        return true;
    }
    return false;
}

// :ember_re.split_opts(list) -> {compile_flags, run_bits, other options in order}; :error when
// [list] is not a proper list. `anchored` counts as a compile flag (Ember compiles a string
// regex given to :re.run with it, which has the same effect).
Term bi_ember_re_split_opts_1(Process *p, Term *args)
{
    uint32_t flags = 0;
    uint32_t run = 0;
    size_t len;
    if (!bi_list_length(args[0], &len)) {
        return bi_atom(p, "error");
    }
    Term rest_rev = TERM_NIL;
    for (Term t = args[0]; term_is_cons(t); t = term_tl(t)) {
        if (!take_option(p, term_hd(t), &flags, &run)) {
            rest_rev = term_make_cons(p, term_hd(t), rest_rev);
        }
    }
    return bi_tuple3(p, term_from_small(flags), term_from_small(run),
                     bi_list_reverse(p, rest_rev, TERM_NIL));
}

// :ember_re.modifiers(binary) -> flags for Elixir's "imsxufU", or {:error, rest} naming the
// first bad letter onwards.
Term bi_ember_re_modifiers_1(Process *p, Term *args)
{
    const uint8_t *s;
    size_t size;
    if (!bi_text(args[0], &s, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    uint32_t flags;
    for (size_t i = 0; i <= size; i++) {
        if (!regex_flags_from_modifiers((const char *)s, i, &flags)) {
            return bi_tuple2(p, bi_atom(p, "error"), term_make_binary(p, s + i - 1, size - i + 1));
        }
    }
    return term_from_small(flags);
}

// ==== Compiling ====

// :ember_re.compile(source binary, flags) -> {:ok, pattern} | {:error, {charlist, offset}}.
Term bi_ember_re_compile_2(Process *p, Term *args)
{
    const uint8_t *src;
    size_t size;
    int64_t flags;
    if (!bi_text(args[0], &src, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (!bi_int64(args[1], &flags) || flags < 0 || flags > (int64_t)REGEX_FLAGS_MASK) {
        return bi_badarg(p, 2, "invalid options");
    }
    char msg[REGEX_MESSAGE_SIZE];
    size_t offset = 0;
    RegexEntry *e =
        regex_acquire(&p->vm->regex, (const char *)src, size, (uint32_t)flags, msg, &offset);
    if (e == NULL) {
        Term why = bi_charlist_from_utf8(p, (const uint8_t *)msg, strlen(msg));
        Term err = bi_tuple2(p, why, term_make_int(p, (int64_t)offset));
        return bi_tuple2(p, bi_atom(p, "error"), err);
    }
    uint32_t ncap = regex_capture_count(e);
    regex_release(&p->vm->regex, e);
    return bi_ok(p, pattern_term(p, args[0], (uint32_t)flags, ncap));
}

// :ember_re.names(pattern) -> [{name, group}] sorted by name.
Term bi_ember_re_names_1(Process *p, Term *args)
{
    PatternRef r;
    if (!read_pattern(p, args[0], &r)) {
        return bi_badarg(p, 1, "not a valid pattern");
    }
    RegexEntry *e = regex_acquire(&p->vm->regex, (const char *)r.src, r.size, r.flags, NULL,
                                  NULL);
    if (e == NULL) {
        return bi_badarg(p, 1, "not a valid pattern");
    }
    Term out = TERM_NIL;
    for (uint32_t i = regex_name_count(e); i-- > 0;) {
        uint32_t group;
        const char *name = regex_name_at(e, i, &group);
        Term pair = bi_tuple2(p, bi_binary_from_cstr(p, name), term_from_small(group));
        out = term_make_cons(p, pair, out);
    }
    regex_release(&p->vm->regex, e);
    return out;
}

// :ember_re.version() -> "10.42 2022-12-11".
Term bi_ember_re_version_0(Process *p, Term *args)
{
    (void)args;
    char v[64];
    regex_version(v, sizeof v);
    return bi_binary_from_cstr(p, v);
}

// ==== Matching ====

// exec's run-bit asking for each group as a binary (a copy; "" when unset) instead of
// {start, length}: Regex.run/scan's default, without a second pass in Ember.
#define EXEC_BINARIES 0x100

typedef struct Collect {
    Process *p;
    Term matches_rev; // lists of groups per match, newest first
    const uint8_t *subject;
    bool binaries;
} Collect;

static bool collect(void *ctx, const RegexMatch *m)
{
    Collect *c = ctx;
    Term groups = TERM_NIL;
    for (uint32_t g = m->count; g-- > 0;) {
        size_t s = m->ovector[2 * g];
        size_t e = m->ovector[2 * g + 1];
        bool unset = s == ~(size_t)0;
        Term group;
        if (c->binaries) {
            group = term_make_binary(c->p, c->subject + (unset ? 0 : s), unset ? 0 : e - s);
        } else {
            group = bi_tuple2(c->p, term_from_small(unset ? -1 : (int64_t)s),
                              term_from_small(unset ? 0 : (int64_t)(e - s)));
        }
        groups = term_make_cons(c->p, group, groups);
    }
    c->matches_rev = term_make_cons(c->p, groups, c->matches_rev);
    return true;
}

static Term status_error(Process *p, RegexStatus st)
{
    if (st == REGEX_BAD_UTF) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    const char *why = st == REGEX_MATCH_LIMIT   ? "match_limit"
                      : st == REGEX_DEPTH_LIMIT ? "match_limit_recursion"
                                                : "match_error";
    return bi_tuple2(p, bi_atom(p, "error"), bi_atom(p, why));
}

// Reads exec's arguments: subject, offset (within it), run bits, and the resume state (nil,
// or {offset, last_empty, matches so far, newest first} from a previous piece).
static bool read_exec(Term *args, const uint8_t **s, size_t *size, RegexScan *scan,
                      uint32_t *run, bool *resumed)
{
    int64_t off;
    int64_t bits;
    if (!bi_text(args[1], s, size) || !bi_int64(args[2], &off) || off < 0 ||
        (uint64_t)off > *size || !bi_int64(args[3], &bits) || bits < 0 || bits > 0x1FF) {
        return false;
    }
    *scan = (RegexScan){.offset = (size_t)off};
    *run = (uint32_t)bits;
    *resumed = false;
    Term st = args[5];
    if (term_is_tuple(st) && term_tuple_arity(st) == 3) {
        int64_t at;
        if (!bi_int64(term_tuple_elems(st)[0], &at) || at < 0 || (uint64_t)at > *size ||
            !(term_is_cons(term_tuple_elems(st)[2]) || term_is_nil(term_tuple_elems(st)[2]))) {
            return false;
        }
        scan->offset = (size_t)at;
        scan->last_empty = term_tuple_elems(st)[1] == term_true();
        *resumed = true;
    }
    return true;
}

// :ember_re.exec(pattern, subject, offset, run_bits, global, resume) ->
//   not global: :nomatch | [{start, len} per group] | {:error, reason}
//   (with EXEC_BINARIES in run_bits, each group is a binary instead of {start, len})
//   global:     {matches newest first, nil | {offset, last_empty}} | {:error, reason}; to go
//               on, call again with resume {offset, last_empty, the matches so far}: the new
//               matches are put in front of those (one list, reversed once at the end).
// A unicode pattern refuses a subject that is not UTF-8 with ArgumentError, as :re.run does.
Term bi_ember_re_exec_6(Process *p, Term *args)
{
    PatternRef r;
    const uint8_t *s;
    size_t size;
    RegexScan scan;
    uint32_t run;
    bool resumed;
    if (!read_pattern(p, args[0], &r)) {
        return not_a_pattern(p);
    }
    if (!read_exec(args, &s, &size, &scan, &run, &resumed)) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    if ((r.flags & REGEX_UNICODE) && !resumed && !regex_utf8_valid(s, size)) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    RegexEntry *e = regex_acquire(&p->vm->regex, (const char *)r.src, r.size, r.flags, NULL,
                                  NULL);
    if (e == NULL) {
        return not_a_pattern(p);
    }
    bool global = args[4] == term_true();
    Collect c = {p, resumed ? term_tuple_elems(args[5])[2] : TERM_NIL, s,
                 (run & EXEC_BINARIES) != 0};
    RegexStatus st = regex_scan(e, s, size, run & ~(uint32_t)EXEC_BINARIES, global,
                                SCAN_BUDGET_BYTES, &scan, collect, &c);
    regex_release(&p->vm->regex, e);
    proc_charge(p, scan.work);
    if (st != REGEX_MATCH && st != REGEX_NOMATCH) {
        return status_error(p, st);
    }
    if (!global) {
        return st == REGEX_NOMATCH ? bi_atom(p, "nomatch") : term_hd(c.matches_rev);
    }
    Term resume = term_from_atom(ATOM_nil);
    if (scan.more) {
        resume = bi_tuple2(p, term_from_small((int64_t)scan.offset),
                           scan.last_empty ? term_true() : term_false());
    }
    return bi_tuple2(p, c.matches_rev, resume);
}

// ==== For other built-ins ====

bool bi_regex_is_struct(Process *p, Term t)
{
    Term name;
    return term_is_map(t) && map_get(t, term_from_atom(ATOM_struct), &name) &&
           name == bi_atom(p, "Elixir.Regex");
}

// The pattern a %Regex{} stands for: its re_pattern when it was made by this VM's PCRE
// version, else its source and opts (Elixir's safe_run recompiles such a regex).
static bool struct_pattern(Process *p, Term regex, PatternRef *out)
{
    Term vsn = TERM_NONE;
    Term pattern = TERM_NONE;
    Term source = TERM_NONE;
    Term opts = TERM_NONE;
    map_get(regex, bi_atom(p, "re_version"), &vsn);
    map_get(regex, bi_atom(p, "re_pattern"), &pattern);
    map_get(regex, bi_atom(p, "source"), &source);
    map_get(regex, bi_atom(p, "opts"), &opts);
    char ours[64];
    regex_version(ours, sizeof ours);
    const uint8_t *v;
    size_t v_size;
    bool same = term_is_tuple(vsn) && term_tuple_arity(vsn) == 2 &&
                bi_text(term_tuple_elems(vsn)[0], &v, &v_size) && v_size == strlen(ours) &&
                memcmp(v, ours, v_size) == 0;
    if (same) {
        return read_pattern(p, pattern, out);
    }
    if (!bi_text(source, &out->src, &out->size)) {
        return false;
    }
    const uint8_t *m;
    size_t m_size;
    uint32_t run = 0;
    out->flags = 0;
    if (bi_text(opts, &m, &m_size)) { // unknown letters are ignored, as Elixir's translation does
        (void)regex_flags_from_modifiers((const char *)m, m_size, &out->flags);
        return true;
    }
    for (Term t = opts; term_is_cons(t); t = term_tl(t)) {
        take_option(p, term_hd(t), &out->flags, &run);
    }
    return true;
}

static bool stop_at_first(void *ctx, const RegexMatch *m)
{
    (void)ctx;
    (void)m;
    return false;
}

Term bi_regex_match_p(Process *p, Term regex, Term subject)
{
    PatternRef r;
    if (!struct_pattern(p, regex, &r)) {
        return not_a_pattern(p);
    }
    size_t size;
    const uint8_t *s = term_binary_bytes(subject, &size);
    if ((r.flags & REGEX_UNICODE) && !regex_utf8_valid(s, size)) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    RegexEntry *e = regex_acquire(&p->vm->regex, (const char *)r.src, r.size, r.flags, NULL,
                                  NULL);
    if (e == NULL) {
        return not_a_pattern(p);
    }
    RegexScan scan = {0};
    RegexStatus st = regex_scan(e, s, size, 0, false, 0, &scan, stop_at_first, NULL);
    regex_release(&p->vm->regex, e);
    proc_charge(p, scan.work);
    return st == REGEX_MATCH ? term_true() : term_false();
}

// ==== Replacing ====

typedef struct Replace {
    const uint8_t *subject;
    size_t from;         // the subject is copied up to here
    const Term *pieces;  // binaries (copied) and group numbers (substituted)
    size_t piece_len;
    StrBuf out;
} Replace;

static bool replace_one(void *ctx, const RegexMatch *m)
{
    Replace *r = ctx;
    size_t start = m->ovector[0];
    if (start > r->from) {
        strbuf_append(&r->out, r->subject + r->from, start - r->from);
    }
    for (size_t i = 0; i < r->piece_len; i++) {
        Term t = r->pieces[i];
        if (term_is_small(t)) {
            int64_t g = term_to_small(t);
            if (g >= 0 && g < (int64_t)m->count && m->ovector[2 * g] != ~(size_t)0) {
                size_t s = m->ovector[2 * g];
                strbuf_append(&r->out, r->subject + s, m->ovector[2 * g + 1] - s);
            }
        } else {
            size_t size;
            const uint8_t *bytes = term_binary_bytes(t, &size);
            strbuf_append(&r->out, bytes, size);
        }
    }
    r->from = m->ovector[1] > r->from ? m->ovector[1] : r->from;
    return true;
}

// The replacement list [t] (binaries and non-negative small integers) as an array.
static bool read_pieces(Term t, Term **pieces, size_t *len)
{
    if (!bi_list_to_array(t, pieces, len)) {
        return false;
    }
    for (size_t i = 0; i < *len; i++) {
        Term x = (*pieces)[i];
        if (!term_is_binary(x) && !(term_is_small(x) && term_to_small(x) >= 0)) {
            free(*pieces);
            return false;
        }
    }
    return true;
}

// Reads replace's resume state [st]: nil (the start) or {offset, last_empty, copied_up_to}.
static bool read_replace_resume(Term st, size_t size, RegexScan *scan, size_t *from)
{
    *scan = (RegexScan){0};
    *from = 0;
    if (!term_is_tuple(st)) {
        return true;
    }
    int64_t at;
    int64_t was;
    const Term *el = term_tuple_elems(st);
    if (term_tuple_arity(st) != 3 || !bi_int64(el[0], &at) || !bi_int64(el[2], &was) ||
        at < 0 || (uint64_t)at > size || was < 0 || was > at) {
        return false;
    }
    scan->offset = (size_t)at;
    scan->last_empty = el[1] == term_true();
    *from = (size_t)was;
    return true;
}

// Runs the scan of replace over [e] and builds {text, nil | resume}.
static Term replace_piece(Process *p, RegexEntry *e, const uint8_t *s, size_t size,
                          bool global, RegexScan *scan, Replace *rep)
{
    strbuf_init(&rep->out);
    regex_scan(e, s, size, 0, global, SCAN_BUDGET_BYTES, scan, replace_one, rep);
    proc_charge(p, scan->work);
    Term resume = term_from_atom(ATOM_nil);
    if (scan->more) {
        Term el[3] = {term_from_small((int64_t)scan->offset),
                      scan->last_empty ? term_true() : term_false(),
                      term_from_small((int64_t)rep->from)};
        resume = term_make_tuple(p, 3, el);
    } else {
        strbuf_append(&rep->out, s + rep->from, size - rep->from);
    }
    Term result = bi_tuple2(p, bi_binary_from_buf(p, &rep->out), resume);
    strbuf_free(&rep->out);
    return result;
}

// :ember_re.replace(pattern, subject, pieces, global, resume) -> {binary, nil | resume}:
// the subject from where [resume] left off (nil: the start) with each match replaced by
// [pieces] (binaries and group numbers; unset groups are ""), up to where the piece ended.
// The concatenation of the pieces of successive calls is Regex.replace's result.
Term bi_ember_re_replace_5(Process *p, Term *args)
{
    PatternRef r;
    const uint8_t *s;
    size_t size;
    RegexScan scan;
    size_t from;
    Term *pieces = NULL;
    size_t piece_len = 0;
    if (!read_pattern(p, args[0], &r)) {
        return not_a_pattern(p);
    }
    if (!bi_text(args[1], &s, &size) || !read_replace_resume(args[4], size, &scan, &from) ||
        !read_pieces(args[2], &pieces, &piece_len)) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    bool resumed = term_is_tuple(args[4]);
    if ((r.flags & REGEX_UNICODE) && !resumed && !regex_utf8_valid(s, size)) {
        free(pieces);
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    RegexEntry *e = regex_acquire(&p->vm->regex, (const char *)r.src, r.size, r.flags, NULL,
                                  NULL);
    if (e == NULL) {
        free(pieces);
        return not_a_pattern(p);
    }
    Replace rep = {s, from, pieces, piece_len, {0}};
    Term result = replace_piece(p, e, s, size, args[3] == term_true(), &scan, &rep);
    regex_release(&p->vm->regex, e);
    free(pieces);
    return result;
}

