// The calendar sigils ~D, ~T, ~N and ~U: the ISO 8601 text is parsed at compile time and the
// sigil becomes the struct literal (%{__struct__: Date, calendar: Calendar.ISO, ...}), as
// Elixir's Kernel.sigil_D/2 macro does; bad text is the ArgumentError Elixir raises while
// expanding the macro.
#include "codegen.h"

#include <stdio.h>
#include <string.h>

typedef struct Parsed {
    long long year, month, day, hour, minute, second, usec, precision;
} Parsed;

typedef enum ParseResult { PARSE_OK, PARSE_BAD_FORMAT, PARSE_BAD_DATE, PARSE_BAD_TIME } ParseResult;

// Reads exactly [count] digits (at least [count] when [more]) at [*p] into [*out].
static bool read_digits(const char **p, const char *end, int count, bool more, long long *out)
{
    long long v = 0;
    int n = 0;
    while (*p < end && **p >= '0' && **p <= '9' && (more || n < count) && n < 12) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    return n >= count;
}

static bool accept(const char **p, const char *end, char c)
{
    if (*p < end && **p == c) {
        (*p)++;
        return true;
    }
    return false;
}

static bool parse_date(const char **p, const char *end, Parsed *r)
{
    bool negative = accept(p, end, '-');
    if (!read_digits(p, end, 4, true, &r->year) || !accept(p, end, '-') ||
        !read_digits(p, end, 2, false, &r->month) || !accept(p, end, '-') ||
        !read_digits(p, end, 2, false, &r->day)) {
        return false;
    }
    r->year = negative ? -r->year : r->year;
    return true;
}

static bool parse_time(const char **p, const char *end, Parsed *r)
{
    if (!read_digits(p, end, 2, false, &r->hour) || !accept(p, end, ':') ||
        !read_digits(p, end, 2, false, &r->minute) || !accept(p, end, ':') ||
        !read_digits(p, end, 2, false, &r->second)) {
        return false;
    }
    r->usec = 0;
    r->precision = 0;
    if (accept(p, end, '.') || accept(p, end, ',')) {
        int n = 0;
        while (*p < end && **p >= '0' && **p <= '9') {
            if (n < 6) {
                r->usec = r->usec * 10 + (**p - '0');
            }
            n++;
            (*p)++;
        }
        if (n == 0) {
            return false;
        }
        r->precision = n < 6 ? n : 6;
        for (int i = n; i < 6; i++) {
            r->usec *= 10;
        }
    }
    return true;
}

static bool date_valid(const Parsed *r)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (r->month < 1 || r->month > 12 || r->day < 1) {
        return false;
    }
    bool leap = (r->year % 4 == 0 && r->year % 100 != 0) || r->year % 400 == 0;
    return r->day <= days[r->month - 1] + (r->month == 2 && leap ? 1 : 0);
}

static bool time_valid(const Parsed *r)
{
    return r->hour <= 23 && r->minute <= 59 && r->second <= 59;
}

static ParseResult parse(char kind, const char *s, size_t len, Parsed *r)
{
    const char *p = s;
    const char *end = s + len;
    bool has_date = kind != 'T';
    bool has_time = kind != 'D';
    if (has_date && !parse_date(&p, end, r)) {
        return PARSE_BAD_FORMAT;
    }
    if (has_date && has_time && !accept(&p, end, ' ') && !accept(&p, end, 'T')) {
        return PARSE_BAD_FORMAT;
    }
    if (has_time && !parse_time(&p, end, r)) {
        return PARSE_BAD_FORMAT;
    }
    if (kind == 'U' && !accept(&p, end, 'Z')) {
        return PARSE_BAD_FORMAT;
    }
    if (p != end) {
        return PARSE_BAD_FORMAT;
    }
    if (has_date && !date_valid(r)) {
        return PARSE_BAD_DATE;
    }
    return has_time && !time_valid(r) ? PARSE_BAD_TIME : PARSE_OK;
}

static void push_pair(Cg *cg, AstNode *map, uint32_t line, const char *key, AstNode *value)
{
    AstNode *pair = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, line, key));
    ast_push(cg->arena, pair, value);
    ast_push(cg->arena, map, pair);
}

static void push_int(Cg *cg, AstNode *map, uint32_t line, const char *key, long long v)
{
    AstNode *i = cg_node(cg, AST_INT, line, NULL);
    i->ival = v;
    push_pair(cg, map, line, key, i);
}

AstNode *sigil_calendar_expand(Cg *cg, const AstNode *n, const char *text, size_t len)
{
    static const char *const modules[][2] = {
        {"D", "Date"}, {"T", "Time"}, {"N", "NaiveDateTime"}, {"U", "UTC DateTime"}};
    char kind = n->text[6];
    const char *what = "";
    for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++) {
        what = modules[i][0][0] == kind ? modules[i][1] : what;
    }
    Parsed r = {0};
    ParseResult res = parse(kind, text, len, &r);
    if (res != PARSE_OK) {
        static const char *const reasons[] = {"", "invalid_format", "invalid_date",
                                              "invalid_time"};
        bool had_error = cg->failed;
        cg_error(cg, n->line, "cannot parse \"%.*s\" as %s for Calendar.ISO, reason: :%s",
                 (int)len, text, what, reasons[res]);
        if (!had_error) {
            snprintf(cg->diag->kind, sizeof cg->diag->kind, "ArgumentError");
        }
        return NULL;
    }
    uint32_t line = n->line;
    AstNode *map = cg_node(cg, AST_CALL, line, "%{}");
    const char *module = kind == 'D'   ? "Elixir.Date"
                         : kind == 'T' ? "Elixir.Time"
                         : kind == 'N' ? "Elixir.NaiveDateTime"
                                       : "Elixir.DateTime";
    push_pair(cg, map, line, "__struct__", cg_node(cg, AST_ATOM, line, module));
    push_pair(cg, map, line, "calendar", cg_node(cg, AST_ATOM, line, "Elixir.Calendar.ISO"));
    if (kind != 'T') {
        push_int(cg, map, line, "year", r.year);
        push_int(cg, map, line, "month", r.month);
        push_int(cg, map, line, "day", r.day);
    }
    if (kind != 'D') {
        push_int(cg, map, line, "hour", r.hour);
        push_int(cg, map, line, "minute", r.minute);
        push_int(cg, map, line, "second", r.second);
        AstNode *us = cg_node(cg, AST_TUPLE, line, NULL);
        AstNode *v = cg_node(cg, AST_INT, line, NULL);
        AstNode *prec = cg_node(cg, AST_INT, line, NULL);
        v->ival = r.usec;
        prec->ival = r.precision;
        ast_push(cg->arena, us, v);
        ast_push(cg->arena, us, prec);
        push_pair(cg, map, line, "microsecond", us);
    }
    if (kind == 'U') {
        AstNode *zone = cg_node(cg, AST_STRING, line, "Etc/UTC");
        AstNode *abbr = cg_node(cg, AST_STRING, line, "UTC");
        push_pair(cg, map, line, "time_zone", zone);
        push_pair(cg, map, line, "zone_abbr", abbr);
        push_int(cg, map, line, "utc_offset", 0);
        push_int(cg, map, line, "std_offset", 0);
    }
    return map;
}
