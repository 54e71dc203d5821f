// IO built-ins: puts/write/inspect to stdout or stderr, and iodata helpers. Reading stdin
// (IO.gets, IO.read) is stdlib/io.ex on the I/O pool.
// Each call renders its whole output first and hands it to stdio in a single fwrite, so
// lines written by different processes never interleave inside one call's output.
#include "builtins.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bi_common.h"

// The stream named by device [dev] (:stdio, :stdout, :stderr, :standard_error), or NULL.
static FILE *device_stream(Process *p, Term dev)
{
    if (!term_is_atom(dev)) {
        return NULL;
    }
    const char *name = bi_atom_text(p, dev, NULL);
    if (strcmp(name, "stdio") == 0 || strcmp(name, "stdout") == 0) {
        return stdout;
    }
    if (strcmp(name, "stderr") == 0 || strcmp(name, "standard_error") == 0) {
        return stderr;
    }
    return NULL;
}

// Appends [item] as IO.puts/IO.write render it: chardata as is, else to_string.
// Returns false after raising.
static bool append_chardata(Process *p, Term item, StrBuf *out)
{
    if (term_is_list(item) || term_is_binary(item)) {
        if (!bi_chardata_append(item, out)) {
            bi_badarg(p, 1, "not valid character data (an iodata term)");
            return false;
        }
        return true;
    }
    Term s = bi_kernel_to_string_1(p, &item);
    if (s == TERM_NONE) {
        return false;
    }
    size_t size;
    const uint8_t *bytes = term_binary_bytes(s, &size);
    strbuf_append(out, bytes, size);
    return true;
}

// Writes [item] to [dev], followed by a newline when [newline].
static Term write_item(Process *p, Term dev, Term item, bool newline)
{
    FILE *stream = device_stream(p, dev);
    if (stream == NULL) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    StrBuf b;
    strbuf_init(&b);
    if (!append_chardata(p, item, &b)) {
        strbuf_free(&b);
        return TERM_NONE;
    }
    if (newline) {
        strbuf_append(&b, "\n", 1);
    }
    if (stream == stderr) {
        fflush(stdout); // keep the interleaving a terminal would show
    }
    fwrite(b.data, 1, b.len, stream);
    strbuf_free(&b);
    return term_from_atom(ATOM_ok);
}

Term bi_io_puts_1(Process *p, Term *args)
{
    return write_item(p, bi_atom(p, "stdio"), args[0], true);
}

Term bi_io_puts_2(Process *p, Term *args) { return write_item(p, args[0], args[1], true); }

Term bi_io_write_1(Process *p, Term *args)
{
    return write_item(p, bi_atom(p, "stdio"), args[0], false);
}

Term bi_io_write_2(Process *p, Term *args) { return write_item(p, args[0], args[1], false); }

// IO.inspect: writes "[label: ]inspect(item)\n" to [dev] and returns [item].
static Term inspect_to(Process *p, Term dev, Term item, Term opts_kw)
{
    FILE *stream = device_stream(p, dev);
    InspectOpts opts = inspect_default_opts();
    opts.pretty = true;
    Term label;
    if (stream == NULL || !bi_inspect_opts(p, opts_kw, &opts, &label)) {
        return bi_function_clause(p, "IO.inspect/3");
    }
    StrBuf b;
    strbuf_init(&b);
    if (label != TERM_NONE) {
        if (!append_chardata(p, label, &b)) {
            strbuf_free(&b);
            return TERM_NONE;
        }
        strbuf_append(&b, ": ", 2);
    }
    inspect_term(p->vm, item, &opts, &b);
    strbuf_append(&b, "\n", 1);
    if (stream == stderr) {
        fflush(stdout);
    }
    fwrite(b.data, 1, b.len, stream);
    strbuf_free(&b);
    return item;
}

Term bi_io_inspect_1(Process *p, Term *args)
{
    return inspect_to(p, bi_atom(p, "stdio"), args[0], TERM_NIL);
}

Term bi_io_inspect_2(Process *p, Term *args)
{
    return inspect_to(p, bi_atom(p, "stdio"), args[0], args[1]);
}

Term bi_io_inspect_3(Process *p, Term *args) { return inspect_to(p, args[0], args[1], args[2]); }

Term bi_io_iodata_to_binary_1(Process *p, Term *args)
{
    if (term_is_binary(args[0])) {
        return args[0];
    }
    StrBuf b;
    strbuf_init(&b);
    bool ok = bi_iodata_append(args[0], &b);
    Term r = ok ? bi_binary_from_buf(p, &b) : bi_badarg(p, 1, "not an iodata term");
    strbuf_free(&b);
    return r;
}

Term bi_io_iodata_length_1(Process *p, Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    bool ok = bi_iodata_append(args[0], &b);
    Term r = ok ? term_from_small((int64_t)b.len) : bi_badarg(p, 1, "not an iodata term");
    strbuf_free(&b);
    return r;
}

Term bi_io_chardata_to_string_1(Process *p, Term *args)
{
    if (term_is_binary(args[0])) {
        return args[0];
    }
    StrBuf b;
    strbuf_init(&b);
    bool ok = bi_chardata_append(args[0], &b);
    Term r = ok ? bi_binary_from_buf(p, &b) : bi_function_clause(p, "IO.chardata_to_string/1");
    strbuf_free(&b);
    return r;
}
