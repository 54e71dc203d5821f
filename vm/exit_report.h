// What a process's death by an uncaught exception looks like from outside: the exit reason
// Erlang gives links and monitors ({:badarith, stack}, not an Elixir struct), and the crash
// report Elixir's Logger prints on stdout. Also the Logger levels and the one writer of
// Logger lines, shared by the report and the Logger built-ins (bi_logger.c).
#ifndef EMBER_VM_EXIT_REPORT_H
#define EMBER_VM_EXIT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "inspect.h"
#include "term.h"
#include "types.h"

// Logger levels, ordered by severity: a message of level L is printed when
// L >= vm->logger_level. LOG_DEBUG is 0 so that a zeroed Vm has Elixir's default level.
enum {
    LOG_ALL = -1,
    LOG_DEBUG = 0,
    LOG_INFO,
    LOG_NOTICE,
    LOG_WARNING,
    LOG_ERROR,
    LOG_CRITICAL,
    LOG_ALERT,
    LOG_EMERGENCY,
    LOG_NONE,
};
#define LOG_DEFAULT LOG_DEBUG

// The exit reason of [p], whose initial call ended with the uncaught exception p->exc_kind,
// p->exc_reason, p->exc_stack, built on [p]'s heap as Erlang builds it: exit -> the reason;
// throw v -> {{:nocatch, v}, stack}; error -> {raw, stack} where raw is Erlang's own term for
// errors the runtime raises (exit_report_raw_error). Call only from [p]'s owner.
Term exit_reason_of(Process *p);

// Erlang's raw term for :error exception [exc] (an Elixir struct, as Ember always builds
// them) raised with stacktrace [stack]: MatchError -> {:badmatch, term}, ArithmeticError with
// its default message -> :badarith, ErlangError -> its original, KeyError of a map operation
// -> {:badkey, key}, ... and [exc] itself for exceptions that are Elixir structs in Erlang
// too (RuntimeError, user exceptions, `raise KeyError`). Allocates on [p]'s heap.
Term exit_report_raw_error(Process *p, Term exc, Term stack);

// For an uncaught :error whose exception module defines message/1 (defexception with a
// custom message), runs Mod.message(exception) in a fresh helper process, as Elixir's report
// would. Returns the binary, which lives on *[helper]'s heap (the caller proc_free's
// *[helper], which stays NULL when no helper was made), or TERM_NONE (no message/1, or it
// failed). Runs the helper to completion on the calling thread.
Term exit_report_custom_message(Vm *vm, Process *p, Process **helper);

// Prints Logger's report for [p], a spawned process that died of an uncaught error or throw
// (nothing for exits, or when vm->logger_level is above LOG_ERROR):
//   "\n14:34:50.658 [error] Process #PID<0.99.0> raised an exception\n** (RuntimeError) boom\n"
// followed by the stack lines. Call from [p]'s owner before its heap is freed; may allocate
// on [p]'s heap and runs a helper process for custom messages.
void exit_report_print(Vm *vm, Process *p);

// Appends Exception.format_exit([reason]) as Elixir 1.14 prints it after
// "** (EXIT from #PID<0.96.0>) " when a linked process's exit kills the script (no trailing
// newline). {error, stacktrace}: "an exception was raised:\n    ** (Kind) message", then
// "\n        " and one line per entry; raw errors (:badarith) are normalised back to their
// exception and custom messages computed in a helper process. :killed, :shutdown,
// {:shutdown, r}, :noproc ...: in words. {r, {m, f, args}}: "exited in: m.f(args)\n    ** (EXIT) "
// and r formatted. Anything else: inspected. Allocates on [p]'s heap; call from [p]'s owner.
void exit_report_format_exit(Vm *vm, Process *p, Term reason, StrBuf *out);

// True when a Logger message of [level] (LOG_*) is printed at the current vm->logger_level.
bool exit_report_log_enabled(Vm *vm, int level);

// Writes one Logger line "\nHH:MM:SS.mmm [level] text\n" to stdout with a single fwrite under
// vm->output_lock, whatever the level (the caller checks exit_report_log_enabled). [level]
// is LOG_DEBUG .. LOG_EMERGENCY. Thread-safe.
void exit_report_log(Vm *vm, int level, const char *text, size_t len);

// The level's name as Logger prints and returns it ("warning", "all", "none"), or NULL.
const char *exit_report_level_name(int level);
// The LOG_* level named [name] (Logger's names, plus "warn" for warning), or false.
bool exit_report_level_parse(const char *name, int *level);

// Formats the local wall-clock time as "HH:MM:SS.mmm" into [out] (NUL-terminated).
void exit_report_timestamp(char out[13]);

#endif
