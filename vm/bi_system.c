// System built-ins: the script's arguments, halting, environment and time.
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

// System.monotonic_time/1 and System.system_time/1 for :second, :millisecond,
// :microsecond, :nanosecond (and :native, which is nanoseconds here).
static Term time_in_unit(Process *p, Term unit, clockid_t clock)
{
    static const struct {
        const char *name;
        int64_t divisor;
    } units[] = {{"second", 1000000000}, {"millisecond", 1000000}, {"microsecond", 1000},
                 {"nanosecond", 1},      {"native", 1}};
    const char *name = term_is_atom(unit) ? atom_name(p->vm->atoms, term_to_atom(unit), NULL) : "";
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(name, units[i].name) == 0) {
            return term_make_int(p, clock_ns(clock) / units[i].divisor);
        }
    }
    return error_raise(p, ERR_ARGUMENT, "unsupported time unit");
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
