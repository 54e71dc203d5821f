// :ember_io.submit/2, the entry point of the I/O pool for Ember code: stdlib/file.ex (File.*)
// and stdlib/io.ex (IO.gets, IO.read) call it with an operation name and its arguments, then
// wait in a receive for {:"$ember_io", ref, result}. The operations live in vm/io_jobs.c.
#include "builtins.h"

#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "bi_common.h"
#include "io_jobs.h"

// Most arguments an operation takes (IO_OPS in io_jobs.h).
#define SUBMIT_MAX_ARGS 4

// :ember_io.submit(op, args): starts operation [op] (an IO_OPS name such as :read_file) with
// the argument list [args] and returns the ref its reply message will carry.
Term bi_ember_io_submit_2(Process *p, Term *args)
{
    Term argv[SUBMIT_MAX_ARGS];
    uint32_t argc = 0;
    Term list = args[1];
    while (term_is_cons(list) && argc < SUBMIT_MAX_ARGS) {
        argv[argc++] = term_cons_ptr(list)[0];
        list = term_cons_ptr(list)[1];
    }
    IoOp op;
    if (list != TERM_NIL || !term_is_atom(args[0]) || !io_jobs_find(p, args[0], argc, &op)) {
        return bi_badarg(p, 1, "not a known I/O operation with matching arguments");
    }
    return io_jobs_submit(p, op, argv);
}

// File.cwd/0: {:ok, the current working directory} or {:error, :enoent} when it was removed
// ({:error, :eacces} when it cannot be read). A getcwd call does not block, so it runs here
// rather than on the I/O pool.
Term bi_file_cwd_0(Process *p, Term *args)
{
    (void)args;
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL) {
        return bi_tuple2(p, bi_atom(p, "error"), bi_atom(p, errno == EACCES ? "eacces" : "enoent"));
    }
    return bi_ok(p, bi_binary_from_cstr(p, buf));
}
