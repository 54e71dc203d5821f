// System built-ins: the script's arguments, halting, environment and time.
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

#include "bi_common.h"
#include "builtins.h"
#include "error.h"
#include "process.h"
#include "vm.h"

// System.argv/0: the arguments after the script name, as binaries.
Term bi_system_argv_0(Process *p, Term *args)
{
    (void)args;
    Term list = TERM_NIL;
    for (int i = p->vm->script_argc; i > 0; i--) {
        const char *arg = p->vm->script_argv[i - 1];
        list = term_make_cons(p, term_make_binary(p, arg, strlen(arg)), list);
    }
    return list;
}

// System.get_env/1: the variable's value as a binary, or nil.
Term bi_system_get_env_1(Process *p, Term *args)
{
    if (!term_is_binary(args[0])) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    size_t size;
    const uint8_t *bytes = term_binary_bytes(args[0], &size);
    char name[256];
    if (size >= sizeof name || memchr(bytes, '\0', size) != NULL) {
        return term_nil_atom();
    }
    memcpy(name, bytes, size);
    name[size] = '\0';
    const char *value = getenv(name);
    return value ? term_make_binary(p, value, strlen(value)) : term_nil_atom();
}

static int64_t clock_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// Nanoseconds per [unit] (:second, :millisecond, :microsecond, :nanosecond, :native, which
// is nanoseconds here, or a positive integer: parts per second); 0 when it is not a unit.
static int64_t unit_ns(Process *p, Term unit)
{
    static const struct {
        const char *name;
        int64_t ns;
    } units[] = {{"second", 1000000000}, {"millisecond", 1000000}, {"microsecond", 1000},
                 {"nanosecond", 1},      {"native", 1}, {"seconds", 1000000000},
                 {"milli_seconds", 1000000}, {"micro_seconds", 1000}, {"nano_seconds", 1}};
    if (term_is_small(unit) && term_to_small(unit) > 0 && term_to_small(unit) <= 1000000000) {
        return 1000000000 / term_to_small(unit);
    }
    const char *name = term_is_atom(unit) ? atom_name(p->vm->atoms, term_to_atom(unit), NULL) : "";
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(name, units[i].name) == 0) {
            return units[i].ns;
        }
    }
    return 0;
}

// System.monotonic_time/1 and System.system_time/1.
static Term time_in_unit(Process *p, Term unit, clockid_t clock)
{
    int64_t ns = unit_ns(p, unit);
    if (ns == 0) {
        return error_raise(p, ERR_ARGUMENT, "unsupported time unit");
    }
    return term_make_int(p, clock_ns(clock) / ns);
}

// System.convert_time_unit(time, from, to), rounding down like Erlang.
Term bi_system_convert_time_unit_3(Process *p, Term *args)
{
    int64_t from = unit_ns(p, args[1]);
    int64_t to = unit_ns(p, args[2]);
    if (!term_is_small(args[0]) || from == 0 || to == 0) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    __int128 ns = (__int128)term_to_small(args[0]) * from;
    __int128 q = ns / to;
    if (ns % to != 0 && ns < 0) {
        q -= 1;
    }
    return term_make_int(p, (int64_t)q);
}

Term bi_system_monotonic_time_1(Process *p, Term *args)
{
    return time_in_unit(p, args[0], CLOCK_MONOTONIC);
}

Term bi_system_system_time_1(Process *p, Term *args)
{
    return time_in_unit(p, args[0], CLOCK_REALTIME);
}

Term bi_system_monotonic_time_0(Process *p, Term *args)
{
    (void)args;
    return term_make_int(p, clock_ns(CLOCK_MONOTONIC));
}

// :erlang names of the time functions above (one C function per builtins.def row).
Term bi_erlang_monotonic_time_1(Process *p, Term *args) { return bi_system_monotonic_time_1(p, args); }
Term bi_erlang_system_time_1(Process *p, Term *args) { return bi_system_system_time_1(p, args); }
Term bi_erlang_convert_time_unit_3(Process *p, Term *args) { return bi_system_convert_time_unit_3(p, args); }

// System.halt(status): ends the OS process at once with [status] (0..255), as the BEAM's halt
// does: no process gets to run again. Output written so far is flushed first. _exit, not
// exit: the other threads keep running until the process is gone, so nothing may tear down
// state they use.
Term bi_system_halt_1(Process *p, Term *args)
{
    if (!term_is_small(args[0]) || term_to_small(args[0]) < 0) {
        return bi_badarg(p, 1, "not a non-negative integer");
    }
    pthread_mutex_lock(&p->vm->output_lock);
    fflush(stdout);
    fflush(stderr);
    _exit((int)(term_to_small(args[0]) & 0xff));
}

Term bi_system_halt_0(Process *p, Term *args)
{
    (void)args;
    Term zero = term_from_small(0);
    return bi_system_halt_1(p, &zero);
}
