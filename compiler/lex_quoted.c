// The lexer's hand-written scanners for quoted text: strings, charlists, heredocs, sigils and
// quoted atoms, with their escapes and `#{...}` interpolations, whose closing brace is found by
// running a nested lexer over the body. The re2c rules in lexer.re match the opening and hand
// over to lx_lex_string, lx_lex_quoted_atom or lx_lex_sigil. Invariant: nothing past lim is read,
// and a missing terminator is a TokenMissingError (incomplete), never an abort.
#include "lexer_internal.h"

#include <stdio.h>
#include <string.h>

#include "parser.h"

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
    return lx_fail_at(lx, "TokenMissingError", lx->line, lexer_column(lx, lx->lim), msg, true);
}

// Reads up to [max] hex digits at *p; returns how many were read.
static int read_hex(const unsigned char **p, const unsigned char *lim, int max, uint32_t *out)
{
    int n = 0;
    uint32_t v = 0;
    while (n < max && *p < lim && lx_hex_value(**p) >= 0) {
        v = v * 16 + (uint32_t)lx_hex_value(**p);
        (*p)++;
        n++;
    }
    *out = v;
    return n;
}

// Decodes the escape after a backslash at *p (which points past the backslash).
static int read_escape(Lexer *lx, const Quote *q, const unsigned char **p, Buf *b)
{
    const unsigned char *s = *p;
    unsigned char c = *s++;
    uint32_t cp = 0;
    unsigned char byte = 0;
    if (lx_simple_escape(c, &byte)) {
        buf_put(lx, b, &byte, 1);
    } else if (c == 'x') {
        if (read_hex(&s, lx->lim, 2, &cp) == 0) {
            return lx_fail_syntax(lx, s, "invalid hex escape character, expected \\xHH where H "
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
            return lx_fail_syntax(lx, s, "invalid Unicode escape, expected \\uHHHH or \\u{H*} "
                                         "with a valid code point");
        }
        s += braced;
        buf_put_cp(lx, b, cp);
    } else if (c == '\n') {
        lx_new_line(lx, s);
    } else if (c == '\r' && s < lx->lim && *s == '\n') {
        s++;
        lx_new_line(lx, s);
    } else {
        int n = lx_utf8_decode(s - 1, lx->lim, &cp);
        if (n == 0) {
            return lx_fail_unexpected_char(lx, s - 1);
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
        lx_fail_syntax(lx, body, "nesting too deep");
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
            lx_new_line(lx, s + 1);
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
            lx_new_line(lx, p);
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
        return lx_fail_syntax(lx, lx->tok, q->close == '"'
            ? "heredoc allows only zero or more whitespace characters followed by a new line "
              "after \"\"\""
            : "heredoc allows only zero or more whitespace characters followed by a new line "
              "after '''");
    }
    lx_new_line(lx, p + 1);
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

// `x."foo"()`: after a dot, a quoted text without interpolation names the function.
static int quoted_call_name(Lexer *lx, Token *out, const Quote *q)
{
    for (uint32_t i = 0; i < q->nparts; i++) {
        if (q->parts[i].is_expr) {
            char msg[128];
            snprintf(msg, sizeof msg, "interpolation is not allowed when calling function/macro. "
                     "Found interpolation in a call starting with: %c", q->close);
            return lx_fail_at(lx, "SyntaxError", out->line, out->col, msg, false);
        }
    }
    out->is_quoted = true;
    if (lx->cur < lx->lim && *lx->cur == '(') {
        return TK_PAREN_IDENTIFIER;
    }
    return lx->cur < lx->lim && *lx->cur == '[' ? TK_BRACKET_IDENTIFIER : TK_IDENTIFIER;
}

int lx_lex_string(Lexer *lx, Token *out, unsigned char delim, bool heredoc)
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
    if (!heredoc && lx_kw_colon_follows(lx)) {
        lx->cur++;
        out->is_quoted = true;
        return TK_KW_IDENTIFIER;
    }
    return chars ? TK_CHARLIST : TK_STRING;
}

int lx_lex_quoted_atom(Lexer *lx, Token *out, unsigned char delim)
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

int lx_lex_sigil(Lexer *lx, Token *out)
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
    out->mods = lx_copy_text(lx, lx->cur, (size_t)(m - lx->cur));
    out->mods_len = (uint32_t)(m - lx->cur);
    lx->cur = m;
    return TK_SIGIL;
}

// Appends code point [cp] to [out] as UTF-8; returns the bytes written.
static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t lx_unescape_sigil(const char *src, size_t len, char *out, bool chars)
{
    const unsigned char *p = (const unsigned char *)src;
    const unsigned char *lim = p + len;
    size_t n = 0;
    while (p < lim) {
        if (*p != '\\' || p + 1 >= lim) {
            out[n++] = (char)*p++;
            continue;
        }
        unsigned char c = p[1];
        unsigned char byte;
        uint32_t cp;
        p += 2;
        if (lx_simple_escape(c, &byte)) {
            out[n++] = (char)byte;
        } else if (c == 'x' && read_hex(&p, lim, 2, &cp) > 0) {
            n += chars ? put_utf8(out + n, cp) : (out[n] = (char)cp, 1);
        } else if (c == 'u') {
            bool braced = p < lim && *p == '{';
            p += braced;
            read_hex(&p, lim, braced ? 6 : 4, &cp);
            p += braced && p < lim && *p == '}';
            n += put_utf8(out + n, cp > 0x10FFFF ? 0xFFFD : cp);
        } else if (c == '\n') {
            // a backslash at the end of a line continues it
        } else {
            out[n++] = (char)c;
        }
    }
    return n;
}
