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

// True when [stack] starts with a BEAM map operation, as error_raise_key puts it.
static bool starts_with_map_op(Process *p, Term stack)
{
    if (!term_is_cons(stack) || !term_is_tuple(term_hd(stack)) ||
        term_tuple_arity(term_hd(stack)) != 4) {
        return false;
    }
    Term module = term_tuple_elems(term_hd(stack))[0];
    return module == atom_of(p, "erlang") || module == atom_of(p, "maps");
}

// KeyError: BEAM's map operations (Map.fetch!, map.key, %{m | k: v}) raise {:badkey, key}:
// error_raise_key marks them with a map_get stack entry, or (update syntax) leaves both :term
// and :message nil. Keyword functions and `raise KeyError, ...` keep the struct.
static Term raw_key_error(Process *p, Term exc, Term stack)
{
    bool from_map_op = starts_with_map_op(p, stack) || (field(p, exc, "term") == term_nil_atom() &&
                                                        field(p, exc, "message") == term_nil_atom());
    return from_map_op ? pair(p, term_from_atom(ATOM_badkey), field(p, exc, "key")) : exc;
}

// The Erlang term of exception [exc] of module [name] from the special cases, or TERM_NONE.
static Term raw_special(Process *p, Term exc, Term stack, const char *name)
{
    if (strcmp(name, "Elixir.KeyError") == 0) {
        return raw_key_error(p, exc, stack);
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

Term exit_report_raw_error(Process *p, Term exc, Term stack)
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
    Term special = raw_special(p, exc, stack, name);
    return special == TERM_NONE ? exc : special;
}

// [stack] with {module, fun, arity_or_args, []} on top unless it is there already.
static Term push_call(Process *p, Term stack, Term module, Term fun, Term arity)
{
    if (term_is_cons(stack) && term_is_tuple(term_hd(stack))) {
        Term *top = term_tuple_elems(term_hd(stack));
        if (top[0] == module && top[1] == fun) {
            return stack;
        }
    }
    Term entry[4] = {module, fun, arity, TERM_NIL};
    return term_make_cons(p, term_make_tuple(p, 4, entry), stack);
}

// BEAM's stacktrace starts with the failing call for :undef (the missing function) and for a
// map lookup's {:badkey, k} (:erlang.map_get(k, map)); whoever receives the exit reason
// needs that entry to rebuild the exception's fields (error_normalize_stack).
static Term raw_error_stack(Process *p, Term raw, Term stack)
{
    Term exc = p->exc_reason;
    stack = term_is_list(stack) ? stack : TERM_NIL;
    if (raw == term_from_atom(ATOM_undef)) {
        return push_call(p, stack, field(p, exc, "module"), field(p, exc, "function"),
                         field(p, exc, "arity"));
    }
    Term map = field(p, exc, "term");
    if (term_is_tuple(raw) && term_tuple_arity(raw) == 2 &&
        term_tuple_elems(raw)[0] == term_from_atom(ATOM_badkey) && term_is_map(map)) {
        Term args[2] = {term_tuple_elems(raw)[1], map};
        return push_call(p, stack, atom_of(p, "erlang"), atom_of(p, "map_get"),
                         term_make_list(p, 2, args));
    }
    return stack;
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
    Term raw = exit_report_raw_error(p, p->exc_reason, stack);
    return pair(p, raw, raw_error_stack(p, raw, stack));
}

// ==== Crash reports ====

// Mod.message(exc) run in a helper process when [exc]'s module defines message/1; see
// exit_report_custom_message.
static Term custom_message_of(Vm *vm, Term exc, Process **helper)
{
    Term name = term_is_map(exc) ? map_struct_name(exc) : TERM_NONE;
    uint32_t index;
    if (name == TERM_NONE || !atom_lookup(vm->atoms, "message", 7, &index)) {
        return TERM_NONE;
    }
    Module *mod = vm_get_module(vm, name);
    const Function *fn = mod ? module_find_function(mod, term_from_atom(index), 1) : NULL;
    if (fn == NULL) {
        return TERM_NONE;
    }
    *helper = proc_new(vm);
    Term arg = term_copy_to(*helper, exc);
    proc_set_initial_call(*helper, fn, &arg, 1);
    if (sched_run_to_completion(*helper) != INTERP_DONE || !term_is_binary((*helper)->result)) {
        return TERM_NONE;
    }
    return (*helper)->result;
}

Term exit_report_custom_message(Vm *vm, Process *p, Process **helper)
{
    if (p->exc_kind != term_from_atom(ATOM_error)) {
        return TERM_NONE;
    }
    return custom_message_of(vm, p->exc_reason, helper);
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
    // The stack BEAM would show: a missing function or map lookup as the top entry.
    Term stack = p->exc_stack;
    if (is_error) {
        stack = raw_error_stack(p, exit_report_raw_error(p, reason, stack), stack);
    }
    StrBuf text;
    strbuf_init(&text);
    strbuf_append_cstr(&text, "Process ");
    InspectOpts opts = inspect_default_opts();
    inspect_term(vm, p->pid, &opts, &text);
    strbuf_append_cstr(&text, " raised an exception\n");
    error_format(vm, term_from_atom(ATOM_error), reason, stack, message, ERROR_STYLE_REPORT, &text);
    // error_format ends every line; exit_report_log adds the last newline itself.
    exit_report_log(vm, LOG_ERROR, text.data, text.len - 1);
    strbuf_free(&text);
    proc_free(helper);
}

// ==== Exit reasons in words (Exception.format_exit/1) ====

// A non-empty list of {module, fun, arity_or_args, location} entries.
static bool is_stacktrace(Term t)
{
    if (!term_is_cons(t)) {
        return false;
    }
    for (; term_is_cons(t); t = term_tl(t)) {
        Term e = term_hd(t);
        if (!term_is_tuple(e) || term_tuple_arity(e) != 4) {
            return false;
        }
        Term *el = term_tuple_elems(e);
        if (!term_is_atom(el[0]) || !term_is_atom(el[1]) || !term_is_list(el[3]) ||
            !(term_is_small(el[2]) || term_is_list(el[2]))) {
            return false;
        }
    }
    return term_is_nil(t);
}

// "an exception was raised:" with the banner and stack, lines joined by [joiner].
static void format_exception_exit(Vm *vm, Process *p, Term raw, Term stack, const char *joiner,
                                  StrBuf *out)
{
    Term exc = error_normalize_stack(p, raw, stack);
    Process *helper = NULL;
    Term message = custom_message_of(vm, exc, &helper);
    strbuf_printf(out, "an exception was raised:%s", joiner);
    error_format_banner(vm, term_from_atom(ATOM_error), exc, stack, message, ERROR_STYLE_REPORT,
                        out);
    for (Term l = stack; term_is_cons(l); l = term_tl(l)) {
        strbuf_printf(out, "%s    ", joiner);
        error_format_stack_entry(vm, term_hd(l), ERROR_STYLE_REPORT, out);
    }
    proc_free(helper);
}

// Exception.format_exit_reason/1: the reasons Elixir puts in words, else inspect.
static void format_exit_reason(Vm *vm, Term reason, StrBuf *out)
{
    static const struct {
        const char *atom;
        const char *text;
    } words[] = {
        {"normal", "normal"},
        {"shutdown", "shutdown"},
        {"calling_self", "process attempted to call itself"},
        {"timeout", "time out"},
        {"killed", "killed"},
        {"noconnection", "no connection"},
        {"noproc", "no process: the process is not alive or there's no process currently "
                   "associated with the given name, possibly because its application isn't "
                   "started"},
    };
    InspectOpts opts = inspect_default_opts();
    if (term_is_atom(reason)) {
        const char *name = atom_name(vm->atoms, term_to_atom(reason), NULL);
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
            if (strcmp(name, words[i].atom) == 0) {
                strbuf_append_cstr(out, words[i].text);
                return;
            }
        }
    }
    if (term_is_tuple(reason) && term_tuple_arity(reason) == 2 &&
        term_tuple_elems(reason)[0] == term_from_atom(ATOM_shutdown)) {
        strbuf_append_cstr(out, "shutdown: ");
        reason = term_tuple_elems(reason)[1];
    }
    inspect_term(vm, reason, &opts, out);
}

static void format_exit(Vm *vm, Process *p, Term reason, const char *joiner, StrBuf *out)
{
    Term *el = term_is_tuple(reason) && term_tuple_arity(reason) == 2 ? term_tuple_elems(reason)
                                                                       : NULL;
    if (el != NULL && is_stacktrace(el[1])) {
        format_exception_exit(vm, p, el[0], el[1], joiner, out);
        return;
    }
    // {reason, {mod, fun, args}}: a GenServer.call and the like that exited.
    Term *mfa = el != NULL && term_is_tuple(el[1]) && term_tuple_arity(el[1]) == 3
                    ? term_tuple_elems(el[1])
                    : NULL;
    if (mfa != NULL && term_is_atom(mfa[0]) && term_is_atom(mfa[1]) && term_is_list(mfa[2])) {
        Term entry[4] = {mfa[0], mfa[1], mfa[2], TERM_NIL};
        char deeper[64];
        snprintf(deeper, sizeof deeper, "%s    ", joiner);
        strbuf_append_cstr(out, "exited in: ");
        error_format_stack_entry(vm, term_make_tuple(p, 4, entry), ERROR_STYLE_REPORT, out);
        strbuf_printf(out, "%s** (EXIT) ", joiner);
        format_exit(vm, p, el[0], deeper, out);
        return;
    }
    format_exit_reason(vm, reason, out);
}

void exit_report_format_exit(Vm *vm, Process *p, Term reason, StrBuf *out)
{
    format_exit(vm, p, reason, "\n    ", out);
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
