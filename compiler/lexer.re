// The Elixir-subset lexer: re2c rules for one token at a time, plus hand-written scanners for
// quoted text (strings, charlists, heredocs, sigils, quoted atoms) whose `#{...}` pieces are found
// by running a nested lexer. Invariant: the buffer holds a NUL at lim, nothing past lim is read,
// and every failure fills the Diag instead of aborting. Newline filtering and the do/op
// identifier rewrites that need the previous token live in parse.c, not here.
#include "token.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

/*!conditions:re2c*/
/*!include:re2c "unicode_categories.re" */

// ==== Positions and diagnostics ====

uint32_t lexer_column(Lexer *lx, const unsigned char *p)
{
    uint32_t col = lx->line_start == lx->base ? lx->first_col : 1;
    const unsigned char *q = lx->line_start;
    if (lx->col_at != NULL && lx->col_at >= lx->line_start && lx->col_at <= p) {
        q = lx->col_at;
        col = lx->col_val;
    }
    for (; q < p; q++) {
        if ((*q & 0xC0) != 0x80) {
            col++;
        }
    }
    lx->col_at = p;
    lx->col_val = col;
    return col;
}

static int fail_at(Lexer *lx, const char *kind, uint32_t line, uint32_t col, const char *msg,
                   bool incomplete)
{
    Diag *d = lx->diag;
    snprintf(d->kind, sizeof d->kind, "%s", kind);
    snprintf(d->file, sizeof d->file, "%s", lx->file ? lx->file : "nofile");
    d->line = line;
    d->col = col;
    snprintf(d->message, sizeof d->message, "%s", msg);
    d->incomplete = incomplete;
    return -1;
}

static int fail_syntax(Lexer *lx, const unsigned char *at, const char *msg)
{
    return fail_at(lx, "SyntaxError", lx->line, lexer_column(lx, at), msg, false);
}

// Decodes one UTF-8 code point at [p] (before [lim]); returns its length, 0 when invalid.
static int utf8_decode(const unsigned char *p, const unsigned char *lim, uint32_t *cp)
{
    int n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3
          : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || p + n > lim) {
        return 0;
    }
    uint32_t c = n == 1 ? p[0] : n == 2 ? p[0] & 0x1Fu : n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min_for_len[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return n;
}

// "unexpected token: "\x01" (column 9, code point U+0001)" for the character at [at].
static int fail_unexpected_char(Lexer *lx, const unsigned char *at)
{
    uint32_t cp = 0;
    int n = utf8_decode(at, lx->lim, &cp);
    char msg[128];
    if (n == 0) {
        snprintf(msg, sizeof msg, "invalid UTF-8 byte 0x%02X", at < lx->lim ? *at : 0);
        return fail_syntax(lx, at, msg);
    }
    uint32_t col = lexer_column(lx, at);
    snprintf(msg, sizeof msg, "unexpected token: \"%.*s\" (column %u, code point U+%04X)", n,
             (const char *)at, col, cp);
    return fail_syntax(lx, at, msg);
}

static char *copy_text(Lexer *lx, const unsigned char *s, size_t len)
{
    return arena_strdup(lx->arena, (const char *)s, len);
}

// ==== Growable byte buffer (arena-backed) ====

typedef struct Buf {
    char *data;
    size_t len;
    size_t cap;
} Buf;

static void buf_put(Lexer *lx, Buf *b, const void *src, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *data = arena_alloc(lx->arena, cap);
        if (b->len) {
            memcpy(data, b->data, b->len);
        }
        b->data = data;
        b->cap = cap;
    }
    memcpy(b->data + b->len, src, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_put_cp(Lexer *lx, Buf *b, uint32_t cp)
{
    unsigned char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | (cp >> 6));
        u[1] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (unsigned char)(0xE0 | (cp >> 12));
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (unsigned char)(0xF0 | (cp >> 18));
        u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_put(lx, b, u, n);
}

// ==== Quoted text: strings, charlists, heredocs, sigils ====

enum {
    Q_ESCAPES = 1 << 0, // resolve \n, \xHH, ... (strings, charlists, quoted atoms)
    Q_INTERP = 1 << 1,  // `#{...}` starts an interpolation
    Q_HEREDOC = 1 << 2, // triple-quoted: ends at a line holding only the terminator
    Q_CHARS = 1 << 3,   // charlist: \xHH is a code point, not a byte
};

typedef struct Quote {
    unsigned char open;   // opening delimiter (for sigils with pairs)
    unsigned char close;  // closing delimiter
    unsigned flags;
    const char *what;     // "string", "heredoc", "sigil ~s(" ... for messages
    uint32_t start_line;
    uint32_t indent;      // heredoc: whitespace to strip at each line start
    StrPart *parts;
    uint32_t nparts;
    uint32_t cap;
} Quote;

static void quote_push(Lexer *lx, Quote *q, StrPart part)
{
    if (q->nparts == q->cap) {
        uint32_t cap = q->cap ? q->cap * 2 : 4;
        StrPart *parts = arena_alloc(lx->arena, cap * sizeof *parts);
        if (q->nparts) {
            memcpy(parts, q->parts, q->nparts * sizeof *parts);
        }
        q->parts = parts;
        q->cap = cap;
    }
    q->parts[q->nparts++] = part;
}

static void flush_literal(Lexer *lx, Quote *q, Buf *b)
{
    if (b->len > 0) {
        quote_push(lx, q, (StrPart){false, b->data, b->len, 0, 0});
        *b = (Buf){0};
    }
}

static int fail_missing(Lexer *lx, const Quote *q)
{
    char msg[160];
    if (q->flags & Q_HEREDOC) {
        snprintf(msg, sizeof msg, "missing terminator: %s (for heredoc starting at line %u)",
                 q->close == '"' ? "\"\"\"" : "'''", q->start_line);
    } else {
        snprintf(msg, sizeof msg, "missing terminator: %c (for %s starting at line %u)", q->close,
                 q->what, q->start_line);
    }
    return fail_at(lx, "TokenMissingError", lx->line, lexer_column(lx, lx->lim), msg, true);
}

static void new_line(Lexer *lx, const unsigned char *after)
{
    lx->line++;
    lx->line_start = after;
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}

// Reads up to [max] hex digits at *p; returns how many were read.
static int read_hex(const unsigned char **p, const unsigned char *lim, int max, uint32_t *out)
{
    int n = 0;
    uint32_t v = 0;
    while (n < max && *p < lim && hex_value(**p) >= 0) {
        v = v * 16 + (uint32_t)hex_value(**p);
        (*p)++;
        n++;
    }
    *out = v;
    return n;
}

// The one-letter escapes (`\n`, `\0`, ...): stores the byte in *out and returns true.
static bool simple_escape(uint32_t c, unsigned char *out)
{
    static const char simple_from[] = "0abdefnrstv";
    static const unsigned char simple_to[] = {0, 7, 8, 127, 27, 12, 10, 13, 32, 9, 11};
    const char *hit = c != 0 && c < 0x80 ? strchr(simple_from, (int)c) : NULL;
    if (hit) {
        *out = simple_to[hit - simple_from];
    }
    return hit != NULL;
}

// Decodes the escape after a backslash at *p (which points past the backslash).
static int read_escape(Lexer *lx, const Quote *q, const unsigned char **p, Buf *b)
{
    const unsigned char *s = *p;
    unsigned char c = *s++;
    uint32_t cp = 0;
    unsigned char byte = 0;
    if (simple_escape(c, &byte)) {
        buf_put(lx, b, &byte, 1);
    } else if (c == 'x') {
        if (read_hex(&s, lx->lim, 2, &cp) == 0) {
            return fail_syntax(lx, s, "invalid hex escape character, expected \\xHH where H "
                                      "is a hexadecimal digit");
        }
        if (q->flags & Q_CHARS) {
            buf_put_cp(lx, b, cp);
        } else {
            byte = (unsigned char)cp;
            buf_put(lx, b, &byte, 1);
        }
    } else if (c == 'u') {
        bool braced = s < lx->lim && *s == '{';
        s += braced;
        int n = read_hex(&s, lx->lim, braced ? 6 : 4, &cp);
        if ((braced && (n == 0 || s >= lx->lim || *s != '}')) || (!braced && n != 4) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return fail_syntax(lx, s, "invalid Unicode escape, expected \\uHHHH or \\u{H*} "
                                      "with a valid code point");
        }
        s += braced;
        buf_put_cp(lx, b, cp);
    } else if (c == '\n') {
        new_line(lx, s);
    } else if (c == '\r' && s < lx->lim && *s == '\n') {
        s++;
        new_line(lx, s);
    } else {
        int n = utf8_decode(s - 1, lx->lim, &cp);
        if (n == 0) {
            return fail_unexpected_char(lx, s - 1);
        }
        buf_put(lx, b, s - 1, (size_t)n);
        s += n - 1;
    }
    *p = s;
    return 0;
}

// In sigils, a backslash only protects the delimiters; anything else is kept verbatim.
static void read_sigil_escape(Lexer *lx, const Quote *q, const unsigned char **p, Buf *b)
{
    const unsigned char *s = *p;
    if (s < lx->lim && (*s == q->close || (*s == q->open && q->open != q->close))) {
        buf_put(lx, b, s, 1);
        *p = s + 1;
        return;
    }
    if (s < lx->lim && *s == '\\') {
        buf_put(lx, b, "\\\\", 2);
        *p = s + 1;
        return;
    }
    buf_put(lx, b, "\\", 1);
}

// Finds the `}` closing an interpolation whose body starts at [body]; returns it or NULL.
static const unsigned char *find_interp_end(Lexer *lx, const unsigned char *body, uint32_t col)
{
    if (lx->depth >= LEXER_MAX_INTERP_DEPTH) {
        fail_syntax(lx, body, "nesting too deep");
        return NULL;
    }
    Lexer sub = *lx;
    sub.base = body;
    sub.cur = body;
    sub.line_start = body;
    sub.first_col = col;
    sub.depth = lx->depth + 1;
    int braces = 0;
    for (;;) {
        Token t;
        int kind = lexer_next(&sub, &t);
        if (kind < 0) {
            return NULL;
        }
        if (kind == 0) {
            return lx->lim;
        }
        if (kind == TK_LCURLY) {
            braces++;
        } else if (kind == TK_RCURLY && braces-- == 0) {
            return (const unsigned char *)t.src;
        }
    }
}

// Handles `#{` at [p]; on success records the part and moves past the closing brace.
static int read_interp(Lexer *lx, Quote *q, const unsigned char **p, Buf *b)
{
    flush_literal(lx, q, b);
    const unsigned char *body = *p + 2;
    uint32_t line = lx->line;
    uint32_t col = lexer_column(lx, body);
    const unsigned char *saved_ls = lx->line_start;
    const unsigned char *end = find_interp_end(lx, body, col);
    if (end == NULL) {
        return -1;
    }
    if (end >= lx->lim) {
        return 1;
    }
    for (const unsigned char *s = body; s < end; s++) {
        if (*s == '\n') {
            new_line(lx, s + 1);
        }
    }
    (void)saved_ls;
    quote_push(lx, q, (StrPart){true, (const char *)body, (size_t)(end - body), line, col});
    *p = end + 1;
    return 0;
}

static bool at_heredoc_close(const Lexer *lx, const Quote *q, const unsigned char *p)
{
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    return p + 2 < lx->lim && p[0] == q->close && p[1] == q->close && p[2] == q->close;
}

// Skips up to q->indent blanks at a heredoc line start.
static const unsigned char *skip_indent(const Lexer *lx, const Quote *q, const unsigned char *p)
{
    for (uint32_t i = 0; i < q->indent && p < lx->lim && (*p == ' ' || *p == '\t'); i++) {
        p++;
    }
    return p;
}

static bool is_close(const Lexer *lx, const Quote *q, const unsigned char *p)
{
    if (q->flags & Q_HEREDOC) {
        return p == lx->line_start && at_heredoc_close(lx, q, p);
    }
    return *p == q->close;
}

// Reads quoted content from lx->cur up to and past its terminator, filling q->parts.
static int read_quoted(Lexer *lx, Quote *q)
{
    Buf b = {0};
    const unsigned char *p = lx->cur;
    if ((q->flags & Q_HEREDOC) && !at_heredoc_close(lx, q, p)) {
        p = skip_indent(lx, q, p);
    }
    while (p < lx->lim) {
        if (is_close(lx, q, p)) { // like Elixir, sigil delimiters do not nest
            break;
        }
        unsigned char c = *p;
        if (c == '\\' && p + 1 < lx->lim) {
            p++;
            if (!(q->flags & Q_ESCAPES)) {
                read_sigil_escape(lx, q, &p, &b);
            } else if (read_escape(lx, q, &p, &b) < 0) {
                return -1;
            }
            continue;
        }
        if (c == '#' && (q->flags & Q_INTERP) && p + 1 < lx->lim && p[1] == '{') {
            int r = read_interp(lx, q, &p, &b);
            if (r != 0) {
                return r < 0 ? -1 : fail_missing(lx, q);
            }
            continue;
        }
        buf_put(lx, &b, p, 1);
        p++;
        if (c == '\n') {
            new_line(lx, p);
            if (q->flags & Q_HEREDOC) {
                p = at_heredoc_close(lx, q, p) ? p : skip_indent(lx, q, p);
            }
        }
    }
    if (p >= lx->lim) {
        lx->cur = lx->lim;
        return fail_missing(lx, q);
    }
    flush_literal(lx, q, &b);
    lx->cur = p + ((q->flags & Q_HEREDOC) ? 0 : 1);
    return 0;
}

// Heredoc: checks the opening line, measures the closing line's indentation, then reads.
static int read_heredoc(Lexer *lx, Quote *q)
{
    const unsigned char *p = lx->cur;
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    if (p < lx->lim && *p == '\r') {
        p++;
    }
    if (p >= lx->lim || *p != '\n') {
        if (p >= lx->lim) {
            lx->cur = lx->lim;
            return fail_missing(lx, q);
        }
        return fail_syntax(lx, lx->tok, q->close == '"'
            ? "heredoc allows only zero or more whitespace characters followed by a new line "
              "after \"\"\""
            : "heredoc allows only zero or more whitespace characters followed by a new line "
              "after '''");
    }
    new_line(lx, p + 1);
    lx->cur = p + 1;
    // Find the closing line to learn the indentation to strip.
    const unsigned char *s = lx->cur;
    while (s < lx->lim) {
        if (at_heredoc_close(lx, q, s)) {
            const unsigned char *t = s;
            while (*t == ' ' || *t == '\t') {
                t++;
            }
            q->indent = (uint32_t)(t - s);
            break;
        }
        while (s < lx->lim && *s != '\n') {
            s++;
        }
        s += s < lx->lim;
    }
    if (read_quoted(lx, q) < 0) {
        return -1;
    }
    const unsigned char *e = lx->cur;
    while (*e == ' ' || *e == '\t') {
        e++;
    }
    lx->cur = e + 3;
    return 0;
}

static void set_parts(Token *out, const Quote *q)
{
    out->parts = q->parts;
    out->nparts = q->nparts;
    if (q->nparts == 1 && !q->parts[0].is_expr) {
        out->text = q->parts[0].text;
        out->text_len = (uint32_t)q->parts[0].len;
    } else if (q->nparts == 0) {
        out->text = "";
        out->text_len = 0;
    }
}

// A keyword key is a quoted text or identifier followed by ':' and whitespace.
static bool kw_colon_follows(const Lexer *lx)
{
    const unsigned char *p = lx->cur;
    return p + 1 < lx->lim && p[0] == ':' &&
           (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == '\r');
}

// `b:1`: a name glued to a single colon is a keyword missing its space (elixir_tokenizer checks
// this before anything else; `a::b` and a colon at the very end are left to the grammar).
static int check_glued_colon(Lexer *lx, const char *name, size_t len)
{
    const unsigned char *p = lx->cur;
    if (p + 1 >= lx->lim || p[0] != ':' || p[1] == ':') {
        return 0;
    }
    char msg[320];
    snprintf(msg, sizeof msg, "keyword argument must be followed by space after: %.*s:",
             (int)(len > 256 ? 256 : len), name);
    return fail_syntax(lx, lx->tok, msg);
}

// True when only blanks (no newline) separate the cursor from a `/`: elixir_tokenizer then
// turns the operator or operator-like keyword just read into an identifier, so `&+/2`,
// `&and/2` and `&&&/2` name functions.
static bool slash_follows(const Lexer *lx)
{
    const unsigned char *p = lx->cur;
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    return p < lx->lim && *p == '/';
}

// `x."foo"()`: after a dot, a quoted text without interpolation names the function.
static int quoted_call_name(Lexer *lx, Token *out, const Quote *q)
{
    for (uint32_t i = 0; i < q->nparts; i++) {
        if (q->parts[i].is_expr) {
            char msg[128];
            snprintf(msg, sizeof msg, "interpolation is not allowed when calling function/macro. "
                     "Found interpolation in a call starting with: %c", q->close);
            return fail_at(lx, "SyntaxError", out->line, out->col, msg, false);
        }
    }
    out->is_quoted = true;
    if (lx->cur < lx->lim && *lx->cur == '(') {
        return TK_PAREN_IDENTIFIER;
    }
    return lx->cur < lx->lim && *lx->cur == '[' ? TK_BRACKET_IDENTIFIER : TK_IDENTIFIER;
}

static int lex_string(Lexer *lx, Token *out, unsigned char delim, bool heredoc)
{
    bool chars = delim == '\'';
    Quote q = {delim, delim, Q_ESCAPES | Q_INTERP | (chars ? Q_CHARS : 0u), "string",
               lx->line, 0, NULL, 0, 0};
    if (heredoc) {
        q.flags |= Q_HEREDOC;
        if (read_heredoc(lx, &q) < 0) {
            return -1;
        }
    } else if (read_quoted(lx, &q) < 0) {
        return -1;
    }
    set_parts(out, &q);
    if (!heredoc && lx->prev_kind == TK_DOT) {
        return quoted_call_name(lx, out, &q);
    }
    if (!heredoc && kw_colon_follows(lx)) {
        lx->cur++;
        out->is_quoted = true;
        return TK_KW_IDENTIFIER;
    }
    return chars ? TK_CHARLIST : TK_STRING;
}

static int lex_quoted_atom(Lexer *lx, Token *out, unsigned char delim)
{
    Quote q = {delim, delim, Q_ESCAPES | Q_INTERP, "atom", lx->line, 0, NULL, 0, 0};
    if (read_quoted(lx, &q) < 0) {
        return -1;
    }
    set_parts(out, &q);
    out->is_quoted = true;
    return TK_ATOM;
}

static unsigned char sigil_close(unsigned char open)
{
    switch (open) {
    case '(':
        return ')';
    case '[':
        return ']';
    case '{':
        return '}';
    case '<':
        return '>';
    default:
        return open;
    }
}

static int lex_sigil(Lexer *lx, Token *out)
{
    unsigned char letter = lx->tok[1];
    unsigned char open = lx->tok[2];
    bool lower = letter >= 'a' && letter <= 'z';
    char what[16];
    snprintf(what, sizeof what, "sigil ~%c%c", letter, open);
    Quote q = {open, sigil_close(open), lower ? Q_INTERP : 0u, what, lx->line, 0, NULL, 0, 0};
    bool heredoc = lx->cur + 1 < lx->lim && (open == '"' || open == '\'') && lx->cur[0] == open &&
                   lx->cur[1] == open;
    if (heredoc) {
        lx->cur += 2;
        q.flags |= Q_HEREDOC;
        if (read_heredoc(lx, &q) < 0) {
            return -1;
        }
    } else if (read_quoted(lx, &q) < 0) {
        return -1;
    }
    set_parts(out, &q);
    const unsigned char *m = lx->cur;
    while (m < lx->lim && ((*m >= 'a' && *m <= 'z') || (*m >= 'A' && *m <= 'Z'))) {
        m++;
    }
    out->sigil = (char)letter;
    out->mods = copy_text(lx, lx->cur, (size_t)(m - lx->cur));
    out->mods_len = (uint32_t)(m - lx->cur);
    lx->cur = m;
    return TK_SIGIL;
}

// ==== Numbers and characters ====

// Copies the digits of [s, e) without underscores.
static char *strip_underscores(Lexer *lx, const unsigned char *s, const unsigned char *e)
{
    char *out = arena_alloc(lx->arena, (size_t)(e - s) + 1);
    size_t n = 0;
    for (; s < e; s++) {
        if (*s != '_') {
            out[n++] = (char)*s;
        }
    }
    out[n] = '\0';
    return out;
}

// Radix integers that overflow int64 are turned into decimal digits for AST_BIGINT.
static char *radix_to_decimal(Lexer *lx, const char *digits, int base)
{
    size_t n = strlen(digits);
    size_t cap = n * 2 + 2; // decimal needs at most ~1.21x the hex digit count
    unsigned char *dec = arena_alloc(lx->arena, cap);
    size_t len = 1;
    for (const char *d = digits; *d; d++) {
        unsigned carry = (unsigned)hex_value((unsigned char)*d);
        for (size_t i = 0; i < len; i++) {
            unsigned v = dec[i] * (unsigned)base + carry;
            dec[i] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry) {
            dec[len++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    char *out = arena_alloc(lx->arena, len + 1);
    for (size_t i = 0; i < len; i++) {
        out[i] = (char)('0' + dec[len - 1 - i]);
    }
    return out;
}

static int finish_int(Lexer *lx, Token *out, int base)
{
    const unsigned char *s = lx->tok + (base == 10 ? 0 : 2);
    char *digits = strip_underscores(lx, s, lx->cur);
    errno = 0;
    char *end = NULL;
    unsigned long long v = strtoull(digits, &end, base);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX) {
        out->is_big = true;
        out->text = base == 10 ? digits : radix_to_decimal(lx, digits, base);
        out->text_len = (uint32_t)strlen(out->text);
    } else {
        out->ival = (int64_t)v;
    }
    return TK_INT;
}

static int finish_float(Lexer *lx, Token *out)
{
    char *digits = strip_underscores(lx, lx->tok, lx->cur);
    out->fval = strtod(digits, NULL);
    return TK_FLT;
}

// A number glued to a letter (`1e3`, `0xZ`, `12abc`) is an error, as in Elixir.
static int check_number_end(Lexer *lx, Token *out, int kind)
{
    const unsigned char *p = lx->cur;
    if (p < lx->lim && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {
        char msg[512];
        snprintf(msg, sizeof msg,
                 "invalid character \"%c\" after number %.*s. If you intended to write a number, "
                 "make sure to separate the number from the character (using comma, space, etc). "
                 "If you meant to write a function name or a variable, note that identifiers in "
                 "Elixir cannot start with numbers. Unexpected token: %c",
                 *p, (int)(p - lx->tok), (const char *)lx->tok, *p);
        return fail_syntax(lx, lx->tok, msg);
    }
    (void)out;
    return kind;
}

static int lex_char(Lexer *lx, Token *out)
{
    const unsigned char *p = lx->tok + 1;
    uint32_t cp = 0;
    if (p >= lx->lim) {
        return fail_unexpected_char(lx, lx->tok);
    }
    if (*p == '\\' && p + 1 < lx->lim) {
        // Only one character follows the backslash, as in elixir_tokenizer: `?\x41` is `?\x`
        // (that is ?x) then 41, which the grammar rejects.
        int n = utf8_decode(p + 1, lx->lim, &cp);
        if (n == 0) {
            return fail_unexpected_char(lx, p + 1);
        }
        unsigned char byte = 0;
        if (simple_escape(cp, &byte)) {
            cp = byte;
        }
        p += 1 + n;
        if (cp == '\n') {
            new_line(lx, p);
        }
    } else {
        int n = utf8_decode(p, lx->lim, &cp);
        if (n == 0) {
            return fail_unexpected_char(lx, p);
        }
        p += n;
    }
    lx->cur = p;
    out->ival = cp;
    return TK_INT;
}

// ==== Identifiers and keywords ====

typedef struct Keyword {
    const char *name;
    int kind;
} Keyword;

static const Keyword keywords[] = {
    {"true", TK_TRUE},        {"false", TK_FALSE},   {"nil", TK_NIL},
    {"when", TK_WHEN_OP},     {"and", TK_AND_OP},    {"or", TK_OR_OP},
    {"not", TK_UNARY_OP},     {"in", TK_IN_OP},      {"fn", TK_FN},
    {"do", TK_DO},            {"end", TK_END},       {"else", TK_BLOCK_IDENTIFIER},
    {"rescue", TK_BLOCK_IDENTIFIER}, {"catch", TK_BLOCK_IDENTIFIER},
    {"after", TK_BLOCK_IDENTIFIER},
};

static int keyword_kind(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (strlen(keywords[i].name) == len && memcmp(keywords[i].name, s, len) == 0) {
            return keywords[i].kind;
        }
    }
    return 0;
}

// `foo -1`: blank, a sign, then no blank and nothing that makes it a binary operator.
static bool op_identifier_follows(const Lexer *lx)
{
    const unsigned char *p = lx->cur;
    if (p >= lx->lim || (*p != ' ' && *p != '\t')) {
        return false;
    }
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    if (p + 1 >= lx->lim || (*p != '+' && *p != '-')) {
        return false;
    }
    return strchr(" \t\r\n([<{%+-/>:=", p[1]) == NULL && p[1] != '\0';
}

// elixir_tokenizer reads `@` as part of a name (`foo@bar`), which is only valid as a keyword
// key (`[foo@bar: 1]`); extends the token over it and returns whether there was one.
static bool take_at_signs(Lexer *lx)
{
    const unsigned char *p = lx->cur;
    if (p >= lx->lim || *p != '@' || lx->cur[-1] == '?' || lx->cur[-1] == '!') {
        return false;
    }
    while (p < lx->lim && (*p == '@' || *p == '_' || *p >= 0x80 || (*p >= '0' && *p <= '9') ||
                           ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))) {
        p++;
    }
    if (p < lx->lim && (*p == '?' || *p == '!')) {
        p++;
    }
    lx->cur = p;
    return true;
}

// Keyword key, a glued colon, or a name holding `@`: the checks names share, in Elixir's order.
// Returns TK_KW_IDENTIFIER, -1 after an error, or 0 to go on.
static int check_name_end(Lexer *lx, Token *out, bool has_at, const char *what)
{
    size_t len = (size_t)(lx->cur - lx->tok);
    out->text = copy_text(lx, lx->tok, len);
    out->text_len = (uint32_t)len;
    if (kw_colon_follows(lx)) {
        lx->cur++;
        return TK_KW_IDENTIFIER;
    }
    if (check_glued_colon(lx, out->text, len) < 0) {
        return -1;
    }
    if (has_at) {
        char msg[320];
        snprintf(msg, sizeof msg, "invalid character \"@\" (code point U+0040) in %s: %.*s", what,
                 (int)(len > 256 ? 256 : len), out->text);
        return fail_syntax(lx, lx->tok, msg);
    }
    return 0;
}

static int lex_identifier(Lexer *lx, Token *out)
{
    int end = check_name_end(lx, out, take_at_signs(lx), "identifier");
    if (end != 0) {
        return end;
    }
    size_t len = out->text_len;
    int kw = lx->prev_kind == TK_DOT ? 0 : keyword_kind(lx->tok, len);
    if (kw == TK_AND_OP || kw == TK_OR_OP || kw == TK_UNARY_OP || kw == TK_IN_OP ||
        kw == TK_WHEN_OP) {
        return slash_follows(lx) ? TK_IDENTIFIER : kw;
    }
    if (kw) {
        return kw;
    }
    if (lx->cur < lx->lim && *lx->cur == '(') {
        return TK_PAREN_IDENTIFIER;
    }
    if (lx->prev_kind == TK_PERCENT && lx->cur < lx->lim && *lx->cur == '{') {
        return TK_STRUCT_IDENTIFIER; // `%__MODULE__{}` names a struct, it is not a call
    }
    if (lx->cur < lx->lim && *lx->cur == '[') {
        return TK_BRACKET_IDENTIFIER;
    }
    return op_identifier_follows(lx) ? TK_OP_IDENTIFIER : TK_IDENTIFIER;
}

static int lex_alias(Lexer *lx, Token *out)
{
    int end = check_name_end(lx, out, take_at_signs(lx), "alias");
    return end != 0 ? end : TK_ALIAS;
}

static void skip_comment(Lexer *lx)
{
    while (lx->cur < lx->lim && *lx->cur != '\n') {
        lx->cur++;
    }
}

// ==== The token rules ====

static bool is_operator_kind(int kind)
{
    switch (kind) {
    case TK_COMP_OP: case TK_REL_OP: case TK_ARROW_OP: case TK_CONCAT_OP: case TK_RANGE_OP:
    case TK_TERNARY_OP: case TK_XOR_OP: case TK_POWER_OP: case TK_MULT_OP: case TK_DUAL_OP:
    case TK_UNARY_OP: case TK_MATCH_OP: case TK_PIPE_OP: case TK_OR_OP: case TK_AND_OP:
    case TK_CAPTURE_OP: case TK_AT_OP: case TK_IN_MATCH_OP: case TK_TYPE_OP: case TK_STAB_OP:
    case TK_ASSOC_OP:
        return true;
    default:
        return false;
    }
}

// Operators that elixir_tokenizer reads through handle_op/handle_unary_op: followed by `/` they
// become identifiers (`&+/2`), and followed by `: ` keyword keys (`[+: 1]`).
static bool is_handled_op(int kind)
{
    return is_operator_kind(kind) && kind != TK_TERNARY_OP && kind != TK_ASSOC_OP &&
           kind != TK_CAPTURE_OP;
}

// `&` is an identifier when a single `/` follows (`&/2`, but `&//2` captures `//2`).
static bool capture_is_name(const Lexer *lx)
{
    if (!slash_follows(lx)) {
        return false;
    }
    const unsigned char *p = lx->cur;
    while (*p != '/') {
        p++;
    }
    p++;
    while (p < lx->lim && (*p == ' ' || *p == '\t')) {
        p++;
    }
    return p >= lx->lim || *p != '/';
}

static int op_token(Lexer *lx, Token *out, int kind)
{
    out->text = copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok));
    out->text_len = (uint32_t)(lx->cur - lx->tok);
    // After a dot an operator is a function name: `Kernel.+(1, 2)`.
    if (lx->prev_kind == TK_DOT && is_operator_kind(kind)) {
        return lx->cur < lx->lim && *lx->cur == '(' ? TK_PAREN_IDENTIFIER : TK_IDENTIFIER;
    }
    if (is_handled_op(kind)) {
        if (kw_colon_follows(lx)) {
            lx->cur++;
            return TK_KW_IDENTIFIER;
        }
        if (slash_follows(lx)) {
            return TK_IDENTIFIER;
        }
    }
    if (kind == TK_CAPTURE_OP && capture_is_name(lx)) {
        return TK_IDENTIFIER;
    }
    return kind;
}

// `...` is a name in Elixir 1.14's tokenizer (there is no ellipsis operator yet): `...(1)` is a
// call, `... do end` takes a block and `[...: 1]` is a keyword.
static int ellipsis_token(Lexer *lx, Token *out)
{
    out->text = copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok));
    out->text_len = (uint32_t)(lx->cur - lx->tok);
    if (kw_colon_follows(lx)) {
        lx->cur++;
        return TK_KW_IDENTIFIER;
    }
    if (lx->cur < lx->lim && *lx->cur == '(') {
        return TK_PAREN_IDENTIFIER;
    }
    return lx->cur < lx->lim && *lx->cur == '[' ? TK_BRACKET_IDENTIFIER : TK_IDENTIFIER;
}

// `%{}: `, `{}: `, `<<>>: `, `%: `, `&: `, `.: `: keyword keys that elixir_tokenizer spells out.
static int punct_keyword(Lexer *lx, Token *out)
{
    out->text = copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok - 1));
    out->text_len = (uint32_t)(lx->cur - lx->tok - 1);
    return TK_KW_IDENTIFIER;
}

// `..//` is only valid as a name (`&..///3`); elsewhere elixir_tokenizer rejects its first dot.
static int range_step_name(Lexer *lx, Token *out)
{
    if (!slash_follows(lx)) {
        return fail_unexpected_char(lx, lx->tok);
    }
    out->text = copy_text(lx, lx->tok, (size_t)(lx->cur - lx->tok));
    out->text_len = (uint32_t)(lx->cur - lx->tok);
    return TK_IDENTIFIER;
}

static int lex_atom(Lexer *lx, Token *out)
{
    out->text = copy_text(lx, lx->tok + 1, (size_t)(lx->cur - lx->tok - 1));
    out->text_len = (uint32_t)(lx->cur - lx->tok - 1);
    return TK_ATOM;
}

static int lex_one(Lexer *lx, Token *out)
{
    for (;;) {
        lx->tok = lx->cur;
        out->line = lx->line;
        out->col = lexer_column(lx, lx->tok);
    /*!re2c
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:define:YYCURSOR = "lx->cur";
        re2c:define:YYMARKER = "lx->mark";
        re2c:define:YYLIMIT = "lx->lim";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;
        re2c:define:YYGETCONDITION = "yycinit";
        re2c:define:YYSETCONDITION = "";

        id_start = [a-z_] | Ll | Lm | Lo | Nl;
        id_cont = [a-zA-Z0-9_] | L | Mn | Mc | Nd | Pc | Nl;
        ident = id_start id_cont* [?!]?;
        alias = [A-Z] [a-zA-Z0-9_]*;
        dec = [0-9]+ ("_" [0-9]+)*;
        hex = [0-9a-fA-F]+ ("_" [0-9a-fA-F]+)*;
        oct = [0-7]+ ("_" [0-7]+)*;
        bin = [01]+ ("_" [01]+)*;
        atom_op = "+" | "-" | "*" | "/" | "=" | "==" | "===" | "!=" | "!==" | "=~" | "<" | ">"
                | "<=" | ">=" | "&&" | "&&&" | "||" | "|||" | "!" | "<>" | "++" | "--" | "+++"
                | "---" | ".." | "..." | "..//" | "<-" | "->" | "=>" | "|" | "|>" | "@" | "&"
                | "^" | "^^^" | "~~~" | "\\\\" | "<<>>" | "%{}" | "{}" | "%" | "." | "**"
                | "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" | "<|>" | "//";

        <init> $ { return 0; }
        <init> [ \t]+ { out->space_before = true; continue; }
        <init> "\\" "\r"? "\n" { new_line(lx, lx->cur); out->space_before = true; continue; }
        <init> "\r"? "\n" { new_line(lx, lx->cur); return TK_EOL; }
        <init> "#" { skip_comment(lx); continue; }

        <init> "0x" hex { return check_number_end(lx, out, finish_int(lx, out, 16)); }
        <init> "0o" oct { return check_number_end(lx, out, finish_int(lx, out, 8)); }
        <init> "0b" bin { return check_number_end(lx, out, finish_int(lx, out, 2)); }
        <init> dec { return check_number_end(lx, out, finish_int(lx, out, 10)); }
        <init> dec "." dec ([eE] [+-]? dec)? {
            return check_number_end(lx, out, finish_float(lx, out));
        }
        <init> "?" { return lex_char(lx, out); }

        <init> ident { return lex_identifier(lx, out); }
        <init> alias { return lex_alias(lx, out); }
        <init> ":" (ident | alias | [a-zA-Z_] [a-zA-Z0-9_@]* [?!]?) { return lex_atom(lx, out); }
        <init> ":" atom_op { return lex_atom(lx, out); }
        <init> ":\"" { return lex_quoted_atom(lx, out, '"'); }
        <init> ":'" { return lex_quoted_atom(lx, out, '\''); }

        <init> "\"\"\"" { return lex_string(lx, out, '"', true); }
        <init> "'''" { return lex_string(lx, out, '\'', true); }
        <init> "\"" { return lex_string(lx, out, '"', false); }
        <init> "'" { return lex_string(lx, out, '\'', false); }
        <init> "~" [a-zA-Z] [/|"'([{<] { return lex_sigil(lx, out); }

        <init> "&" [0-9] { lx->cur--; return op_token(lx, out, TK_CAPTURE_INT); }
        <init> "===" | "!==" | "==" | "!=" | "=~" { return op_token(lx, out, TK_COMP_OP); }
        <init> "<=" | ">=" | "<" | ">" { return op_token(lx, out, TK_REL_OP); }
        <init> "|>" | "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" | "<|>" {
            return op_token(lx, out, TK_ARROW_OP);
        }
        <init> "<<" { return op_token(lx, out, TK_LBIT); }
        <init> ">>" { return op_token(lx, out, TK_RBIT); }
        <init> "++" | "--" | "+++" | "---" | "<>" { return op_token(lx, out, TK_CONCAT_OP); }
        <init> ".." { return op_token(lx, out, TK_RANGE_OP); }
        <init> "..." { return ellipsis_token(lx, out); }
        <init> "..//" { return range_step_name(lx, out); }
        <init> ":::" { // elixir_tokenizer reads `:::` as the atom :"::" (with a warning)
            out->text = copy_text(lx, lx->tok + 1, 2);
            out->text_len = 2;
            return TK_ATOM;
        }
        <init> ("%{}" | "{}" | "<<>>" | "%" | "&" | "." | "..//") ":" / [ \t\r\n] {
            return punct_keyword(lx, out);
        }
        <init> "//" { return op_token(lx, out, TK_TERNARY_OP); }
        <init> "^^^" { return op_token(lx, out, TK_XOR_OP); }
        <init> "**" { return op_token(lx, out, TK_POWER_OP); }
        <init> "*" | "/" { return op_token(lx, out, TK_MULT_OP); }
        <init> "+" | "-" { return op_token(lx, out, TK_DUAL_OP); }
        <init> "!" | "^" | "~~~" { return op_token(lx, out, TK_UNARY_OP); }
        <init> "=" { return op_token(lx, out, TK_MATCH_OP); }
        <init> "|" { return op_token(lx, out, TK_PIPE_OP); }
        <init> "||" | "|||" { return op_token(lx, out, TK_OR_OP); }
        <init> "&&" | "&&&" { return op_token(lx, out, TK_AND_OP); }
        <init> "&" { return op_token(lx, out, TK_CAPTURE_OP); }
        <init> "@" { return op_token(lx, out, TK_AT_OP); }
        <init> "<-" | "\\\\" { return op_token(lx, out, TK_IN_MATCH_OP); }
        <init> "::" { return op_token(lx, out, TK_TYPE_OP); }
        <init> "->" { return op_token(lx, out, TK_STAB_OP); }
        <init> "=>" { return op_token(lx, out, TK_ASSOC_OP); }

        <init> "." / "(" { return op_token(lx, out, TK_DOT_CALL_OP); }
        <init> "." { return op_token(lx, out, TK_DOT); }
        <init> "%" / "{" { return op_token(lx, out, TK_MAP_OP); }
        <init> "%" { return op_token(lx, out, TK_PERCENT); }
        <init> "(" { return op_token(lx, out, TK_LPAREN); }
        <init> ")" { return op_token(lx, out, TK_RPAREN); }
        <init> "[" { return op_token(lx, out, TK_LBRACKET); }
        <init> "]" { return op_token(lx, out, TK_RBRACKET); }
        <init> "{" { return op_token(lx, out, TK_LCURLY); }
        <init> "}" { return op_token(lx, out, TK_RCURLY); }
        <init> "," { return op_token(lx, out, TK_COMMA); }
        <init> ";" { return op_token(lx, out, TK_SEMI); }

        <init> * { return fail_unexpected_char(lx, lx->tok); }
    */
    }
}

// ==== Public API ====

void lexer_init(Lexer *lx, Arena *arena, const char *src, size_t len, const char *file,
                uint32_t line, uint32_t col, Diag *diag)
{
    memset(lx, 0, sizeof *lx);
    lx->base = (const unsigned char *)src;
    lx->cur = lx->base;
    lx->lim = lx->base + len;
    lx->line_start = lx->base;
    lx->line = line;
    lx->first_col = col;
    lx->arena = arena;
    lx->diag = diag;
    lx->file = file;
}

int lexer_next(Lexer *lx, Token *out)
{
    memset(out, 0, sizeof *out);
    int kind = lex_one(lx, out);
    if (kind > 0) {
        out->kind = kind;
        out->src = (const char *)lx->tok;
        out->src_len = (uint32_t)(lx->cur - lx->tok);
        lx->prev_kind = kind;
    }
    return kind;
}

bool lexer_is_identifier(const char *name, size_t len)
{
    Arena *arena = arena_new();
    if (arena == NULL) {
        return false;
    }
    char *copy = arena_strdup(arena, name, len);
    Diag diag;
    Lexer lx;
    Token t;
    lexer_init(&lx, arena, copy, len, "nofile", 1, 1, &diag);
    int kind = lexer_next(&lx, &t);
    bool ok = (kind == TK_IDENTIFIER || kind == TK_PAREN_IDENTIFIER ||
               kind == TK_BRACKET_IDENTIFIER || kind == TK_OP_IDENTIFIER) &&
              lx.cur == lx.lim;
    arena_free(arena);
    return ok;
}
