// A tiny interactive program for pty_drive's self-test: it puts the terminal into raw mode as
// libedit does, echoes keys itself and wraps its prompt and replies in ANSI escape sequences,
// so that `expect` sees raw bytes and `expect_clean` must strip them. Commands, one a line:
//   size          prints "size ROWSxCOLS" (the window size the driver set)
//   env NAME      prints "env NAME=VALUE" ("unset" when absent)
//   later MS TEXT prints TEXT after MS milliseconds
//   exit N        exits with status N
// Ctrl-C prints "^C" and a fresh prompt; Ctrl-D on an empty line exits with status 0. Any
// other line is printed back as "got <line>". Not a pattern for Ember code.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define LINE_MAX_LEN 256

static struct termios saved;

static void restore_terminal(void)
{
    tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
}

static void enter_raw_mode(void)
{
    tcgetattr(STDIN_FILENO, &saved);
    atexit(restore_terminal);
    struct termios raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ECHO | ICANON | ISIG);
    raw.c_iflag &= ~(tcflag_t)ICRNL;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
}

static void prompt(void)
{
    // Bold, then reset, then a cursor-column sequence: what a line editor's redraw looks like.
    printf("\x1b[1mtoy\x1b[0m> \x1b[6G");
    fflush(stdout);
}

static void reply(const char *line)
{
    int n;
    char text[LINE_MAX_LEN];
    if (strcmp(line, "size") == 0) {
        struct winsize ws;
        ioctl(STDIN_FILENO, TIOCGWINSZ, &ws);
        printf("size %dx%d\r\n", ws.ws_row, ws.ws_col);
    } else if (strncmp(line, "env ", 4) == 0) {
        const char *value = getenv(line + 4);
        printf("env %s=%s\r\n", line + 4, value ? value : "unset");
    } else if (sscanf(line, "later %d %255[^\n]", &n, text) == 2) {
        fflush(stdout);
        struct timespec ts = {.tv_sec = n / 1000, .tv_nsec = (long)(n % 1000) * 1000000};
        nanosleep(&ts, NULL);
        printf("%s\r\n", text);
    } else if (sscanf(line, "exit %d", &n) == 1) {
        exit(n);
    } else {
        printf("\x1b[32mgot\x1b[0m %s\r\n", line);
    }
}

int main(void)
{
    enter_raw_mode();
    char line[LINE_MAX_LEN];
    size_t len = 0;
    prompt();
    unsigned char c;
    while (read(STDIN_FILENO, &c, 1) == 1) {
        if (c == 0x03) {
            printf("^C\r\n");
            len = 0;
            prompt();
        } else if (c == 0x04 && len == 0) {
            printf("\r\n");
            return 0;
        } else if (c == '\r' || c == '\n') {
            printf("\r\n");
            line[len] = '\0';
            reply(line);
            len = 0;
            prompt();
        } else if (len + 1 < sizeof line) {
            line[len++] = (char)c;
            putchar(c);
            fflush(stdout);
        }
    }
    return 0;
}
