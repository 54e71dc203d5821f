// :queue.in/2, the one function of Erlang's queue module whose name Elixir code cannot define
// (`in` is an operator); the rest is stdlib/erlang_queue.ex. Same representation as OTP.
#include "bi_common.h"
#include "builtins.h"

// in(x, {[_] = r, []}) -> {[x], r}; in(x, {r, f}) -> {[x | r], f}.
Term bi_queue_in_2(Process *p, Term *args)
{
    Term q = args[1];
    if (!term_is_tuple(q) || term_tuple_arity(q) != 2 || !term_is_list(term_tuple_elems(q)[0]) ||
        !term_is_list(term_tuple_elems(q)[1])) {
        return bi_badarg(p, 2, "not a queue");
    }
    Term rear = term_tuple_elems(q)[0];
    Term front = term_tuple_elems(q)[1];
    if (front == TERM_NIL && term_is_cons(rear) && term_tl(rear) == TERM_NIL) {
        return bi_tuple2(p, term_make_cons(p, args[0], TERM_NIL), rear);
    }
    return bi_tuple2(p, term_make_cons(p, args[0], rear), front);
}
