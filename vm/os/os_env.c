// The OS environment and directories behind System.put_env/delete_env/get_env/0 and
// System.tmp_dir (stdlib/system.ex): setenv/unsetenv/environ and a writable-directory check.
// The environment is process-wide: a change is seen by every Ember process and by the programs
// System.cmd starts afterwards. (glibc's getenv is not synchronized with setenv; as on the
// BEAM, a script that changes the environment while other processes read it sees either value.)
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../bi_common.h"
#include "../builtins.h"
#include "../process.h"
#include "../vm.h"

extern char **environ;

// Why binary [t] cannot be a variable name ([is_name]) or value; NULL when it can. Copies it,
// NUL-terminated, into a new em_malloc'd *[out] when it can.
static const char *env_text(Term t, bool is_name, char **out)
{
    *out = NULL;
    if (!term_is_binary(t)) {
        return "not a binary";
    }
    size_t size;
    const uint8_t *bytes = term_binary_bytes(t, &size);
    if (memchr(bytes, '\0', size) != NULL) {
        return "\"\\0\" characters is not allowed in environment variable names or values";
    }
    if (is_name && memchr(bytes, '=', size) != NULL) {
        return "\"=\" characters is not allowed in environment variable names";
    }
    *out = em_malloc(size + 1);
    memcpy(*out, bytes, size);
    (*out)[size] = '\0';
    return NULL;
}

// :ember_os.putenv(name, value): sets the variable; :ok. An empty name is ignored.
Term bi_ember_os_putenv_2(Process *p, Term *args)
{
    char *name, *value;
    const char *why = env_text(args[0], true, &name);
    if (why != NULL) {
        return bi_badarg(p, 1, why);
    }
    why = env_text(args[1], false, &value);
    if (why != NULL) {
        free(name);
        return bi_badarg(p, 2, why);
    }
    if (name[0] != '\0') {
        setenv(name, value, 1);
    }
    free(name);
    free(value);
    return term_from_atom(ATOM_ok);
}

// :ember_os.unsetenv(name): removes the variable; :ok.
Term bi_ember_os_unsetenv_1(Process *p, Term *args)
{
    char *name;
    const char *why = env_text(args[0], true, &name);
    if (why != NULL) {
        return bi_badarg(p, 1, why);
    }
    if (name[0] != '\0') {
        unsetenv(name);
    }
    free(name);
    return term_from_atom(ATOM_ok);
}

// :ember_os.environ(): the environment as a list of "NAME=value" binaries.
Term bi_ember_os_environ_0(Process *p, Term *args)
{
    (void)args;
    size_t count = 0;
    while (environ[count] != NULL) {
        count++;
    }
    Term list = TERM_NIL;
    for (size_t i = count; i > 0; i--) {
        list = term_make_cons(p, bi_binary_from_cstr(p, environ[i - 1]), list);
    }
    return list;
}

// :ember_os.writable_dir(path): whether [path] is a directory this process can write to (the
// test System.tmp_dir makes of each candidate).
Term bi_ember_os_writable_dir_1(Process *p, Term *args)
{
    char *path;
    (void)p;
    if (env_text(args[0], false, &path) != NULL) {
        return term_from_atom(ATOM_false);
    }
    struct stat st;
    bool ok = stat(path, &st) == 0 && S_ISDIR(st.st_mode) && access(path, W_OK) == 0;
    free(path);
    return term_from_atom(ok ? ATOM_true : ATOM_false);
}
