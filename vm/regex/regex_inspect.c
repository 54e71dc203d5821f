// ~r/.../ text for inspect: Elixir 1.14's Inspect.Regex escaping rules, over raw source bytes.
#include "regex_inspect.h"

#include <stdio.h>
#include <string.h>

#include "atom.h"
#include "map.h"
#include "vm.h"

static bool field(Vm *vm, Term map, const char *name, size_t len, Term *out)
{
    uint32_t atom;
    return atom_lookup(vm->atoms, name, len, &atom) && map_get(map, term_from_atom(atom), out);
}

bool regex_inspect_fields(Vm *vm, Term map, Term *source, Term *opts)
{
    Term name;
    uint32_t regex;
    return term_is_map(map) && field(vm, map, "__struct__", 10, &name) &&
           atom_lookup(vm->atoms, "Elixir.Regex", 12, &regex) && name == term_from_atom(regex) &&
           field(vm, map, "source", 6, source) && term_is_binary(*source) &&
           field(vm, map, "opts", 4, opts);
}

// The length of the printable UTF-8 character at [s] (Elixir's printable ranges), 0 if none.
static size_t printable_char(const uint8_t *s, size_t left)
{
    uint8_t c = s[0];
    if (c >= 0x20 && c <= 0x7E) {
        return 1;
    }
    size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || n > left) {
        return 0;
    }
    uint32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            return 0;
        }
        cp = cp << 6 | (s[k] & 0x3F);
    }
    bool ok = (n == 2 && cp >= 0xA0) || (n == 3 && cp >= 0x800 && cp <= 0xD7FF) ||
              (n == 3 && cp >= 0xE000 && cp <= 0xFFFD) || (n == 4 && cp >= 0x10000 && cp <= 0x10FFFF);
    return ok ? n : 0;
}

void regex_inspect_sigil(const uint8_t *src, size_t size, const uint8_t *opts, size_t opts_size,
                         StrBuf *out)
{
    static const char controls[] = "\n\r\t\v\f\a";
    static const char letters[] = "nrtvfa";
    strbuf_append_cstr(out, "~r/");
    for (size_t i = 0; i < size;) {
        uint8_t c = src[i];
        const char *ctl = c != 0 ? strchr(controls, c) : NULL;
        size_t n;
        if (c == '\\' && i + 1 < size && printable_char(src + i + 1, size - i - 1) == 1) {
            strbuf_append(out, src + i, 2); // an escape pair stays as written (\/ included)
            i += 2;
        } else if (c == '/') {
            strbuf_append_cstr(out, "\\/");
            i++;
        } else if (ctl != NULL) {
            strbuf_printf(out, "\\%c", letters[ctl - controls]);
            i++;
        } else if ((n = printable_char(src + i, size - i)) > 0) {
            strbuf_append(out, src + i, n);
            i += n;
        } else {
            strbuf_printf(out, "\\x%02X", c);
            i++;
        }
    }
    strbuf_append_cstr(out, "/");
    strbuf_append(out, opts, opts_size);
}
