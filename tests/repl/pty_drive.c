// Pseudo-terminal test driver: runs a command on a fresh pty (forkpty) and follows a line-based
// script of `send`, `expect`, `expect_clean`, `not_expect`, `sleep`, `expect_exit` and `restart`
// commands (syntax in tests/repl/README.md). Every wait has a deadline, so a silent or runaway
// child fails the script instead of hanging it. On failure it prints the script line, what was
// expected and the whole transcript, kills the child's process group and exits 1.
//
//   pty_drive [-t SECONDS] SCRIPT -- CMD [ARGS...]
//
// Test tooling only: not part of the VM, it shares no code with vm/ or compiler/.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT_MS 5000 // per expect; the brief's default, and ample for a REPL prompt
#define DEFAULT_COLS 80
#define DEFAULT_ROWS 24
#define EXIT_POLL_MS 10    // how often expect_exit re-checks waitpid once the pty has closed
#define KILL_GRACE_MS 1000 // after SIGHUP (master closed), before SIGKILL at the end
#define READ_CHUNK 4096

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} Buf;

typedef struct {
    const char *script_path;
    int line_no;        // script line being run, for messages
    const char *line;   // its text
    const Buf *want;    // decoded text of the expect being run, shown on failure, or NULL
    char **argv;        // command to run on the pty
    int timeout_ms;     // deadline of expect and expect_exit
    struct winsize ws;  // window size given to the child
    pid_t pid;          // child, or 0 when none has been started or it was reaped
    int master;         // pty master, or -1
    bool is_eof;        // the master reported EIO or end of file: nothing more will come
    bool has_status;    // the child has been reaped and status holds its wait status
    int status;
    Buf out;            // everything read from the master, for matching and the transcript
    size_t consumed;    // out.data[0, consumed) was consumed by successful expects
} Driver;

// ==== Small helpers ====

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void buf_append(Buf *b, const void *src, size_t len)
{
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + len + 1) {
            cap *= 2;
        }
        b->data = realloc(b->data, cap);
        if (b->data == NULL) {
            fprintf(stderr, "pty_drive: out of memory\n");
            exit(2);
        }
        b->cap = cap;
    }
    memcpy(b->data + b->len, src, len);
    b->len += len;
    b->data[b->len] = '\0';
}

static void buf_push(Buf *b, char c)
{
    buf_append(b, &c, 1);
}

// Prints [len] bytes so that every byte is visible: \r \n \t \e \\ and \xHH escapes; a newline
// is printed after each \n so that the transcript keeps its lines. Each line gets [prefix].
static void print_escaped(FILE *f, const char *prefix, const char *s, size_t len)
{
    bool at_line_start = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (at_line_start) {
            fputs(prefix, f);
            at_line_start = false;
        }
        if (c == '\n') {
            fputs("\\n\n", f);
            at_line_start = true;
        } else if (c == '\r') {
            fputs("\\r", f);
        } else if (c == '\t') {
            fputs("\\t", f);
        } else if (c == 0x1b) {
            fputs("\\e", f);
        } else if (c == '\\') {
            fputs("\\\\", f);
        } else if (c >= 0x20 && c < 0x7f) {
            fputc(c, f);
        } else {
            fprintf(f, "\\x%02x", c);
        }
    }
    if (!at_line_start) {
        fputs("\n", f);
    }
}

// ==== Child process ====

// Sends SIGKILL to the child's process group (forkpty makes it a session and group leader) and
// reaps it. Closing the master first gives it a SIGHUP, as a closed terminal window would.
static void kill_child(Driver *d, int grace_ms)
{
    if (d->master >= 0) {
        close(d->master);
        d->master = -1;
    }
    if (d->pid <= 0) {
        return;
    }
    long long deadline = now_ms() + grace_ms;
    while (waitpid(d->pid, &d->status, WNOHANG) == 0) {
        if (now_ms() >= deadline) {
            kill(-d->pid, SIGKILL);
            kill(d->pid, SIGKILL);
            waitpid(d->pid, &d->status, 0);
            break;
        }
        usleep(EXIT_POLL_MS * 1000);
    }
    d->pid = 0;
    d->has_status = true;
}

static void describe_status(int status, char *out, size_t size)
{
    if (WIFEXITED(status)) {
        snprintf(out, size, "exited with status %d", WEXITSTATUS(status));
    } else if (WIFSIGNALED(status)) {
        snprintf(out, size, "killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    } else {
        snprintf(out, size, "wait status 0x%x", status);
    }
}

static void dump_transcript(const Driver *d)
{
    fprintf(stderr, "--- transcript: consumed by earlier expects (%zu bytes) ---\n", d->consumed);
    print_escaped(stderr, "  | ", d->out.data ? d->out.data : "", d->consumed);
    fprintf(stderr, "--- transcript: not yet consumed (%zu bytes) ---\n",
            d->out.len - d->consumed);
    print_escaped(stderr, "  | ", d->out.data ? d->out.data + d->consumed : "",
                  d->out.len - d->consumed);
    fprintf(stderr, "--- end of transcript ---\n");
}

// Reports a failure of the current script line, dumps the transcript, kills the child, exits 1.
static void fail(Driver *d, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
static void fail(Driver *d, const char *fmt, ...)
{
    fprintf(stderr, "pty_drive: %s:%d: failed: %s\n", d->script_path, d->line_no,
            d->line ? d->line : "(end of script)");
    va_list ap;
    va_start(ap, fmt);
    fputs("pty_drive: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\n", stderr);
    va_end(ap);
    if (d->want != NULL) {
        fputs("pty_drive: wanted, decoded:\n", stderr);
        print_escaped(stderr, "  > ", d->want->data, d->want->len);
    }
    if (d->pid > 0 && !d->has_status && waitpid(d->pid, &d->status, WNOHANG) == d->pid) {
        d->has_status = true;
        d->pid = 0;
    }
    if (d->has_status) {
        char why[96];
        describe_status(d->status, why, sizeof why);
        fprintf(stderr, "pty_drive: the child %s\n", why);
    }
    dump_transcript(d);
    kill_child(d, 0);
    exit(1);
}

static void spawn_child(Driver *d)
{
    fflush(NULL);
    int master;
    pid_t pid = forkpty(&master, NULL, NULL, &d->ws);
    if (pid < 0) {
        fail(d, "forkpty: %s", strerror(errno));
    }
    if (pid == 0) {
        execvp(d->argv[0], d->argv);
        fprintf(stderr, "pty_drive: cannot run %s: %s\n", d->argv[0], strerror(errno));
        _exit(127);
    }
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    d->pid = pid;
    d->master = master;
    d->is_eof = false;
    d->has_status = false;
}

static void ensure_child(Driver *d)
{
    if (d->master < 0 && !d->has_status) {
        spawn_child(d);
    }
}

// Reaps the child if it has exited; true when its status is known.
static bool reap(Driver *d)
{
    if (!d->has_status && d->pid > 0 && waitpid(d->pid, &d->status, WNOHANG) == d->pid) {
        d->has_status = true;
        d->pid = 0;
    }
    return d->has_status;
}

// ==== Reading and writing the terminal ====

// Reads whatever the master has; true if any byte came. EIO (Linux, once no process holds the
// slave open any more) and a 0-byte read both mean that nothing more will ever come.
static bool drain(Driver *d)
{
    bool got = false;
    char chunk[READ_CHUNK];
    while (!d->is_eof) {
        ssize_t n = read(d->master, chunk, sizeof chunk);
        if (n > 0) {
            buf_append(&d->out, chunk, (size_t)n);
            got = true;
        } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
            d->is_eof = true;
        } else if (errno == EAGAIN) {
            break;
        }
    }
    return got;
}

// Waits up to [wait_ms] for output and reads it. Returns at once when the terminal is closed.
static void pump(Driver *d, int wait_ms)
{
    if (d->is_eof || d->master < 0) {
        return;
    }
    struct pollfd pfd = {.fd = d->master, .events = POLLIN};
    int r = poll(&pfd, 1, wait_ms < 0 ? 0 : wait_ms);
    if (r > 0) {
        drain(d);
    }
}

// Writes all of [len] bytes, reading output meanwhile so that a child blocked on a full output
// buffer cannot deadlock against us.
static void write_all(Driver *d, const char *s, size_t len)
{
    long long deadline = now_ms() + d->timeout_ms;
    while (len > 0) {
        if (d->is_eof) {
            fail(d, "the terminal closed before all input was written (%zu bytes left)", len);
        }
        ssize_t n = write(d->master, s, len);
        if (n > 0) {
            s += n;
            len -= (size_t)n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            fail(d, "write to the terminal: %s", strerror(errno));
        }
        if (now_ms() >= deadline) {
            fail(d, "timed out writing to the terminal (the child reads no input)");
        }
        struct pollfd pfd = {.fd = d->master, .events = POLLIN | POLLOUT};
        if (poll(&pfd, 1, EXIT_POLL_MS) > 0 && (pfd.revents & (POLLIN | POLLHUP))) {
            drain(d);
        }
    }
}

// ==== Script text: escapes, ${NAME}, ANSI stripping ====

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Decodes one backslash escape at [s] (just after the backslash) into [out]; returns the number
// of characters used, or 0 when the escape is unknown.
static size_t decode_escape(const char *s, Buf *out)
{
    static const char from[] = "nrt\\es";
    static const char to[] = "\n\r\t\\\x1b ";
    const char *hit = *s ? strchr(from, *s) : NULL;
    if (hit != NULL) {
        buf_push(out, to[hit - from]);
        return 1;
    }
    if (*s == 'x' && hex_digit(s[1]) >= 0 && hex_digit(s[2]) >= 0) {
        buf_push(out, (char)(hex_digit(s[1]) * 16 + hex_digit(s[2])));
        return 3;
    }
    return 0;
}

// Decodes a script argument into [out]: backslash escapes and ${NAME} from the environment
// (which `env` lines also set). The result is not re-scanned.
static void decode_text(Driver *d, const char *s, Buf *out)
{
    out->len = 0;
    buf_append(out, "", 0);
    while (*s) {
        if (*s == '\\') {
            size_t used = decode_escape(s + 1, out);
            if (used == 0) {
                fail(d, "unknown escape \\%c (known: \\n \\r \\t \\\\ \\e \\s \\xHH)", s[1]);
            }
            s += 1 + used;
        } else if (s[0] == '$' && s[1] == '{' && strchr(s, '}') != NULL) {
            const char *end = strchr(s, '}');
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)(end - s - 2), s + 2);
            const char *value = getenv(name);
            if (value == NULL) {
                fail(d, "environment variable %s is not set", name);
            }
            buf_append(out, value, strlen(value));
            s = end + 1;
        } else {
            buf_push(out, *s++);
        }
    }
}

// Length of the terminal escape sequence starting at s[0] == ESC within [len] bytes: CSI
// (ESC [ parameters intermediates final), OSC (ESC ] ... BEL or ESC \), otherwise ESC plus one
// character. An unfinished sequence at the end runs to the end (more output will complete it).
static size_t escape_len(const char *s, size_t len)
{
    if (len < 2) {
        return len;
    }
    size_t i = 2;
    if (s[1] == '[') {
        while (i < len && !((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7e)) {
            i++;
        }
        return i < len ? i + 1 : len;
    }
    if (s[1] == ']') {
        while (i < len && s[i] != '\a' && !(s[i] == 0x1b && i + 1 < len && s[i + 1] == '\\')) {
            i++;
        }
        return i >= len ? len : (s[i] == '\a' ? i + 1 : i + 2);
    }
    return 2;
}

// Copies out.data[from, len) into [clean] without escape sequences and \r; map[k] is the offset
// in out.data of clean byte k. The caller frees *map.
static void clean_output(const Driver *d, size_t from, Buf *clean, size_t **map)
{
    const char *s = d->out.data ? d->out.data : "";
    *map = malloc((d->out.len - from + 1) * sizeof **map);
    if (*map == NULL) {
        fprintf(stderr, "pty_drive: out of memory\n");
        exit(2);
    }
    clean->len = 0;
    buf_append(clean, "", 0);
    size_t i = from;
    while (i < d->out.len) {
        if (s[i] == 0x1b) {
            i += escape_len(s + i, d->out.len - i);
        } else if (s[i] == '\r') {
            i++;
        } else {
            (*map)[clean->len] = i;
            buf_push(clean, s[i++]);
        }
    }
}

// Looks for [want] in the unconsumed output (raw, or cleaned when [is_clean]). On a match sets
// *end to the offset just past it in out.data and returns true.
static bool find_output(const Driver *d, const Buf *want, bool is_clean, size_t *end)
{
    if (want->len == 0) {
        *end = d->consumed;
        return true;
    }
    if (!is_clean) {
        const char *base = d->out.data ? d->out.data + d->consumed : "";
        const char *hit = memmem(base, d->out.len - d->consumed, want->data, want->len);
        if (hit != NULL) {
            *end = (size_t)(hit - d->out.data) + want->len;
        }
        return hit != NULL;
    }
    Buf clean = {0};
    size_t *map;
    clean_output(d, d->consumed, &clean, &map);
    const char *hit = memmem(clean.data, clean.len, want->data, want->len);
    if (hit != NULL) {
        *end = map[(size_t)(hit - clean.data) + want->len - 1] + 1;
    }
    free(map);
    free(clean.data);
    return hit != NULL;
}

// ==== Commands ====

static void cmd_expect(Driver *d, const Buf *want, bool is_clean)
{
    ensure_child(d);
    d->want = want;
    long long deadline = now_ms() + d->timeout_ms;
    size_t end;
    while (!find_output(d, want, is_clean, &end)) {
        if (d->is_eof || d->master < 0) {
            reap(d);
            fail(d, "the terminal closed before the text appeared%s",
                 is_clean ? " (escape sequences and \\r removed)" : "");
        }
        long long left = deadline - now_ms();
        if (left <= 0) {
            fail(d, "timed out after %d ms waiting for the text%s", d->timeout_ms,
                 is_clean ? " (escape sequences and \\r removed)" : "");
        }
        pump(d, (int)left);
    }
    d->consumed = end;
    d->want = NULL;
}

static void cmd_not_expect(Driver *d, const Buf *want, bool is_clean, int wait_ms)
{
    ensure_child(d);
    d->want = want;
    long long deadline = now_ms() + wait_ms;
    size_t end;
    for (;;) {
        if (find_output(d, want, is_clean, &end)) {
            fail(d, "the text appeared, but must not within %d ms", wait_ms);
        }
        long long left = deadline - now_ms();
        if (left <= 0) {
            d->want = NULL;
            return;
        }
        if (d->is_eof || d->master < 0) {
            usleep((useconds_t)left * 1000);
        } else {
            pump(d, (int)left);
        }
    }
}

static void cmd_sleep(Driver *d, int ms)
{
    ensure_child(d);
    long long deadline = now_ms() + ms;
    for (long long left = ms; left > 0; left = deadline - now_ms()) {
        if (d->is_eof || d->master < 0) {
            usleep((useconds_t)left * 1000);
        } else {
            pump(d, (int)left);
        }
    }
}

static void cmd_expect_exit(Driver *d, int code)
{
    ensure_child(d);
    long long deadline = now_ms() + d->timeout_ms;
    while (!reap(d)) {
        if (now_ms() >= deadline) {
            fail(d, "timed out after %d ms waiting for the child to exit with status %d",
                 d->timeout_ms, code);
        }
        if (d->is_eof) {
            usleep(EXIT_POLL_MS * 1000);
        } else {
            pump(d, EXIT_POLL_MS);
        }
    }
    drain(d);
    if (!WIFEXITED(d->status) || WEXITSTATUS(d->status) != code) {
        char why[96];
        describe_status(d->status, why, sizeof why);
        fail(d, "expected exit status %d, but the child %s", code, why);
    }
}

// Ends the current child (if still running) and starts the command again, with a fresh terminal
// and the current environment. Earlier output can no longer be matched.
static void cmd_restart(Driver *d)
{
    if (d->master >= 0) {
        drain(d);
    }
    kill_child(d, 0);
    static const char mark[] = "\n[pty_drive: restart]\n";
    buf_append(&d->out, mark, sizeof mark - 1);
    d->consumed = d->out.len;
    d->has_status = false;
    spawn_child(d);
}

static void cmd_env(Driver *d, const char *arg, Buf *scratch)
{
    if (d->master >= 0 && !d->has_status) {
        fail(d, "env must come before the child starts (or before a restart)");
    }
    const char *eq = strchr(arg, '=');
    if (eq == NULL || eq == arg) {
        fail(d, "env expects NAME=VALUE");
    }
    char name[256];
    snprintf(name, sizeof name, "%.*s", (int)(eq - arg), arg);
    decode_text(d, eq + 1, scratch);
    setenv(name, scratch->data, 1);
}

// Parses a non-negative decimal integer argument or fails the line.
static int parse_int(Driver *d, const char *arg)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (end == arg || *end != '\0' || v < 0 || v > 1000000000 || errno != 0) {
        fail(d, "expected a non-negative integer, got \"%s\"", arg);
    }
    return (int)v;
}

static void cmd_window(Driver *d, bool is_cols, const char *arg)
{
    int n = parse_int(d, arg);
    if (n == 0 || n > 10000) {
        fail(d, "window size out of range: %d", n);
    }
    if (is_cols) {
        d->ws.ws_col = (unsigned short)n;
    } else {
        d->ws.ws_row = (unsigned short)n;
    }
    if (d->master >= 0) {
        ioctl(d->master, TIOCSWINSZ, &d->ws); // the kernel sends SIGWINCH to the child
    }
}

// `not_expect TEXT MS` and `not_expect_clean TEXT MS`: the last word is the duration.
static void run_not_expect(Driver *d, const char *arg, bool is_clean, Buf *text)
{
    const char *space = strrchr(arg, ' ');
    if (space == NULL) {
        fail(d, "expected TEXT MS");
    }
    int ms = parse_int(d, space + 1);
    char *copy = strndup(arg, (size_t)(space - arg));
    decode_text(d, copy, text);
    free(copy);
    cmd_not_expect(d, text, is_clean, ms);
}

static void run_command(Driver *d, const char *cmd, const char *arg, Buf *text)
{
    if (strcmp(cmd, "send") == 0) {
        ensure_child(d);
        decode_text(d, arg, text);
        write_all(d, text->data, text->len);
    } else if (strcmp(cmd, "expect") == 0 || strcmp(cmd, "expect_clean") == 0) {
        decode_text(d, arg, text);
        cmd_expect(d, text, strcmp(cmd, "expect_clean") == 0);
    } else if (strcmp(cmd, "not_expect") == 0 || strcmp(cmd, "not_expect_clean") == 0) {
        run_not_expect(d, arg, strcmp(cmd, "not_expect_clean") == 0, text);
    } else if (strcmp(cmd, "sleep") == 0) {
        cmd_sleep(d, parse_int(d, arg));
    } else if (strcmp(cmd, "expect_exit") == 0) {
        cmd_expect_exit(d, parse_int(d, arg));
    } else if (strcmp(cmd, "timeout") == 0) {
        d->timeout_ms = parse_int(d, arg) * 1000;
    } else if (strcmp(cmd, "env") == 0) {
        cmd_env(d, arg, text);
    } else if (strcmp(cmd, "cols") == 0 || strcmp(cmd, "rows") == 0) {
        cmd_window(d, strcmp(cmd, "cols") == 0, arg);
    } else if (strcmp(cmd, "restart") == 0) {
        cmd_restart(d);
    } else {
        fail(d, "unknown command \"%s\"", cmd);
    }
}

// ==== Script loop and arguments ====

// Splits [line] into command and argument: the argument is everything after the first space,
// kept verbatim (a trailing space is part of the text; \s spells one visibly).
static void run_line(Driver *d, char *line, Buf *text)
{
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
        line[--n] = '\0';
    }
    const char *p = line + strspn(line, " \t");
    if (*p == '\0' || *p == '#') {
        return;
    }
    d->line = p; // whole line for messages; the split below works on a copy
    char *cmd = strdup(p);
    char *space = strchr(cmd, ' ');
    const char *arg = "";
    if (space != NULL) {
        *space = '\0';
        arg = space + 1;
    }
    run_command(d, cmd, arg, text);
    free(cmd);
}

static void run_script(Driver *d, FILE *f)
{
    Buf text = {0};
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) >= 0) {
        d->line_no++;
        run_line(d, line, &text);
    }
    free(line);
    free(text.data);
}

static void usage(void)
{
    fprintf(stderr, "usage: pty_drive [-t SECONDS] SCRIPT -- CMD [ARGS...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    Driver d = {.master = -1, .timeout_ms = DEFAULT_TIMEOUT_MS};
    d.ws.ws_col = DEFAULT_COLS;
    d.ws.ws_row = DEFAULT_ROWS;
    int i = 1;
    if (i + 1 < argc && strcmp(argv[i], "-t") == 0) {
        double secs = strtod(argv[i + 1], NULL);
        if (secs <= 0) {
            usage();
        }
        d.timeout_ms = (int)(secs * 1000);
        i += 2;
    }
    if (i + 2 >= argc || strcmp(argv[i + 1], "--") != 0) {
        usage();
    }
    d.script_path = argv[i];
    d.argv = argv + i + 2;
    FILE *f = fopen(d.script_path, "r");
    if (f == NULL) {
        fprintf(stderr, "pty_drive: cannot open %s: %s\n", d.script_path, strerror(errno));
        return 2;
    }
    if (getenv("TERM") == NULL || *getenv("TERM") == '\0') {
        setenv("TERM", "xterm", 1); // a terminal type every terminfo database knows
    }
    signal(SIGPIPE, SIG_IGN);
    run_script(&d, f);
    fclose(f);
    d.line = NULL;
    kill_child(&d, KILL_GRACE_MS);
    free(d.out.data);
    return 0;
}
