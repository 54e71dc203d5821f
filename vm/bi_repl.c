// :ember_repl, the shell's side of the meeting point in repl.h: the keeper process
// (stdlib/repl.ex) announces that it is ready for input, and formats an error the way iex
// prints it.
#include <stdlib.h>

#include "bi_common.h"
#include "builtins.h"
#include "error.h"
#include "inspect.h"
#include "repl.h"
#include "vm.h"

// :ember_repl.ready(names, counter): the bindings' names (atoms, in the order the next input's
// arguments take them) and the number of the next prompt.
Term bi_ember_repl_ready_2(Process *p, Term *args)
{
    if (p->vm->repl == NULL) {
        return bi_badarg(p, 1, "not running in the shell");
    }
    const char *names[COMPILE_REPL_MAX_BINDINGS];
    uint32_t count = 0;
    Term list = args[0];
    for (; term_is_cons(list) && count < COMPILE_REPL_MAX_BINDINGS; list = term_tl(list)) {
        if (!term_is_atom(term_hd(list))) {
            return bi_badarg(p, 1, "not a list of atoms");
        }
        names[count++] = bi_atom_text(p, term_hd(list), NULL);
    }
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0) {
        return bi_badarg(p, 2, "not a non-negative integer");
    }
    repl_set_ready(p->vm->repl, names, count, (uint32_t)term_to_small(args[1]));
    return term_from_atom(ATOM_ok);
}

// :ember_repl.format_error(kind, reason, stack, message): "** (Kind) message\n" and the stack
// lines, as a binary; [message] is the exception's own message/1 result or nil.
Term bi_ember_repl_format_error_4(Process *p, Term *args)
{
    StrBuf text;
    strbuf_init(&text);
    Term message = term_is_binary(args[3]) ? args[3] : TERM_NONE;
    error_format(p->vm, args[0], args[1], args[2], message, ERROR_STYLE_UNCAUGHT, &text);
    Term result = bi_binary_from_buf(p, &text);
    strbuf_free(&text);
    return result;
}
