// A process's death by an uncaught exception, seen from outside: the Erlang exit reason its
// links and monitors get, and the crash report Elixir 1.14's Logger prints. Ember raises
// Elixir structs everywhere, so the reason maps them back to the raw terms BEAM would have
// raised ({:badmatch, v}, :badarith, ...). Also writes every Logger line (one fwrite under
// vm->output_lock each), so reports and Logger calls from many schedulers never interleave.
#include "exit_report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "inspect.h"
#include "map.h"
#include "module.h"
#include "process.h"
#include "scheduler.h"
#include "vm.h"

static Term atom_of(Process *p, const char *text)
{
    uint32_t index = 0;
    atom_intern(p->vm->atoms, text, strlen(text), &index);
    return term_from_atom(index);
}

// Field [name] of struct [exc], or nil when absent.
static Term field(Process *p, Term exc, const char *name)
{
    uint32_t index;
    Term value;
    if (!atom_lookup(p->vm->atoms, name, strlen(name), &index) ||
        !map_get(exc, term_from_atom(index), &value)) {
        return term_nil_atom();
    }
    return value;
}

static bool binary_equals(Term t, const char *text)
{
    size_t size;
    const uint8_t *bytes = term_is_binary(t) ? term_binary_bytes(t, &size) : NULL;
    return bytes != NULL && size == strlen(text) && memcmp(bytes, text, size) == 0;
}

static bool binary_starts_with(Term t, const char *prefix)
{
    size_t size;
    const uint8_t *bytes = term_is_binary(t) ? term_binary_bytes(t, &size) : NULL;
    return bytes != NULL && size >= strlen(prefix) && memcmp(bytes, prefix, strlen(prefix)) == 0;
}

static Term pair(Process *p, Term a, Term b)
{
    Term elems[2] = {a, b};
    return term_make_tuple(p, 2, elems);
}

// ==== Exit reasons ====

// Exceptions whose Erlang form is {tag, exc.term}.
static const struct {
    const char *module;
    const char *tag;
} term_errors[] = {
    {"Elixir.MatchError", "badmatch"},       {"Elixir.CaseClauseError", "case_clause"},
    {"Elixir.WithClauseError", "with_clause"}, {"Elixir.TryClauseError", "try_clause"},
    {"Elixir.BadMapError", "badmap"},        {"Elixir.BadFunctionError", "badfun"},
};

// Exceptions whose Erlang form is an atom, when their message is [message] (NULL: any). The
// runtime raises them with that message; a custom one came from `raise` and stays a struct.
static const struct {
    const char *module;
    const char *message;
    const char *reason;
} atom_errors[] = {
    {"Elixir.ArithmeticError", "bad argument in arithmetic expression", "badarith"},
    {"Elixir.ArgumentError", "argument error", "badarg"},
    {"Elixir.SystemLimitError", "a system limit has been reached", "system_limit"},
    {"Elixir.FunctionClauseError", NULL, "function_clause"},
    {"Elixir.CondClauseError", NULL, "cond_clause"},
};

// KeyError: BEAM's map operations (Map.fetch!, map.key, %{m | k: v}) raise {:badkey, key};
// Keyword functions and explicit raises (a list as :term, or a custom message) keep the struct.
static Term raw_key_error(Process *p, Term exc)
{
    Term term = field(p, exc, "term");
    bool from_map_op = term_is_map(term) ||
                       (term == term_nil_atom() && field(p, exc, "message") == term_nil_atom());
    return from_map_op ? pair(p, term_from_atom(ATOM_badkey), field(p, exc, "key")) : exc;
}

// The Erlang term of exception [exc] of module [name] from the special cases, or TERM_NONE.
static Term raw_special(Process *p, Term exc, const char *name)
{
    if (strcmp(name, "Elixir.KeyError") == 0) {
        return raw_key_error(p, exc);
    }
    if (strcmp(name, "Elixir.ErlangError") == 0) {
        return field(p, exc, "original");
    }
    if (strcmp(name, "Elixir.UndefinedFunctionError") == 0) {
        return field(p, exc, "message") == term_nil_atom() ? term_from_atom(ATOM_undef) : exc;
    }
    if (strcmp(name, "Elixir.BadArityError") == 0) {
        Term call = pair(p, field(p, exc, "function"), field(p, exc, "args"));
        return pair(p, term_from_atom(ATOM_badarity), call);
    }
    if (strcmp(name, "Elixir.BadBooleanError") == 0) {
        Term elems[3] = {atom_of(p, "badbool"), field(p, exc, "operator"), field(p, exc, "term")};
        return term_make_tuple(p, 3, elems);
    }
    // The "errors were found at the given arguments" message is what Elixir derives from a
    // BIF's :badarg; Ember's built-ins raise it directly.
    if (strcmp(name, "Elixir.ArgumentError") == 0 &&
        binary_starts_with(field(p, exc, "message"), "errors were found at the given arguments")) {
        return term_from_atom(ATOM_badarg);
    }
    return TERM_NONE;
}

Term exit_report_raw_error(Process *p, Term exc)
{
    Term module = term_is_map(exc) ? map_struct_name(exc) : TERM_NONE;
    if (module == TERM_NONE || !term_is_atom(module)) {
        return exc; // already raw (not an exception struct)
    }
    const char *name = atom_name(p->vm->atoms, term_to_atom(module), NULL);
    for (size_t i = 0; i < sizeof term_errors / sizeof term_errors[0]; i++) {
        if (strcmp(name, term_errors[i].module) == 0) {
            return pair(p, atom_of(p, term_errors[i].tag), field(p, exc, "term"));
        }
    }
    for (size_t i = 0; i < sizeof atom_errors / sizeof atom_errors[0]; i++) {
        if (strcmp(name, atom_errors[i].module) == 0 &&
            (atom_errors[i].message == NULL ||
             binary_equals(field(p, exc, "message"), atom_errors[i].message))) {
            return atom_of(p, atom_errors[i].reason);
        }
    }
    Term special = raw_special(p, exc, name);
    return special == TERM_NONE ? exc : special;
}

Term exit_reason_of(Process *p)
{
    Term stack = term_is_list(p->exc_stack) ? p->exc_stack : TERM_NIL;
    if (p->exc_kind == term_from_atom(ATOM_exit)) {
        return p->exc_reason;
    }
    if (p->exc_kind == term_from_atom(ATOM_throw)) {
        Term nocatch = pair(p, term_from_atom(ATOM_nocatch), p->exc_reason);
        return pair(p, nocatch, stack);
    }
    return pair(p, exit_report_raw_error(p, p->exc_reason), stack);
}

// ==== Crash reports ====

Term exit_report_custom_message(Vm *vm, Process *p, Process **helper)
{
    Term reason = p->exc_reason;
    Term name = term_is_map(reason) ? map_struct_name(reason) : TERM_NONE;
    uint32_t index;
    if (p->exc_kind != term_from_atom(ATOM_error) || name == TERM_NONE ||
        !atom_lookup(vm->atoms, "message", 7, &index)) {
        return TERM_NONE;
    }
    Module *mod = vm_get_module(vm, name);
    const Function *fn = mod ? module_find_function(mod, term_from_atom(index), 1) : NULL;
    if (fn == NULL) {
        return TERM_NONE;
    }
    *helper = proc_new(vm);
    Term arg = term_copy_to(*helper, reason);
    proc_set_initial_call(*helper, fn, &arg, 1);
    if (sched_run_to_completion(*helper) != INTERP_DONE || !term_is_binary((*helper)->result)) {
        return TERM_NONE;
    }
    return (*helper)->result;
}

void exit_report_print(Vm *vm, Process *p)
{
    bool is_error = p->exc_kind == term_from_atom(ATOM_error);
    if ((!is_error && p->exc_kind != term_from_atom(ATOM_throw)) ||
        !exit_report_log_enabled(vm, LOG_ERROR)) {
        return;
    }
    Process *helper = NULL;
    Term message = exit_report_custom_message(vm, p, &helper);
    // Elixir formats the exit reason with Exception.format_banner(:error, ...), which turns a
    // throw's {:nocatch, v} into ErlangError and a raw reason into its exception struct.
    Term reason = is_error ? p->exc_reason : pair(p, term_from_atom(ATOM_nocatch), p->exc_reason);
    reason = error_normalize(p, reason);
    StrBuf text;
    strbuf_init(&text);
    strbuf_append_cstr(&text, "Process ");
    InspectOpts opts = inspect_default_opts();
    inspect_term(vm, p->pid, &opts, &text);
    strbuf_append_cstr(&text, " raised an exception\n");
    error_format(vm, term_from_atom(ATOM_error), reason, p->exc_stack, message, ERROR_STYLE_REPORT,
                 &text);
    // error_format ends every line; exit_report_log adds the last newline itself.
    exit_report_log(vm, LOG_ERROR, text.data, text.len - 1);
    strbuf_free(&text);
    proc_free(helper);
}

// ==== Logger output ====

static const char *const level_names[] = {
    "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency",
};

const char *exit_report_level_name(int level)
{
    if (level == LOG_ALL) {
        return "all";
    }
    if (level == LOG_NONE) {
        return "none";
    }
    return level >= LOG_DEBUG && level < LOG_NONE ? level_names[level] : NULL;
}

bool exit_report_level_parse(const char *name, int *level)
{
    if (strcmp(name, "warn") == 0) {
        *level = LOG_WARNING; // Elixir's deprecated alias
        return true;
    }
    for (int l = LOG_ALL; l <= LOG_NONE; l++) {
        if (strcmp(name, exit_report_level_name(l)) == 0) {
            *level = l;
            return true;
        }
    }
    return false;
}

bool exit_report_log_enabled(Vm *vm, int level)
{
    return level >= atomic_load(&vm->logger_level);
}

void exit_report_timestamp(char out[13])
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct tm local;
    localtime_r(&now.tv_sec, &local);
    // Unsigned and reduced so the compiler can prove each field's width (no truncation).
    snprintf(out, 13, "%02u:%02u:%02u.%03u", (unsigned)local.tm_hour % 100u,
             (unsigned)local.tm_min % 100u, (unsigned)local.tm_sec % 100u,
             (unsigned)(now.tv_nsec / 1000000) % 1000u);
}

void exit_report_log(Vm *vm, int level, const char *text, size_t len)
{
    const char *name = exit_report_level_name(level);
    char stamp[13];
    exit_report_timestamp(stamp);
    StrBuf line;
    strbuf_init(&line);
    strbuf_printf(&line, "\n%s [%s] ", stamp, name ? name : "error");
    strbuf_append(&line, text, len);
    strbuf_append_cstr(&line, "\n");
    pthread_mutex_lock(&vm->output_lock);
    fwrite(line.data, 1, line.len, stdout);
    pthread_mutex_unlock(&vm->output_lock);
    strbuf_free(&line);
}
