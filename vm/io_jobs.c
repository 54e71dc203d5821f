// The file-system and stdin jobs behind File.* and IO.gets/IO.read. One job struct serves
// every operation: building it copies the arguments into C memory (so a pool thread never
// reads a process heap), run does the system calls and keeps errno, reply turns the outcome
// into the term Elixir returns. POSIX errors become Erlang's atoms (:enoent, :eexist ...).
#include "io_jobs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bi_common.h"
#include "inspect.h"
#include "io_pool.h"
#include "process.h"
#include "vm.h"

// Permissions of files and directories created by File.write / File.mkdir (umask applies).
#define NEW_FILE_MODE 0666
#define NEW_DIR_MODE 0777

typedef struct FileJob {
    IoJob base;
    IoOp op;
    char *path;        // first path argument (NUL-terminated copy), or NULL
    char *path2;       // RENAME: the destination
    StrBuf data;       // WRITE_FILE: the bytes; results: file contents, stdin data, ls names
    bool append;       // WRITE_FILE: [:append] given
    IoStdinMode mode;  // READ_STDIN
    size_t count;      // READ_STDIN with IO_STDIN_CHARS
    bool eof_atom;     // READ_STDIN: nothing read answers :eof (else "")
    bool bad_data;     // WRITE_FILE: the data was not iodata
    int err;           // errno of the failure, 0 on success
    bool flag;         // EXISTS / IS_DIR / IS_REGULAR: the answer; READ_STDIN: hit end of input
    size_t name_count; // LS: NUL-separated names in data
} FileJob;

// ==== errno -> posix atom ====

static const struct {
    int code;
    const char *name;
} posix_names[] = {
    {ENOENT, "enoent"},   {EACCES, "eacces"},   {EEXIST, "eexist"},     {EISDIR, "eisdir"},
    {ENOTDIR, "enotdir"}, {ENOSPC, "enospc"},   {ENOTEMPTY, "eexist"},  {EROFS, "erofs"},
    {EPERM, "eperm"},     {EBADF, "ebadf"},     {EINVAL, "einval"},     {ELOOP, "eloop"},
    {EMFILE, "emfile"},   {ENFILE, "enfile"},   {ENAMETOOLONG, "enametoolong"},
    {EBUSY, "ebusy"},     {EXDEV, "exdev"},     {EFBIG, "efbig"},       {EAGAIN, "eagain"},
    {ENOMEM, "enomem"},   {EDQUOT, "edquot"},   {ETXTBSY, "etxtbsy"},   {EIO, "eio"},
};

static Term posix_atom(Process *p, int err)
{
    for (size_t i = 0; i < sizeof posix_names / sizeof posix_names[0]; i++) {
        if (posix_names[i].code == err) {
            return bi_atom(p, posix_names[i].name);
        }
    }
    return bi_atom(p, "eio");
}

static Term ok_or_error(Process *p, int err)
{
    if (err == 0) {
        return term_from_atom(ATOM_ok);
    }
    return bi_tuple2(p, bi_atom(p, "error"), posix_atom(p, err));
}

// ==== run: the system calls (pool thread) ====

static void read_file(FileJob *j)
{
    int fd = open(j->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        j->err = errno;
        return;
    }
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            j->err = errno;
            break;
        }
        if (n == 0) {
            break;
        }
        strbuf_append(&j->data, chunk, (size_t)n);
    }
    close(fd);
}

static void write_file(FileJob *j)
{
    if (j->bad_data) {
        return;
    }
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (j->append ? O_APPEND : O_TRUNC);
    int fd = open(j->path, flags, NEW_FILE_MODE);
    if (fd < 0) {
        j->err = errno;
        return;
    }
    size_t done = 0;
    while (done < j->data.len) {
        ssize_t n = write(fd, j->data.data + done, j->data.len - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            j->err = errno;
            break;
        }
        done += (size_t)n;
    }
    if (close(fd) != 0 && j->err == 0) {
        j->err = errno;
    }
}

static void list_dir(FileJob *j)
{
    DIR *dir = opendir(j->path);
    if (dir == NULL) {
        j->err = errno;
        return;
    }
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        strbuf_append(&j->data, e->d_name, strlen(e->d_name) + 1);
        j->name_count++;
    }
    closedir(dir);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// Elixir's File.mkdir_p: creates the missing parents first; an existing directory is fine.
static int make_dir_p(char *path)
{
    if (is_dir(path)) {
        return 0;
    }
    char *slash = strrchr(path, '/');
    while (slash != NULL && slash > path && slash[-1] == '/') {
        slash--;
    }
    if (slash != NULL && slash > path) {
        *slash = '\0';
        (void)make_dir_p(path); // its failure shows in the mkdir below, as in Elixir
        *slash = '/';
    }
    if (mkdir(path, NEW_DIR_MODE) == 0) {
        return 0;
    }
    return errno == EEXIST && is_dir(path) ? 0 : errno;
}

static void read_stdin(FileJob *j)
{
    fflush(stdout); // the prompt IO.gets wrote before submitting shows while we wait
    IoStdinResult r = io_stdin_read(j->base.pool, j->mode, j->count, &j->data, &j->err);
    j->flag = r == IO_STDIN_EOF || r == IO_STDIN_CANCELLED;
    if (r == IO_STDIN_OK) {
        j->err = 0;
    }
}

static void run_job(IoJob *job)
{
    FileJob *j = (FileJob *)job;
    struct stat st;
    errno = 0;
    switch (j->op) {
    case IO_OP_READ_FILE: read_file(j); return;
    case IO_OP_WRITE_FILE: write_file(j); return;
    case IO_OP_EXISTS: j->flag = stat(j->path, &st) == 0; return;
    case IO_OP_IS_DIR: j->flag = is_dir(j->path); return;
    case IO_OP_IS_REGULAR: j->flag = stat(j->path, &st) == 0 && S_ISREG(st.st_mode); return;
    case IO_OP_LS: list_dir(j); return;
    case IO_OP_RM: j->err = unlink(j->path) == 0 ? 0 : errno == EISDIR ? EPERM : errno; return;
    case IO_OP_RMDIR: j->err = rmdir(j->path) == 0 ? 0 : errno; return;
    case IO_OP_MKDIR: j->err = mkdir(j->path, NEW_DIR_MODE) == 0 ? 0 : errno; return;
    case IO_OP_MKDIR_P: j->err = make_dir_p(j->path); return;
    case IO_OP_RENAME: j->err = rename(j->path, j->path2) == 0 ? 0 : errno; return;
    case IO_OP_READ_STDIN: read_stdin(j); return;
    case IO_OP_COUNT: return;
    }
}

// ==== reply: the result term ====

static Term reply_ls(FileJob *j, Process *p)
{
    Term list = TERM_NIL;
    // Build from the end so the list keeps the directory's order.
    const char *end = j->data.data + j->data.len;
    for (size_t i = 0; i < j->name_count; i++) {
        const char *name = end - 1;
        while (name > j->data.data && name[-1] != '\0') {
            name--;
        }
        list = term_make_cons(p, term_make_binary(p, name, (size_t)(end - 1 - name)), list);
        end = name;
    }
    return bi_ok(p, list);
}

static Term reply_stdin(FileJob *j, Process *p)
{
    if (j->err != 0) {
        return bi_tuple2(p, bi_atom(p, "error"), posix_atom(p, j->err));
    }
    if (j->flag && !(j->mode == IO_STDIN_ALL && !j->eof_atom)) { // IO.read(:all) gives ""
        return bi_atom(p, "eof");
    }
    return term_make_binary(p, j->data.data, j->data.len);
}

static Term reply_job(IoJob *job, Process *p)
{
    FileJob *j = (FileJob *)job;
    switch (j->op) {
    case IO_OP_READ_FILE:
        return j->err != 0 ? ok_or_error(p, j->err)
                           : bi_ok(p, term_make_binary(p, j->data.data, j->data.len));
    case IO_OP_EXISTS:
    case IO_OP_IS_DIR:
    case IO_OP_IS_REGULAR: return j->flag ? term_true() : term_false();
    case IO_OP_LS: return j->err != 0 ? ok_or_error(p, j->err) : reply_ls(j, p);
    case IO_OP_READ_STDIN: return reply_stdin(j, p);
    case IO_OP_WRITE_FILE:
        if (j->bad_data) {
            return bi_tuple2(p, bi_atom(p, "error"), bi_atom(p, "badarg"));
        }
        return ok_or_error(p, j->err);
    default: return ok_or_error(p, j->err);
    }
}

static void destroy_job(IoJob *job)
{
    FileJob *j = (FileJob *)job;
    free(j->path);
    free(j->path2);
    strbuf_free(&j->data);
    free(j);
}

// ==== Building a job from Elixir arguments (the caller's thread) ====

// Raises FunctionClauseError for IO.chardata_to_string([arg]), blaming the call with its
// argument as Elixir's report shows it.
static void raise_chardata_clause(Process *p, Term arg)
{
    bi_function_clause(p, "IO.chardata_to_string/1");
    Term entry[4] = {bi_atom(p, "Elixir.IO"), bi_atom(p, "chardata_to_string"),
                     term_make_cons(p, arg, TERM_NIL), TERM_NIL};
    p->exc_stack = term_make_cons(p, term_make_tuple(p, 4, entry), TERM_NIL);
}

// A NUL-terminated copy of chardata path [t]; NULL after raising as IO.chardata_to_string.
static char *copy_path(Process *p, Term t)
{
    StrBuf b;
    strbuf_init(&b);
    if (!bi_chardata_append(t, &b)) {
        strbuf_free(&b);
        raise_chardata_clause(p, t);
        return NULL;
    }
    strbuf_append(&b, "", 1);
    return b.data;
}

// Reads File.write's modes: only :append changes anything here (:binary, :utf8, :write ...
// are accepted and ignored). False when [modes] is not a list.
static bool parse_modes(Process *p, Term modes, bool *append)
{
    *append = false;
    while (term_is_cons(modes)) {
        Term *cell = term_cons_ptr(modes);
        if (cell[0] == bi_atom(p, "append")) {
            *append = true;
        }
        modes = cell[1];
    }
    return modes == TERM_NIL;
}

// IO.read's second argument: :line, :eof, :all or a non-negative integer.
static bool parse_stdin_request(Process *p, Term what, FileJob *j)
{
    int64_t n;
    if (bi_int64(what, &n) && n >= 0) {
        j->mode = IO_STDIN_CHARS;
        j->count = (size_t)n;
        return true;
    }
    if (what == bi_atom(p, "line")) {
        j->mode = IO_STDIN_LINE;
    } else if (what == bi_atom(p, "eof")) {
        j->mode = IO_STDIN_ALL;
        j->eof_atom = true;
    } else if (what == bi_atom(p, "all")) {
        j->mode = IO_STDIN_ALL;
    } else {
        return false;
    }
    return true;
}

static bool fill_args(Process *p, FileJob *j, const Term *args)
{
    switch (j->op) {
    case IO_OP_READ_STDIN:
        if (!parse_stdin_request(p, args[0], j)) {
            bi_function_clause(p, "IO.read/2");
            return false;
        }
        return true;
    case IO_OP_WRITE_FILE:
        if (!parse_modes(p, args[2], &j->append)) {
            bi_function_clause(p, "File.normalize_modes/2");
            return false;
        }
        j->bad_data = !bi_iodata_append(args[1], &j->data); // {:error, :badarg}, as Erlang
        break;
    case IO_OP_RENAME:
        j->path2 = copy_path(p, args[1]);
        if (j->path2 == NULL) {
            return false;
        }
        break;
    default: break;
    }
    j->path = copy_path(p, args[0]);
    return j->path != NULL;
}

// A new job for [op] from [args] addressed to [p], or NULL after raising.
static FileJob *build_job(Process *p, IoOp op, const Term *args)
{
    FileJob *j = em_calloc(1, sizeof *j);
    j->base.run = run_job;
    j->base.reply = reply_job;
    j->base.destroy = destroy_job;
    j->base.pid = p->pid;
    j->op = op;
    strbuf_init(&j->data);
    if (!fill_args(p, j, args)) {
        destroy_job(&j->base);
        return NULL;
    }
    return j;
}

// ==== Entry points ====

Term io_jobs_submit(Process *p, IoOp op, const Term *args)
{
    FileJob *j = build_job(p, op, args);
    if (j == NULL) {
        return TERM_NONE;
    }
    return io_job_start(p, &j->base);
}

bool io_jobs_find(Process *p, Term name, uint32_t argc, IoOp *out)
{
    static const struct {
        const char *name;
        uint32_t argc;
    } ops[IO_OP_COUNT] = {
#define X(id, text, n) {text, n},
        IO_OPS(X)
#undef X
    };
    for (int i = 0; i < IO_OP_COUNT; i++) {
        if (argc == ops[i].argc && name == bi_atom(p, ops[i].name)) {
            *out = (IoOp)i;
            return true;
        }
    }
    return false;
}
