// Command-line entry: argument parsing only. Everything it does is a call into runner.c,
// the loader, the compiler or the disassembler.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler.h"
#include "disasm.h"
#include "repl.h"
#include "runner.h"
#include "vm.h"


// The compiled stdlib linked into the binary (tools/stdlib_blob.S).
extern const uint8_t ember_stdlib_blob[];
extern const uint8_t ember_stdlib_blob_end[];

static const char usage[] =
    "Usage: ember [options] [FILE.exs [ARGS...]]\n"
    "\n"
    "  ember                      start the interactive shell (reads stdin when not a terminal)\n"
    "  ember FILE.exs [ARGS]      run a script (System.argv() gets ARGS)\n"
    "  ember -e EXPR [ARGS]       evaluate EXPR\n"
    "  ember compile FILE.ex... -o DIR [--bundle OUT]\n"
    "                             compile modules to DIR/<Module>.emb\n"
    "  ember --dis FILE           disassemble a script, module source or .emb file\n"
    "  ember --check FILE         compile only; report errors\n"
    "  ember --ast FILE           print the parsed quoted form (for parser tests)\n"
    "  ember --schedulers N       scheduler threads (default: one per CPU)\n"
    "  ember -pa DIR              add DIR to the code path (repeatable; also EMBER_PATH=D1:D2)\n"
    "  ember --version | --help\n";

static char *read_or_complain(const char *path, size_t *len)
{
    char *src = em_read_file(path, len);
    if (src == NULL) {
        fprintf(stderr, "** (File.Error) could not read file \"%s\": %s\n", path,
                errno == ENOENT ? "no such file or directory" : strerror(errno));
    }
    return src;
}

// -pa directories, in command-line order (they come before EMBER_PATH's).
static const char *pa_dirs[64];
static int pa_count;

static void add_code_path(Vm *vm)
{
    for (int i = 0; i < pa_count; i++) {
        vm_add_code_path(vm, pa_dirs[i]);
    }
    const char *env = getenv("EMBER_PATH");
    while (env != NULL && *env != '\0') {
        const char *end = strchr(env, ':');
        size_t n = end ? (size_t)(end - env) : strlen(env);
        if (n > 0 && n < 4096) {
            char dir[4096];
            memcpy(dir, env, n);
            dir[n] = '\0';
            vm_add_code_path(vm, dir);
        }
        env = end ? end + 1 : NULL;
    }
}

static Vm *make_vm(int argc, char **argv)
{
    Vm *vm = vm_new();
    add_code_path(vm);
    vm_set_stdlib(vm, ember_stdlib_blob, (size_t)(ember_stdlib_blob_end - ember_stdlib_blob));
    vm->script_argc = argc;
    vm->script_argv = argv;
    return vm;
}

static int run_file(const char *path, int argc, char **argv)
{
    size_t len;
    char *src = read_or_complain(path, &len);
    if (src == NULL) {
        return 1;
    }
    Vm *vm = make_vm(argc, argv);
    int status = runner_run_script(vm, src, len, path);
    fflush(stdout);
    vm_free(vm);
    free(src);
    return status;
}

static int run_expr(const char *expr, int argc, char **argv)
{
    Vm *vm = make_vm(argc, argv);
    int status = runner_run_script(vm, expr, strlen(expr), "-e");
    fflush(stdout);
    vm_free(vm);
    return status;
}

// --check, --ast, --dis on a source file.
static int inspect_source(const char *mode, const char *path)
{
    size_t len;
    char *src = read_or_complain(path, &len);
    if (src == NULL) {
        return 1;
    }
    Diag diag;
    int status = 0;
    if (strcmp(mode, "--ast") == 0) {
        status = compile_print_ast(src, len, path, &diag) ? 0 : 1;
    } else {
        CompileOutput out = {0};
        if (compile_source(src, len, path, COMPILE_SCRIPT, &out, &diag)) {
            for (size_t i = 0; i < out.count && strcmp(mode, "--dis") == 0; i++) {
                disasm_module_bytes(out.modules[i].bytes, out.modules[i].size, stdout);
            }
            compile_output_free(&out);
        } else {
            status = 1;
        }
    }
    if (status != 0) {
        diag_print(&diag);
    }
    free(src);
    return status;
}

static int disassemble(const char *path)
{
    size_t n = strlen(path);
    if (n < 4 || strcmp(path + n - 4, ".emb") != 0) {
        return inspect_source("--dis", path);
    }
    size_t len;
    char *bytes = read_or_complain(path, &len);
    if (bytes == NULL) {
        return 1;
    }
    disasm_module_bytes((const uint8_t *)bytes, len, stdout);
    free(bytes);
    return 0;
}

int main_compile(int argc, char **argv);

int main(int argc, char **argv)
{
    int i = 1;
    while (i < argc && (strcmp(argv[i], "--schedulers") == 0 || strcmp(argv[i], "-pa") == 0)) {
        if (strcmp(argv[i], "-pa") == 0) {
            if (i + 1 >= argc || pa_count == (int)(sizeof pa_dirs / sizeof pa_dirs[0])) {
                fputs("ember: -pa needs a directory (at most 64)\n", stderr);
                return 2;
            }
            pa_dirs[pa_count++] = argv[i + 1];
        } else if (i + 1 >= argc || atoi(argv[i + 1]) <= 0) {
            fputs("ember: --schedulers needs a positive number\n", stderr);
            return 2;
        } else {
            // The VM reads the count where it reads the environment variable.
            setenv("EMBER_SCHEDULERS", argv[i + 1], 1);
        }
        i += 2;
    }
    if (i >= argc) {
        Vm *vm = make_vm(0, NULL);
        int status = repl_main(vm);
        vm_free(vm);
        return status;
    }
    const char *arg = argv[i];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(arg, "--version") == 0) {
        printf("Ember %s (Elixir 1.14 subset)\n", EMBER_VERSION_TEXT);
        return 0;
    }
    if (strcmp(arg, "compile") == 0) {
        return main_compile(argc - i - 1, argv + i + 1);
    }
    if (strcmp(arg, "-e") == 0 || strcmp(arg, "--dis") == 0 || strcmp(arg, "--check") == 0 ||
        strcmp(arg, "--ast") == 0) {
        if (i + 1 >= argc) {
            fprintf(stderr, "ember: %s needs an argument\n%s", arg, usage);
            return 2;
        }
        if (strcmp(arg, "-e") == 0) {
            return run_expr(argv[i + 1], argc - i - 2, argv + i + 2);
        }
        return strcmp(arg, "--dis") == 0 ? disassemble(argv[i + 1])
                                         : inspect_source(arg, argv[i + 1]);
    }
    if (arg[0] == '-' && arg[1] != '\0') {
        fprintf(stderr, "ember: unknown option %s\n%s", arg, usage);
        return 2;
    }
    return run_file(arg, argc - i - 1, argv + i + 1);
}
