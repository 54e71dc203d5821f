// ISO 8601 text of the calendar structs, table-driven: each struct module names its sigil and
// which parts (date, time, UTC zone) it has; Calendar.ISO's date_to_string/time_to_string rules.
#include "inspect_calendar.h"

#include <stdio.h>
#include <string.h>

#include "atom.h"
#include "map.h"
#include "vm.h"

typedef struct CalendarKind {
    const char *module;
    char sigil;
    bool has_date;
    bool has_time;
    bool is_utc; // DateTime: only Etc/UTC with zero offsets prints as ~U[...Z]
} CalendarKind;

static const CalendarKind kinds[] = {
    {"Elixir.Date", 'D', true, false, false},
    {"Elixir.Time", 'T', false, true, false},
    {"Elixir.NaiveDateTime", 'N', true, true, false},
    {"Elixir.DateTime", 'U', true, true, true},
};

static bool field(Vm *vm, Term map, const char *name, Term *out)
{
    uint32_t id;
    return atom_lookup(vm->atoms, name, strlen(name), &id) && map_get(map, term_from_atom(id), out);
}

static bool int_field(Vm *vm, Term map, const char *name, long long *out)
{
    Term t;
    if (!field(vm, map, name, &t) || !term_is_small(t)) {
        return false;
    }
    *out = (long long)term_to_small(t);
    return true;
}

static bool atom_is(Vm *vm, Term t, const char *text)
{
    if (!term_is_atom(t)) {
        return false;
    }
    size_t len;
    const char *name = atom_name(vm->atoms, term_to_atom(t), &len);
    return len == strlen(text) && memcmp(name, text, len) == 0;
}

static bool binary_is(Term t, const char *text)
{
    if (!term_is_binary(t)) {
        return false;
    }
    size_t len;
    const uint8_t *b = term_binary_bytes(t, &len);
    return len == strlen(text) && memcmp(b, text, len) == 0;
}

static const CalendarKind *find_kind(Vm *vm, Term map)
{
    Term name = map_struct_name(map);
    Term calendar;
    if (name == TERM_NONE || !field(vm, map, "calendar", &calendar) ||
        !atom_is(vm, calendar, "Elixir.Calendar.ISO")) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (atom_is(vm, name, kinds[i].module)) {
            return &kinds[i];
        }
    }
    return NULL;
}

static bool append_date(Vm *vm, Term map, StrBuf *out)
{
    long long y, m, d;
    if (!int_field(vm, map, "year", &y) || !int_field(vm, map, "month", &m) ||
        !int_field(vm, map, "day", &d)) {
        return false;
    }
    strbuf_printf(out, "%s%04lld-%02lld-%02lld", y < 0 ? "-" : "", y < 0 ? -y : y, m, d);
    return true;
}

static bool append_time(Vm *vm, Term map, StrBuf *out)
{
    long long h, mi, s;
    Term us;
    if (!int_field(vm, map, "hour", &h) || !int_field(vm, map, "minute", &mi) ||
        !int_field(vm, map, "second", &s) || !field(vm, map, "microsecond", &us) ||
        !term_is_tuple(us) || term_tuple_arity(us) != 2 ||
        !term_is_small(term_tuple_elems(us)[0]) || !term_is_small(term_tuple_elems(us)[1])) {
        return false;
    }
    long long value = (long long)term_to_small(term_tuple_elems(us)[0]);
    long long precision = (long long)term_to_small(term_tuple_elems(us)[1]);
    if (value < 0 || value > 999999 || precision < 0 || precision > 6) {
        return false;
    }
    strbuf_printf(out, "%02lld:%02lld:%02lld", h, mi, s);
    if (precision > 0) {
        char digits[8];
        snprintf(digits, sizeof digits, "%06lld", value);
        strbuf_printf(out, ".%.*s", (int)precision, digits);
    }
    return true;
}

bool inspect_calendar_text(Vm *vm, Term map, StrBuf *out, char *sigil)
{
    if (!term_is_map(map)) {
        return false;
    }
    const CalendarKind *k = find_kind(vm, map);
    if (k == NULL) {
        return false;
    }
    Term zone;
    long long utc_offset, std_offset;
    if (k->is_utc && (!field(vm, map, "time_zone", &zone) || !binary_is(zone, "Etc/UTC") ||
                      !int_field(vm, map, "utc_offset", &utc_offset) ||
                      !int_field(vm, map, "std_offset", &std_offset) || utc_offset != 0 ||
                      std_offset != 0)) {
        return false;
    }
    size_t mark = out->len;
    bool ok = !k->has_date || append_date(vm, map, out);
    if (ok && k->has_date && k->has_time) {
        strbuf_append_cstr(out, " ");
    }
    ok = ok && (!k->has_time || append_time(vm, map, out));
    if (ok && k->is_utc) {
        strbuf_append_cstr(out, "Z");
    }
    if (!ok) {
        out->len = mark;
        if (out->data != NULL) {
            out->data[mark] = '\0';
        }
        return false;
    }
    if (sigil != NULL) {
        *sigil = k->sigil;
    }
    return true;
}
