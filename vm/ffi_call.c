// Prepared functions and calls. A call's converted arguments live in one FfiCall block: on the
// stack for inline calls, on the C heap for pooled ones, where it is also the IoJob. A pooled
// call holds a reference on the function's cell and on every pointer argument's cell, so
// neither can be freed while C code runs, even if the caller dies or drops them.
#include "ffi_call.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "error.h"
#include "ffi_cell.h"
#include "io_pool.h"
#include "process.h"
#include "vm.h"

// Bytes of libffi's return slot: at least an ffi_arg, enough for a double or a pointer.
#define FFI_RET_WORDS 2

typedef struct FfiCall {
    IoJob base; // pooled calls only
    const FfiFun *fun;
    RefcBinary *fun_bin;   // pooled: a reference held for the job's life, else NULL
    uint32_t argc;
    uint32_t held_len;
    RefcBinary *held[FFI_MAX_ARGS];   // pooled: cells of the pointer arguments
    char *strings[FFI_MAX_ARGS];      // copies made for :string arguments, or NULL
    uint64_t values[FFI_MAX_ARGS];    // the C arguments (every type fits 8 bytes)
    void *avalues[FFI_MAX_ARGS];      // &values[i], as ffi_call wants them
    uint64_t ret[FFI_RET_WORDS];
    char *ret_text;                   // :string return: a copy of the C string, or NULL
} FfiCall;

_Static_assert(FFI_VALUE_MAX_SIZE <= sizeof(uint64_t), "an argument slot holds any type");

// ==== FFI.function ====

Term ffi_function_new(Process *p, void *lib_handle, const char *name, const FfiSignature *sig)
{
    (void)dlerror(); // clear a stale error
    void *sym = dlsym(lib_handle, name);
    if (sym == NULL) {
        const char *why = dlerror();
        StrBuf msg;
        strbuf_init(&msg);
        strbuf_printf(&msg, "%s", why != NULL ? why : "symbol is NULL");
        Term reason = bi_binary_from_buf(p, &msg);
        strbuf_free(&msg);
        return bi_tuple2(p, bi_atom(p, "error"), reason);
    }
    size_t name_size = strlen(name) + 1;
    Term handle;
    FfiFun *fun = ffi_cell_new(p, FFI_CELL_FUNCTION, sizeof(FfiFun) + name_size, &handle);
    memcpy(&fun->fn, &sym, sizeof sym); // object pointer to function pointer, as dlsym intends
    fun->argc = sig->argc;
    fun->nfixed = sig->nfixed < 0 ? sig->argc : (uint32_t)sig->nfixed;
    fun->blocking = sig->blocking;
    fun->ret = sig->ret;
    memcpy(fun->name, name, name_size);
    for (uint32_t i = 0; i < sig->argc; i++) {
        fun->args[i] = sig->args[i];
        fun->arg_types[i] = ffi_type_table[sig->args[i]].type;
    }
    ffi_type *rtype = ffi_type_table[sig->ret].type;
    ffi_status st = sig->nfixed < 0
                        ? ffi_prep_cif(&fun->cif, FFI_DEFAULT_ABI, sig->argc, rtype, fun->arg_types)
                        : ffi_prep_cif_var(&fun->cif, FFI_DEFAULT_ABI, fun->nfixed, sig->argc,
                                           rtype, fun->arg_types);
    if (st != FFI_OK) {
        return error_raise(p, ERR_ARGUMENT, "FFI.function: libffi cannot prepare %s/%u (status %d)",
                           name, sig->argc, (int)st);
    }
    Term extra[4] = {bi_atom(p, "name"), bi_binary_from_cstr(p, name), bi_atom(p, "arity"),
                     term_from_small(sig->argc)};
    return ffi_cell_wrap(p, FFI_CELL_FUNCTION, handle, extra, 2);
}

// ==== Arguments ====

// Raises "argument [i]+1 of name/arity: [why]" followed by the description in [detail].
static bool raise_arg(Process *p, const FfiCall *c, uint32_t i, const char *why, StrBuf *detail)
{
    error_raise(p, ERR_ARGUMENT, "argument %u of %s/%u: %s%.*s", i + 1, c->fun->name, c->argc,
                why, detail != NULL ? (int)detail->len : 0, detail != NULL ? detail->data : "");
    if (detail != NULL) {
        strbuf_free(detail);
    }
    return false;
}

static bool convert_pointer(Process *p, FfiCall *c, uint32_t i, Term t, bool pooled)
{
    void *addr = NULL;
    if (t != term_nil_atom()) {
        FfiPtrRef ref;
        if (!ffi_pointer_get(p, t, &ref)) {
            StrBuf d;
            strbuf_init(&d);
            ffi_describe_conv(p->vm, FFI_T_POINTER, t, FFI_CONV_WRONG_TYPE, &d);
            return raise_arg(p, c, i, "", &d);
        }
        if (atomic_load(&ref.cell->freed)) {
            return raise_arg(p, c, i, "the pointer was freed by FFI.free/1", NULL);
        }
        addr = ffi_pointer_addr(&ref, 0, 0);
        if (addr == NULL) {
            return raise_arg(p, c, i, "the pointer's offset is outside its allocation", NULL);
        }
        if (pooled) {
            refc_binary_retain(ref.bin);
            c->held[c->held_len++] = ref.bin;
        }
    }
    memcpy(&c->values[i], &addr, sizeof addr);
    return true;
}

static bool convert_string(Process *p, FfiCall *c, uint32_t i, Term t)
{
    char *copy = NULL;
    const uint8_t *bytes;
    size_t size;
    if (t != term_nil_atom()) {
        if (!bi_text(t, &bytes, &size)) {
            StrBuf d;
            strbuf_init(&d);
            ffi_describe_conv(p->vm, FFI_T_STRING, t, FFI_CONV_WRONG_TYPE, &d);
            return raise_arg(p, c, i, "", &d);
        }
        if (memchr(bytes, '\0', size) != NULL) {
            return raise_arg(p, c, i, "a :string cannot contain a NUL byte", NULL);
        }
        copy = em_malloc(size + 1);
        memcpy(copy, bytes, size);
        copy[size] = '\0';
        c->strings[i] = copy;
    }
    memcpy(&c->values[i], &copy, sizeof copy);
    return true;
}

static bool convert_arg(Process *p, FfiCall *c, uint32_t i, Term t, bool pooled)
{
    FfiTypeId id = c->fun->args[i];
    c->avalues[i] = &c->values[i];
    switch (ffi_type_table[id].kind) {
    case FFI_KIND_POINTER: return convert_pointer(p, c, i, t, pooled);
    case FFI_KIND_STRING: return convert_string(p, c, i, t);
    default: break;
    }
    FfiConv r = ffi_scalar_to_c(id, t, &c->values[i]);
    if (r == FFI_CONV_OK) {
        return true;
    }
    StrBuf d;
    strbuf_init(&d);
    ffi_describe_conv(p->vm, id, t, r, &d);
    return raise_arg(p, c, i, "", &d);
}

// Frees what converting arguments made and drops the references a pooled call held.
static void release_call(FfiCall *c)
{
    for (uint32_t i = 0; i < c->argc; i++) {
        free(c->strings[i]);
    }
    for (uint32_t i = 0; i < c->held_len; i++) {
        refc_binary_release(c->held[i]);
    }
    if (c->fun_bin != NULL) {
        refc_binary_release(c->fun_bin);
    }
    free(c->ret_text);
}

// Converts the elements of proper list [args] into [c]; false after raising.
static bool convert_args(Process *p, FfiCall *c, Term args, bool pooled)
{
    memset(c->strings, 0, c->argc * sizeof c->strings[0]); // release_call frees them
    size_t len;
    if (!bi_list_length(args, &len) || len != c->argc) {
        InspectOpts opts = inspect_default_opts();
        StrBuf d;
        strbuf_init(&d);
        inspect_term(p->vm, args, &opts, &d);
        error_raise(p, ERR_ARGUMENT, "FFI.call: %s/%u takes %u argument%s, got: %.*s",
                    c->fun->name, c->argc, c->argc, c->argc == 1 ? "" : "s", (int)d.len, d.data);
        strbuf_free(&d);
        return false;
    }
    for (uint32_t i = 0; i < c->argc; i++, args = term_tl(args)) {
        if (!convert_arg(p, c, i, term_hd(args), pooled)) {
            return false;
        }
    }
    return true;
}

// ==== Running and the result ====

static void run_call(FfiCall *c)
{
    ffi_call((ffi_cif *)&c->fun->cif, c->fun->fn, c->ret, c->avalues);
    if (c->fun->ret == FFI_T_STRING) {
        const char *s;
        memcpy(&s, c->ret, sizeof s);
        if (s != NULL) {
            size_t n = strlen(s);
            c->ret_text = em_malloc(n + 1);
            memcpy(c->ret_text, s, n + 1);
        }
    }
}

static Term result_term(FfiCall *c, Process *p)
{
    FfiTypeId id = c->fun->ret;
    void *addr;
    uint8_t narrow[FFI_VALUE_MAX_SIZE];
    switch (ffi_type_table[id].kind) {
    case FFI_KIND_VOID: return term_from_atom(ATOM_ok);
    case FFI_KIND_POINTER: memcpy(&addr, c->ret, sizeof addr); return ffi_pointer_foreign(p, addr);
    case FFI_KIND_STRING:
        return c->ret_text != NULL ? bi_binary_from_cstr(p, c->ret_text) : term_nil_atom();
    default: ffi_return_narrow(id, c->ret, narrow); return ffi_scalar_to_term(p, id, narrow);
    }
}

static void job_run(IoJob *job) { run_call((FfiCall *)job); }

static Term job_reply(IoJob *job, Process *p) { return result_term((FfiCall *)job, p); }

static void job_destroy(IoJob *job)
{
    release_call((FfiCall *)job);
    free(job);
}

// Queues pooled call [c] (arguments converted) and returns the ref of its reply.
static Term submit(Process *p, FfiCall *c)
{
    c->base.run = job_run;
    c->base.reply = job_reply;
    c->base.destroy = job_destroy;
    return io_job_start(p, &c->base);
}

Term ffi_call_start(Process *p, Term fun_term, Term args)
{
    RefcBinary *fun_bin;
    const FfiFun *fun = ffi_cell_get(p, fun_term, FFI_CELL_FUNCTION, &fun_bin);
    if (fun == NULL) {
        InspectOpts opts = inspect_default_opts();
        StrBuf d;
        strbuf_init(&d);
        inspect_term(p->vm, fun_term, &opts, &d);
        error_raise(p, ERR_ARGUMENT, "FFI.call: expected an FFI.Function from FFI.function/5, got: %.*s",
                    (int)d.len, d.data);
        strbuf_free(&d);
        return TERM_NONE;
    }
    if (!fun->blocking) {
        FfiCall c;
        c.fun = fun;
        c.fun_bin = NULL;
        c.argc = fun->argc;
        c.held_len = 0;
        c.ret_text = NULL;
        bool ok = convert_args(p, &c, args, false);
        if (ok) {
            run_call(&c);
        }
        Term r = ok ? result_term(&c, p) : TERM_NONE;
        release_call(&c);
        return r;
    }
    FfiCall *c = em_calloc(1, sizeof *c);
    c->fun = fun;
    c->argc = fun->argc;
    if (!convert_args(p, c, args, true)) {
        job_destroy(&c->base);
        return TERM_NONE;
    }
    refc_binary_retain(fun_bin);
    c->fun_bin = fun_bin;
    return submit(p, c);
}
