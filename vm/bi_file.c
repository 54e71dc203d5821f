// File built-ins (File.read, File.write, File.ls ...) and :ember_io.submit/2. Each packs its
// arguments into an I/O job (io_jobs.c). The File.* rows run the job inline (synchronously);
// :ember_io.submit/2 hands it to the I/O pool and returns a ref, for Ember code that waits in
// a receive for {:"$ember_io", ref, result}. The bang variants and File.Error live in
// stdlib/file.ex.
#include "builtins.h"

#include "bi_common.h"
#include "io_jobs.h"

Term bi_file_read_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_READ_FILE, args); }

Term bi_file_write_2(Process *p, Term *args)
{
    Term full[3] = {args[0], args[1], TERM_NIL};
    return io_jobs_call(p, IO_OP_WRITE_FILE, full);
}

Term bi_file_write_3(Process *p, Term *args) { return io_jobs_call(p, IO_OP_WRITE_FILE, args); }

Term bi_file_exists_p_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_EXISTS, args); }

Term bi_file_dir_p_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_IS_DIR, args); }

Term bi_file_regular_p_1(Process *p, Term *args)
{
    return io_jobs_call(p, IO_OP_IS_REGULAR, args);
}

Term bi_file_ls_0(Process *p, Term *args)
{
    (void)args;
    Term dot = bi_binary_from_cstr(p, ".");
    return io_jobs_call(p, IO_OP_LS, &dot);
}

Term bi_file_ls_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_LS, args); }

Term bi_file_rm_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_RM, args); }

Term bi_file_rmdir_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_RMDIR, args); }

Term bi_file_mkdir_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_MKDIR, args); }

Term bi_file_mkdir_p_1(Process *p, Term *args) { return io_jobs_call(p, IO_OP_MKDIR_P, args); }

Term bi_file_rename_2(Process *p, Term *args) { return io_jobs_call(p, IO_OP_RENAME, args); }

// :ember_io.submit(op, args): starts operation [op] (an IO_OPS name such as :read_file) with
// the argument list [args] and returns the ref its reply message will carry.
Term bi_ember_io_submit_2(Process *p, Term *args)
{
    Term argv[4];
    uint32_t argc = 0;
    Term list = args[1];
    while (term_is_cons(list) && argc < 4) {
        argv[argc++] = term_cons_ptr(list)[0];
        list = term_cons_ptr(list)[1];
    }
    IoOp op;
    if (list != TERM_NIL || !term_is_atom(args[0]) || !io_jobs_find(p, args[0], argc, &op)) {
        return bi_badarg(p, 1, "not a known I/O operation with matching arguments");
    }
    return io_jobs_submit(p, op, argv);
}
