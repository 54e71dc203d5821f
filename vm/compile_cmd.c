// `ember compile FILE.ex ... -o DIR [--bundle OUT]`: compiles every module of the files to
// DIR/<Module>.emb (e.g. DIR/Elixir.Enum.emb). --bundle also writes all modules concatenated,
// each padded to 8 bytes, which is how the stdlib is embedded in the binary. Every module is
// loaded and verified once, so a compiler bug fails the build instead of a user's program.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compiler.h"
#include "loader.h"
#include "vm.h"

int main_compile(int argc, char **argv);

static bool write_module(Vm *vm, const CompiledModule *m, const char *dir, FILE *bundle)
{
    char err[256];
    Module *loaded = loader_load(vm, m->bytes, m->size, err, sizeof err);
    if (loaded == NULL) {
        fprintf(stderr, "ember: compiled module %s does not verify: %s\n", m->name, err);
        return false;
    }
    loader_free_module(loaded);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.emb", dir, m->name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(m->bytes, 1, m->size, f) != m->size) {
        fprintf(stderr, "ember: cannot write %s\n", path);
        if (f) {
            fclose(f);
        }
        return false;
    }
    fclose(f);
    if (bundle != NULL) {
        static const uint8_t zeros[8] = {0};
        fwrite(m->bytes, 1, m->size, bundle);
        fwrite(zeros, 1, (8 - m->size % 8) % 8, bundle);
    }
    return true;
}

static bool compile_file(Vm *vm, const char *path, const char *dir, FILE *bundle)
{
    size_t len;
    char *src = em_read_file(path, &len);
    if (src == NULL) {
        fprintf(stderr, "ember: cannot read %s\n", path);
        return false;
    }
    CompileOutput out = {0};
    Diag diag;
    bool ok = compile_source(src, len, path, COMPILE_MODULES, &out, &diag);
    if (!ok) {
        diag_print(&diag);
    }
    for (size_t i = 0; ok && i < out.count; i++) {
        ok = write_module(vm, &out.modules[i], dir, bundle);
    }
    compile_output_free(&out);
    free(src);
    return ok;
}

// mkdir -p [dir], as elixirc -o does.
static bool make_dirs(const char *dir)
{
    char path[4096];
    size_t len = strlen(dir);
    if (len == 0 || len >= sizeof path) {
        return false;
    }
    memcpy(path, dir, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (path[i] == '/' || path[i] == '\0') {
            char saved = path[i];
            path[i] = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                return false;
            }
            path[i] = saved;
        }
    }
    struct stat st;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

int main_compile(int argc, char **argv)
{
    const char *dir = NULL;
    const char *bundle_path = NULL;
    int nfiles = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strcmp(argv[i], "--bundle") == 0 && i + 1 < argc) {
            bundle_path = argv[++i];
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (dir == NULL || nfiles == 0) {
        fputs("Usage: ember compile FILE.ex ... -o DIR [--bundle OUT]\n", stderr);
        free(files);
        return 2;
    }
    FILE *bundle = bundle_path ? fopen(bundle_path, "wb") : NULL;
    if (bundle_path && bundle == NULL) {
        fprintf(stderr, "ember: cannot write %s\n", bundle_path);
        free(files);
        return 1;
    }
    if (!make_dirs(dir)) {
        fprintf(stderr, "ember: cannot create directory %s\n", dir);
        free(files);
        if (bundle) {
            fclose(bundle);
        }
        return 1;
    }
    Vm *vm = vm_new();
    bool ok = true;
    for (int i = 0; i < nfiles && ok; i++) {
        ok = compile_file(vm, files[i], dir, bundle);
    }
    vm_free(vm);
    if (bundle) {
        fclose(bundle);
        if (!ok) {
            remove(bundle_path);
        }
    }
    free(files);
    return ok ? 0 : 1;
}
