// :ember_logger, the C side of stdlib/logger.ex: the VM-wide level (vm->logger_level) and the
// console output of Elixir 1.14's default backend ("\nHH:MM:SS.mmm [info] text\n" on stdout).
// Message formatting beyond chardata (lazy functions, :warn) is done in logger.ex.
#include "builtins.h"

#include "bi_common.h"
#include "exit_report.h"
#include "vm.h"

// The LOG_* level named by atom [t] in *[level]; false when [t] is not a level atom.
static bool level_of(Process *p, Term t, int *level)
{
    return term_is_atom(t) && exit_report_level_parse(bi_atom_text(p, t, NULL), level);
}

// A message level (not :all or :none) in *[level], or a FunctionClauseError like Erlang's
// :logger raises for an unknown level.
static bool message_level(Process *p, Term t, int *level)
{
    if (level_of(p, t, level) && *level != LOG_ALL && *level != LOG_NONE) {
        return true;
    }
    bi_function_clause(p, "logger_config:less_or_equal_level/2");
    return false;
}

// :ember_logger.enabled(level): whether a message of [level] would be printed now.
Term bi_ember_logger_enabled_1(Process *p, Term *args)
{
    int level;
    if (!message_level(p, args[0], &level)) {
        return TERM_NONE;
    }
    return term_from_bool(exit_report_log_enabled(p->vm, level));
}

// :ember_logger.write(level, chardata): prints the Logger line, whatever the current level.
Term bi_ember_logger_write_2(Process *p, Term *args)
{
    int level;
    if (!message_level(p, args[0], &level)) {
        return TERM_NONE;
    }
    StrBuf text;
    strbuf_init(&text);
    if (!bi_chardata_append(args[1], &text)) {
        strbuf_free(&text);
        return bi_badarg(p, 2, "not valid character data (an iodata term)");
    }
    exit_report_log(p->vm, level, text.data, text.len);
    strbuf_free(&text);
    return term_from_atom(ATOM_ok);
}

// :ember_logger.level(): the current level as Logger.level/0 returns it.
Term bi_ember_logger_level_0(Process *p, Term *args)
{
    (void)args;
    return bi_atom(p, exit_report_level_name(atomic_load(&p->vm->logger_level)));
}

// :ember_logger.set_level(level): like Logger.configure(level: level); as in Elixir 1.14, an
// unknown level is ignored. Returns :ok.
Term bi_ember_logger_set_level_1(Process *p, Term *args)
{
    int level;
    if (level_of(p, args[0], &level)) {
        atomic_store(&p->vm->logger_level, level);
    }
    return term_from_atom(ATOM_ok);
}
