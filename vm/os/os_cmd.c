// Running external programs: the I/O job behind System.cmd/3 and :os.cmd/1 (stdlib/system.ex,
// stdlib/erlang_os.ex), and the PATH search behind System.find_executable/1. The caller's
// arguments are copied into C memory; on a pool thread the child is started with posix_spawn
// (safe in a multi-threaded process, unlike fork), its stdout (and stderr with
// stderr_to_stdout) is read from a pipe until end of file, and it is reaped with waitpid. The
// reply is {:ok, output, exit_status} or {:error, posix_reason}; a child killed by signal N
// reports 128 + N, as the BEAM's ports do.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../bi_common.h"
#include "../builtins.h"
#include "../io_pool.h"
#include "../process.h"
#include "../vm.h"

extern char **environ;

// Exit status reported for a child killed by a signal: this plus the signal number.
#define SIGNAL_STATUS_BASE 128

typedef struct CmdJob {
    IoJob base;
    char *path;             // the executable
    char **argv;            // NULL-terminated, argv[0] first
    char **env;             // NULL-terminated "NAME=value" (set) or "NAME" (unset) changes
    char *cd;               // the child's working directory, or NULL
    bool stderr_to_stdout;  // stderr goes to the same pipe as stdout
    StrBuf out;             // what the child wrote
    int err;                // errno when the child could not be started, else 0
    int status;             // the exit status
    int cancel_fd;          // readable once the pool shuts down (-1: never)
} CmdJob;

static void free_strings(char **list)
{
    for (size_t i = 0; list != NULL && list[i] != NULL; i++) {
        free(list[i]);
    }
    free(list);
}

static void destroy_cmd(IoJob *job)
{
    CmdJob *j = (CmdJob *)job;
    free(j->path);
    free_strings(j->argv);
    free_strings(j->env);
    free(j->cd);
    strbuf_free(&j->out);
    free(j);
}

// ==== run (pool thread) ====

// Whether "NAME=..." entry [entry] names the same variable as change [change] ("NAME" or
// "NAME=value").
static bool same_name(const char *entry, const char *change)
{
    size_t n = strcspn(change, "=");
    return strncmp(entry, change, n) == 0 && entry[n] == '=';
}

// The child's environment: ours with [changes] applied. Only the array is allocated.
static char **child_environ(char **changes)
{
    size_t count = 0, extra = 0;
    while (environ[count] != NULL) {
        count++;
    }
    while (changes[extra] != NULL) {
        extra++;
    }
    char **envp = em_calloc(count + extra + 1, sizeof *envp);
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        bool changed = false;
        for (size_t k = 0; k < extra && !changed; k++) {
            changed = same_name(environ[i], changes[k]);
        }
        if (!changed) {
            envp[n++] = environ[i];
        }
    }
    for (size_t k = 0; k < extra; k++) {
        if (strchr(changes[k], '=') != NULL) {
            envp[n++] = changes[k];
        }
    }
    return envp;
}

// Starts the child writing into [out_fd]; stdin is /dev/null, every other descriptor closed.
// Returns 0 or the errno of the failure (program missing, not executable, bad directory).
static int spawn_child(CmdJob *j, int out_fd, pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
    if (j->stderr_to_stdout) {
        posix_spawn_file_actions_adddup2(&fa, out_fd, 2);
    }
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    if (j->cd != NULL) {
        posix_spawn_file_actions_addchdir_np(&fa, j->cd);
    }
    // The child starts with no blocked signals and default handlers, whatever this thread has.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    char **envp = child_environ(j->env);
    int err = posix_spawn(pid, j->path, &fa, &attr, j->argv, envp);
    free(envp);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    return err;
}

// Reads [fd] to end of file into j->out. When the pool shuts down first, kills [pid] (its
// output then ends).
static void read_output(CmdJob *j, int fd, pid_t pid)
{
    char chunk[65536];
    struct pollfd fds[2] = {{.fd = fd, .events = POLLIN}, {.fd = j->cancel_fd, .events = POLLIN}};
    for (;;) {
        if (poll(fds, j->cancel_fd >= 0 ? 2 : 1, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (j->cancel_fd >= 0 && (fds[1].revents & POLLIN)) {
            kill(pid, SIGKILL);
            fds[1].fd = -1;
        }
        if (fds[0].revents == 0) {
            continue;
        }
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        strbuf_append(&j->out, chunk, (size_t)n);
    }
}

// Whether the child's directory is usable; if not, reports it as the BEAM's child does: a line
// on stderr and the errno as exit status.
static bool check_cd(CmdJob *j)
{
    struct stat st;
    if (j->cd == NULL) {
        return true;
    }
    if (stat(j->cd, &st) != 0) {
        j->status = errno;
    } else if (!S_ISDIR(st.st_mode)) {
        j->status = ENOTDIR;
    } else {
        return true;
    }
    dprintf(STDERR_FILENO, "spawn: Could not cd to %s\n", j->cd);
    return false;
}

static void run_cmd(IoJob *job)
{
    CmdJob *j = (CmdJob *)job;
    if (!check_cd(j)) {
        return;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        j->err = errno;
        return;
    }
    pid_t pid;
    int err = spawn_child(j, fds[1], &pid);
    close(fds[1]);
    if (err == ENOENT) {
        j->err = err;
    } else if (err != 0) {
        // As on the BEAM, whose child exits with errno when exec fails (a directory: 13).
        j->status = err;
    } else {
        read_output(j, fds[0], pid);
        int wstatus = 0;
        while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
        }
        j->status = WIFSIGNALED(wstatus) ? SIGNAL_STATUS_BASE + WTERMSIG(wstatus)
                                         : WEXITSTATUS(wstatus);
    }
    close(fds[0]);
}

static Term reply_cmd(IoJob *job, Process *p)
{
    CmdJob *j = (CmdJob *)job;
    if (j->err != 0) {
        const char *reason = j->err == ENOENT    ? "enoent"
                             : j->err == EACCES  ? "eacces"
                             : j->err == ENOTDIR ? "enotdir"
                             : j->err == ENOEXEC ? "enoexec"
                             : j->err == ENOMEM  ? "enomem"
                                                 : "eio";
        return bi_tuple2(p, bi_atom(p, "error"), bi_atom(p, reason));
    }
    return bi_tuple3(p, term_from_atom(ATOM_ok), bi_binary_from_buf(p, &j->out),
                     term_from_small(j->status));
}

// ==== Building the job (caller's scheduler) ====

// A NUL-terminated copy of binary [t]; NULL when [t] is not a binary or holds a NUL byte.
static char *copy_text(Term t)
{
    if (!term_is_binary(t)) {
        return NULL;
    }
    size_t size;
    const uint8_t *bytes = term_binary_bytes(t, &size);
    if (memchr(bytes, '\0', size) != NULL) {
        return NULL;
    }
    char *s = em_malloc(size + 1);
    memcpy(s, bytes, size);
    s[size] = '\0';
    return s;
}

// A NUL-terminated copy of binary [t] up to its first NUL byte, as the BEAM passes program
// arguments and the directory (C strings); NULL when [t] is not a binary.
static char *copy_c_string(Term t)
{
    if (!term_is_binary(t)) {
        return NULL;
    }
    size_t size;
    const uint8_t *bytes = term_binary_bytes(t, &size);
    const uint8_t *nul = memchr(bytes, '\0', size);
    if (nul != NULL) {
        size = (size_t)(nul - bytes);
    }
    char *s = em_malloc(size + 1);
    memcpy(s, bytes, size);
    s[size] = '\0';
    return s;
}

// "NAME=value" for {name, value}, "NAME" for {name, nil}; NULL when malformed.
static char *copy_env_change(Term pair)
{
    if (!term_is_tuple(pair) || term_tuple_arity(pair) != 2) {
        return NULL;
    }
    Term *kv = term_tuple_elems(pair);
    char *name = copy_text(kv[0]);
    bool unset = kv[1] == term_nil_atom();
    char *value = unset ? NULL : copy_text(kv[1]);
    if (name == NULL || name[0] == '\0' || strchr(name, '=') != NULL || (!unset && value == NULL)) {
        free(name);
        free(value);
        return NULL;
    }
    if (unset) {
        return name;
    }
    size_t n = strlen(name), m = strlen(value);
    char *s = em_malloc(n + m + 2);
    memcpy(s, name, n);
    s[n] = '=';
    memcpy(s + n + 1, value, m + 1);
    free(name);
    free(value);
    return s;
}

// The elements of list [list] copied by [copy] into a NULL-terminated array; NULL when the
// list is improper or an element is malformed.
static char **copy_list(Term list, char *(*copy)(Term))
{
    size_t len;
    if (!bi_list_length(list, &len)) {
        return NULL;
    }
    char **out = em_calloc(len + 1, sizeof *out);
    for (size_t i = 0; i < len; i++, list = term_tl(list)) {
        out[i] = copy(term_hd(list));
        if (out[i] == NULL) {
            free_strings(out);
            return NULL;
        }
    }
    return out;
}

// :ember_os.cmd(path, argv, cd, env, stderr_to_stdout): starts [path] with [argv] (argv[0]
// first, binaries), in directory [cd] (binary or nil), with the environment changed by [env]
// ({name, value | nil} pairs of binaries). Returns the ref of the reply
// {:"$ember_io", ref, {:ok, output, status} | {:error, reason}}. stdlib/system.ex validates
// the options first; malformed arguments here raise ArgumentError.
Term bi_ember_os_cmd_5(Process *p, Term *args)
{
    CmdJob *j = em_calloc(1, sizeof *j);
    j->base.run = run_cmd;
    j->base.reply = reply_cmd;
    j->base.destroy = destroy_cmd;
    strbuf_init(&j->out);
    j->path = copy_text(args[0]);
    j->argv = copy_list(args[1], copy_c_string);
    j->cd = args[2] == term_nil_atom() ? NULL : copy_c_string(args[2]);
    j->env = copy_list(args[3], copy_env_change);
    j->stderr_to_stdout = args[4] == term_true();
    j->cancel_fd = io_pool_cancel_fd(p->vm->io);
    bool bad_command = j->path == NULL || j->argv == NULL || j->argv[0] == NULL ||
                       (args[2] != term_nil_atom() && j->cd == NULL);
    if (bad_command || j->env == NULL) {
        destroy_cmd(&j->base);
        // OTP's open_port wording for a bad environment (a NUL byte in a name or value).
        return bad_command ? bi_badarg(p, 1, "not a valid command")
                           : bi_badarg(p, 2, "invalid option in list");
    }
    return io_job_start(p, &j->base);
}

// ==== PATH search ====

// Whether [path] is a regular file with an execute bit set (Erlang's verify_executable).
static bool is_executable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111) != 0;
}

// The first "dir/name" over the directories of $PATH that is executable, as a binary; nil
// when there is none.
static Term search_path(Process *p, const char *name)
{
    const char *dirs = getenv("PATH");
    StrBuf candidate;
    strbuf_init(&candidate);
    Term found = term_nil_atom();
    while (dirs != NULL && *dirs != '\0' && found == term_nil_atom()) {
        size_t n = strcspn(dirs, ":");
        if (n > 0) {
            candidate.len = 0;
            strbuf_append(&candidate, dirs, n);
            if (dirs[n - 1] != '/') {
                strbuf_append(&candidate, "/", 1);
            }
            strbuf_append(&candidate, name, strlen(name) + 1);
            if (is_executable(candidate.data)) {
                found = term_make_binary(p, candidate.data, candidate.len - 1);
            }
        }
        dirs += n + (dirs[n] == ':');
    }
    strbuf_free(&candidate);
    return found;
}

// :ember_os.find_executable(name): System.find_executable/1 as Erlang's os:find_executable
// does it: an absolute [name] is checked as it is, any other is looked up in each directory of
// $PATH. The path found (a binary) or nil.
Term bi_ember_os_find_executable_1(Process *p, Term *args)
{
    char *name = copy_text(args[0]);
    if (name == NULL) {
        return bi_badarg(p, 1, "not a binary without NUL bytes");
    }
    Term found = term_nil_atom();
    if (name[0] == '/') {
        found = is_executable(name) ? args[0] : found;
    } else if (name[0] != '\0') {
        found = search_path(p, name);
    }
    free(name);
    return found;
}
