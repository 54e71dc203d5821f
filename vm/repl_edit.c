// The shell's line input (repl_edit.h). On a terminal: libedit with emacs keys, a history kept
// in $HOME/.ember_history, and TAB completion of module names (loaded modules, the embedded
// stdlib, .emb files on the code path) and of Module.function names (the module's exported
// functions and its C built-ins). Elsewhere: plain getline.
#include "repl_edit.h"

#include <errno.h>
#include <histedit.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "repl_names.h"
#include "vm.h"

struct LineReader {
    Vm *vm;
    EditLine *el;           // NULL when not on a terminal
    History *history;
    char history_path[4096];
    const char *prompt;     // what prompt_of shows
    char *line;             // the last line returned
    size_t line_cap;
};

static const char *prompt_of(EditLine *el)
{
    LineReader *r = NULL;
    el_get(el, EL_CLIENTDATA, &r);
    return r->prompt;
}

// Writes [text] (of [len] bytes) to the terminal as the completion's insertion.
static unsigned char insert(EditLine *el, const char *text, size_t len)
{
    char buf[512];
    if (len == 0 || len >= sizeof buf) {
        return CC_REFRESH_BEEP;
    }
    memcpy(buf, text, len);
    buf[len] = '\0';
    return el_insertstr(el, buf) == 0 ? CC_REFRESH : CC_ERROR;
}

// TAB: completes the word before the cursor. One candidate: inserted. Several: their common
// prefix, or, when there is none to add, the list printed under the line.
static unsigned char complete(EditLine *el, int ch)
{
    (void)ch;
    LineReader *r = NULL;
    el_get(el, EL_CLIENTDATA, &r);
    const LineInfo *li = el_line(el);
    const char *start = li->cursor;
    while (start > li->buffer && repl_names_word_char(start[-1])) {
        start--;
    }
    size_t word_len = (size_t)(li->cursor - start);
    NameList names = {0};
    repl_names_complete(r->vm, start, word_len, &names);
    unsigned char result = CC_REFRESH_BEEP;
    if (names.count > 0) {
        size_t common = repl_names_common_prefix(&names);
        size_t typed = word_len - names.prefix_len; // of the last segment
        if (common > typed) {
            result = insert(el, names.items[0] + typed, common - typed);
        } else if (names.count > 1) {
            fputc('\n', stdout);
            for (uint32_t i = 0; i < names.count; i++) {
                fprintf(stdout, "%s%s", names.items[i], i + 1 < names.count ? "    " : "\n");
            }
            fflush(stdout);
            result = CC_REDISPLAY;
        }
    }
    repl_names_free(&names);
    return result;
}

// libedit's character source. Its own retries a read interrupted by a signal (how often
// depends on the libedit version), so Ctrl-C would not always end el_gets: this one waits in
// poll(), which SIGINT always interrupts, and then returns -1 so that el_gets gives up the line.
// Decodes UTF-8 (libedit wants wide characters).
static int read_char(EditLine *el, wchar_t *out)
{
    (void)el;
    unsigned char bytes[4];
    size_t have = 0;
    size_t need = 1;
    while (have < need) {
        struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
        int ready = repl_interrupted ? 0 : poll(&pfd, 1, -1);
        if (repl_interrupted) {
            return -1;
        }
        ssize_t got = ready > 0 ? read(STDIN_FILENO, bytes + have, 1) : -1;
        if (got == 0) {
            return 0;
        }
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            return -1;
        }
        if (have++ == 0) {
            need = bytes[0] < 0x80 ? 1 : bytes[0] >= 0xf0 ? 4 : bytes[0] >= 0xe0 ? 3 : 2;
        }
    }
    uint32_t cp = need == 1 ? bytes[0] : bytes[0] & (0x7f >> need);
    for (size_t i = 1; i < need; i++) {
        cp = cp << 6 | (bytes[i] & 0x3f);
    }
    *out = (wchar_t)cp;
    return 1;
}

static void open_editor(LineReader *r)
{
    r->el = el_init("ember", stdin, stdout, stderr);
    if (r->el == NULL) {
        return;
    }
    el_set(r->el, EL_CLIENTDATA, r);
    el_set(r->el, EL_EDITOR, "emacs");
    el_set(r->el, EL_GETCFN, read_char);
    el_set(r->el, EL_PROMPT, prompt_of);
    el_set(r->el, EL_ADDFN, "ember-complete", "complete a module or function name", complete);
    el_set(r->el, EL_BIND, "^I", "ember-complete", NULL);
    r->history = history_init();
    HistEvent ev;
    history(r->history, &ev, H_SETSIZE, 1000);
    history(r->history, &ev, H_SETUNIQUE, 1);
    const char *home = getenv("HOME");
    if (home != NULL && *home != '\0') {
        snprintf(r->history_path, sizeof r->history_path, "%s/.ember_history", home);
        history(r->history, &ev, H_LOAD, r->history_path);
    }
    el_set(r->el, EL_HIST, history, r->history);
}

LineReader *line_reader_new(Vm *vm, bool tty)
{
    LineReader *r = em_calloc(1, sizeof *r);
    r->vm = vm;
    if (tty) {
        open_editor(r);
    }
    return r;
}

// Keeps a copy of [text] (libedit's buffer changes on the next call).
static const char *keep(LineReader *r, const char *text, size_t len)
{
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r')) {
        len--;
    }
    if (len + 1 > r->line_cap) {
        r->line_cap = len + 64;
        r->line = em_realloc(r->line, r->line_cap);
    }
    memcpy(r->line, text, len);
    r->line[len] = '\0';
    return r->line;
}

const char *line_reader_get(LineReader *r, const char *prompt, bool *interrupted)
{
    *interrupted = false;
    repl_interrupted = 0;
    if (r->el == NULL) {
        ssize_t n = getline(&r->line, &r->line_cap, stdin);
        return n < 0 ? NULL : keep(r, r->line, (size_t)n);
    }
    r->prompt = prompt ? prompt : "";
    // libedit prints the prompt before it switches the terminal to raw mode (on its first
    // read); a Ctrl-D typed in between would be eaten by the cooked terminal. Raw mode first.
    el_set(r->el, EL_PREP_TERM, 1);
    int count = 0;
    const char *text = el_gets(r->el, &count);
    if (repl_interrupted || (text == NULL && count < 0 && errno == EINTR)) {
        // Ctrl-C: libedit keeps the half-typed line unless told otherwise.
        repl_interrupted = 0;
        el_reset(r->el);
        fputs("\n", stdout);
        fflush(stdout);
        *interrupted = true;
        return NULL;
    }
    if (text == NULL || count <= 0) {
        fputs("\n", stdout); // Ctrl-D: end the prompt's line
        fflush(stdout);
        return NULL;
    }
    return keep(r, text, (size_t)count);
}

void line_reader_remember(LineReader *r, const char *entry)
{
    if (r->history == NULL || entry[0] == '\0') {
        return;
    }
    HistEvent ev;
    history(r->history, &ev, H_ENTER, entry);
    if (r->history_path[0] != '\0') {
        history(r->history, &ev, H_SAVE, r->history_path);
    }
}

void line_reader_free(LineReader *r)
{
    if (r == NULL) {
        return;
    }
    if (r->el != NULL) {
        el_end(r->el);
    }
    if (r->history != NULL) {
        history_end(r->history);
    }
    free(r->line);
    free(r);
}
