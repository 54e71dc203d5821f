// The blocking operations Ember offers (file system and stdin), each packaged as an IoJob
// (io_pool.h): the arguments are copied out of the caller's heap into C memory, the work runs
// on a pool thread (or inline when there is no pool), and the result is rebuilt as the term
// Elixir's function returns ({:ok, data}, {:error, :enoent}, true, :eof ...). The entry point
// is :ember_io.submit/2 (vm/bi_file.c), behind stdlib/file.ex and stdlib/io.ex.
#ifndef EMBER_VM_IO_JOBS_H
#define EMBER_VM_IO_JOBS_H

#include <stdbool.h>
#include <stdint.h>

#include "term.h"
#include "types.h"

// Operation, atom name for :ember_io.submit/2, argument count, the Elixir function it serves.
#define IO_OPS(X)                                                     \
    X(READ_FILE, "read_file", 1)   /* File.read(path)                */ \
    X(WRITE_FILE, "write_file", 3) /* File.write(path, iodata, modes) */ \
    X(EXISTS, "exists", 1)         /* File.exists?(path)              */ \
    X(IS_DIR, "dir", 1)            /* File.dir?(path)                 */ \
    X(IS_REGULAR, "regular", 1)    /* File.regular?(path)             */ \
    X(LS, "ls", 1)                 /* File.ls(path)                   */ \
    X(RM, "rm", 1)                 /* File.rm(path)                   */ \
    X(RMDIR, "rmdir", 1)           /* File.rmdir(path)                */ \
    X(MKDIR, "mkdir", 1)           /* File.mkdir(path)                */ \
    X(MKDIR_P, "mkdir_p", 1)       /* File.mkdir_p(path)              */ \
    X(RENAME, "rename", 2)         /* File.rename(from, to)           */ \
    X(READ_STDIN, "read_stdin", 1) /* IO.read/gets: :line, :eof, :all or a count */

typedef enum IoOp {
#define X(id, name, argc) IO_OP_##id,
    IO_OPS(X)
#undef X
    IO_OP_COUNT
} IoOp;

// Starts [op] with [args] asynchronously: returns a new ref at once; the result arrives as the
// message {:"$ember_io", ref, result}. Without a pool the job runs inline and the message is
// sent to [p] before this returns. TERM_NONE after raising (bad arguments).
Term io_jobs_submit(Process *p, IoOp op, const Term *args);

// The operation named by atom [name] taking [argc] arguments; false when there is none.
bool io_jobs_find(Process *p, Term name, uint32_t argc, IoOp *out);

#endif
