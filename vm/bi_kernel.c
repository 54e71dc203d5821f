// Kernel built-ins: type tests (allowed in guards), data access (hd, elem, byte_size ...),
// list operators ++ and --, to_string/inspect, and raising (raise, reraise, throw, exit).
// Arithmetic and comparison live in bi_number.c. Error messages follow Elixir 1.14, whose
// Kernel functions inline to :erlang BIFs (so elem/2 reports its tuple as the 1st argument).
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

#include "bi_common.h"
#include "bigint.h"
#include "bitstring.h"
#include "map.h"
#include "module.h"
#include "vm.h"

// ==== Type tests ====

Term bi_kernel_is_integer_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_integer(args[0]));
}

Term bi_kernel_is_float_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_float(args[0]));
}

Term bi_kernel_is_number_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_number(args[0]));
}

Term bi_kernel_is_atom_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_atom(args[0]));
}

Term bi_kernel_is_binary_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_binary(args[0]));
}

Term bi_kernel_is_bitstring_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_bitstring(args[0]));
}

Term bi_kernel_is_boolean_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_boolean(args[0]));
}

Term bi_kernel_is_list_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_list(args[0]));
}

Term bi_kernel_is_tuple_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_tuple(args[0]));
}

Term bi_kernel_is_map_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_map(args[0]));
}

Term bi_kernel_is_map_key_2(Process *p, Term *args)
{
    if (!term_is_map(args[0])) {
        return error_raise_value(p, ERR_BAD_MAP, args[0]);
    }
    Term v;
    return term_from_bool(map_get(args[0], args[1], &v));
}

Term bi_kernel_is_function_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_function(args[0]));
}

// The arity of fun [f]: a closure's Function (its parameters, captured values excluded) or
// an export's stored arity.
static int64_t fun_arity(Term f)
{
    if (term_is_boxed_type(f, TERM_TYPE_CLOSURE)) {
        const Function *fn = (const Function *)(uintptr_t)term_boxed_ptr(f)[1];
        return fn->arity;
    }
    return term_to_small(term_boxed_ptr(f)[3]);
}

Term bi_kernel_is_function_2(Process *p, Term *args)
{
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0) {
        return bi_badarg(p, 2, "not a valid arity");
    }
    if (!term_is_function(args[0])) {
        return term_false();
    }
    return term_from_bool(fun_arity(args[0]) == term_to_small(args[1]));
}

Term bi_kernel_is_nil_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(args[0] == term_nil_atom());
}

Term bi_kernel_is_pid_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_pid(args[0]));
}

Term bi_kernel_is_reference_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_ref(args[0]));
}

Term bi_kernel_is_struct_1(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_map(args[0]) && map_struct_name(args[0]) != TERM_NONE);
}

Term bi_kernel_is_struct_2(Process *p, Term *args)
{
    (void)p;
    return term_from_bool(term_is_map(args[0]) && term_is_atom(args[1]) &&
                          map_struct_name(args[0]) == args[1]);
}

Term bi_kernel_is_exception_1(Process *p, Term *args)
{
    (void)p;
    Term v;
    return term_from_bool(term_is_map(args[0]) && map_struct_name(args[0]) != TERM_NONE &&
                          map_get(args[0], term_from_atom(ATOM_exception), &v) &&
                          v == term_true());
}

// ==== Data access ====

Term bi_kernel_hd_1(Process *p, Term *args)
{
    if (!term_is_cons(args[0])) {
        return bi_badarg(p, 1, "not a nonempty list");
    }
    return term_hd(args[0]);
}

Term bi_kernel_tl_1(Process *p, Term *args)
{
    if (!term_is_cons(args[0])) {
        return bi_badarg(p, 1, "not a nonempty list");
    }
    return term_tl(args[0]);
}

Term bi_kernel_length_1(Process *p, Term *args)
{
    size_t n;
    if (!bi_list_length(args[0], &n)) {
        return bi_badarg(p, 1, "not a list");
    }
    return term_from_small((int64_t)n);
}

Term bi_kernel_elem_2(Process *p, Term *args)
{
    if (!term_is_tuple(args[0])) {
        return bi_badarg(p, 2, "not a tuple");
    }
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0 ||
        term_to_small(args[1]) >= term_tuple_arity(args[0])) {
        return bi_badarg(p, 1, "out of range");
    }
    return term_tuple_elems(args[0])[term_to_small(args[1])];
}

Term bi_kernel_put_elem_3(Process *p, Term *args)
{
    if (!term_is_tuple(args[0])) {
        return bi_badarg(p, 2, "not a tuple");
    }
    uint32_t n = term_tuple_arity(args[0]);
    if (!term_is_small(args[1]) || term_to_small(args[1]) < 0 || term_to_small(args[1]) >= n) {
        return bi_badarg(p, 1, "out of range");
    }
    Term t = term_make_tuple(p, n, term_tuple_elems(args[0]));
    term_tuple_elems(t)[term_to_small(args[1])] = args[2];
    return t;
}

Term bi_kernel_tuple_size_1(Process *p, Term *args)
{
    if (!term_is_tuple(args[0])) {
        return bi_badarg(p, 1, "not a tuple");
    }
    return term_from_small(term_tuple_arity(args[0]));
}

Term bi_kernel_map_size_1(Process *p, Term *args)
{
    if (!term_is_map(args[0])) {
        return error_raise_value(p, ERR_BAD_MAP, args[0]);
    }
    return term_from_small(map_size(args[0]));
}

Term bi_kernel_byte_size_1(Process *p, Term *args)
{
    if (!term_is_bitstring(args[0])) {
        return bi_badarg(p, 1, "not a bitstring");
    }
    size_t size;
    term_binary_bytes(args[0], &size);
    return term_from_small((int64_t)(size + (term_bitstring_tail_bits(args[0]) > 0)));
}

Term bi_kernel_bit_size_1(Process *p, Term *args)
{
    if (!term_is_bitstring(args[0])) {
        return bi_badarg(p, 1, "not a bitstring");
    }
    return term_from_small((int64_t)bits_size_of(args[0]));
}

Term bi_kernel_binary_part_3(Process *p, Term *args)
{
    const uint8_t *bytes;
    size_t size;
    if (!bi_text(args[0], &bytes, &size)) {
        return bi_badarg(p, 1, "not a binary");
    }
    if (!term_is_small(args[1])) {
        return bi_badarg(p, 2, "not an integer");
    }
    if (!term_is_small(args[2])) {
        return bi_badarg(p, 3, "not an integer");
    }
    int64_t start = term_to_small(args[1]);
    int64_t len = term_to_small(args[2]);
    if (len < 0) {
        start += len;
        len = -len;
    }
    if (start < 0 || (uint64_t)start > size) {
        return bi_badarg(p, 2, "out of range");
    }
    if ((uint64_t)(start + len) > size) {
        return bi_badarg(p, 3, "out of range");
    }
    return term_make_binary(p, bytes + start, (size_t)len);
}

Term bi_kernel_not_1(Process *p, Term *args)
{
    if (!term_is_boolean(args[0])) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    return term_from_bool(args[0] == term_false());
}

Term bi_kernel_make_ref_0(Process *p, Term *args)
{
    (void)args;
    return term_make_ref(p);
}

// ==== ++ and -- ====

Term bi_kernel_op_append_2(Process *p, Term *args)
{
    Term *elems;
    size_t len;
    if (!bi_list_to_array(args[0], &elems, &len)) {
        // BEAM's ++ reports a plain badarg, so Elixir says just "argument error".
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    Term r = bi_list_from_array(p, elems, len, args[1]);
    free(elems);
    return r;
}

// Removes from [left] the first occurrence of each element of [right] (exact equality), in
// O(n + m): right's elements are counted per distinct value in a hash index first.
Term bi_kernel_op_subtract_2(Process *p, Term *args)
{
    Term *left;
    Term *right;
    size_t n;
    size_t m;
    if (!bi_list_to_array(args[0], &left, &n)) {
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    if (!bi_list_to_array(args[1], &right, &m)) {
        free(left);
        return error_raise(p, ERR_ARGUMENT, "argument error");
    }
    // One array holds right's elements then left's, so one index covers both.
    Term *all = em_malloc((n + m + 1) * sizeof(Term));
    for (size_t j = 0; j < m; j++) {
        all[j] = right[j];
    }
    for (size_t i = 0; i < n; i++) {
        all[m + i] = left[i];
    }
    uint32_t *pending = em_calloc(m + 1, sizeof(uint32_t)); // removals left per right value
    BiKeyIndex ix;
    bi_key_index_init(&ix, all, n + m);
    for (uint32_t j = 0; j < m; j++) {
        pending[bi_key_index_find_or_add(&ix, j)]++;
    }
    Term acc = TERM_NIL;
    bool *gone = em_calloc(n + 1, sizeof(bool));
    for (uint32_t i = 0; i < n; i++) {
        uint32_t first = bi_key_index_find_or_add(&ix, (uint32_t)m + i);
        if (first < m && pending[first] > 0) {
            pending[first]--;
            gone[i] = true;
        }
    }
    for (size_t i = n; i > 0; i--) {
        acc = gone[i - 1] ? acc : term_make_cons(p, left[i - 1], acc);
    }
    bi_key_index_free(&ix);
    free(gone);
    free(pending);
    free(all);
    free(left);
    free(right);
    return acc;
}

// ==== to_string, to_charlist, inspect ====

// Raises Protocol.UndefinedError for String.Chars and [t] (error.c renders the message).
static Term chars_undefined(Process *p, Term t)
{
    Term pairs[8] = {
        term_from_atom(ATOM_struct),    bi_atom(p, "Elixir.Protocol.UndefinedError"),
        term_from_atom(ATOM_exception), term_true(),
        bi_atom(p, "protocol"),         bi_atom(p, "Elixir.String.Chars"),
        term_from_atom(ATOM_value),     t,
    };
    Term exc = map_from_pairs(p, pairs, 4);
    // String.Chars.BitString explains itself for a bitstring that is not a binary, as Elixir's.
    static const char bits_why[] = "cannot convert a bitstring to a string";
    Term description = term_is_bitstring(t) ? term_make_binary(p, bits_why, sizeof bits_why - 1)
                                            : term_make_binary(p, "", 0);
    return bi_raise_struct(p, map_put(p, exc, bi_atom(p, "description"), description));
}

Term bi_kernel_to_string_1(Process *p, Term *args)
{
    Term t = args[0];
    if (term_is_binary(t)) {
        return t;
    }
    StrBuf b;
    strbuf_init(&b);
    bool ok = term_is_list(t) ? bi_chardata_append(t, &b) : inspect_to_string(p->vm, t, &b);
    Term r = ok ? bi_binary_from_buf(p, &b) : TERM_NONE;
    strbuf_free(&b);
    return ok ? r : chars_undefined(p, t);
}

Term bi_kernel_to_charlist_1(Process *p, Term *args)
{
    Term t = args[0];
    if (term_is_list(t)) {
        return t;
    }
    Term s = bi_kernel_to_string_1(p, args);
    if (s == TERM_NONE) {
        return TERM_NONE;
    }
    size_t size;
    const uint8_t *bytes = term_binary_bytes(s, &size);
    return bi_charlist_from_utf8(p, bytes, size);
}

Term bi_kernel_inspect_1(Process *p, Term *args)
{
    InspectOpts opts = inspect_default_opts();
    return bi_inspect_binary(p, args[0], &opts);
}

Term bi_kernel_inspect_2(Process *p, Term *args)
{
    InspectOpts opts = inspect_default_opts();
    if (!bi_inspect_opts(p, args[1], &opts, NULL)) {
        return bi_function_clause(p, "Kernel.inspect/2");
    }
    return bi_inspect_binary(p, args[0], &opts);
}

// ==== Raising ====

// Module text without the "Elixir." prefix of atom [mod].
static const char *module_text(Process *p, Term mod)
{
    const char *name = bi_atom_text(p, mod, NULL);
    return strncmp(name, "Elixir.", 7) == 0 ? name + 7 : name;
}

// The default message of module [mod] raised without one (Mod.exception([])).
static const char *default_message(Process *p, Term mod)
{
    static const char *const defaults[][2] = {
#define ERROR(id, module, message) {module, message},
#include "errors.def"
#undef ERROR
        {"Enum.OutOfBoundsError", "out of bounds error"},
    };
    const char *name = module_text(p, mod);
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
        if (strcmp(defaults[i][0], name) == 0) {
            return defaults[i][1];
        }
    }
    return NULL;
}

// Raises module [mod] with the fields of keyword list [kw] (message: and others).
static Term raise_with_fields(Process *p, Term mod, Term kw)
{
    size_t n;
    if (!bi_list_length(kw, &n)) {
        return bi_function_clause(p, "Kernel.raise/2");
    }
    Term *pairs = em_malloc((n + 3) * 2 * sizeof(Term));
    pairs[0] = term_from_atom(ATOM_struct);
    pairs[1] = mod;
    pairs[2] = term_from_atom(ATOM_exception);
    pairs[3] = term_true();
    pairs[4] = term_from_atom(ATOM_message);
    pairs[5] = term_nil_atom();
    size_t count = 3;
    for (; term_is_cons(kw); kw = term_tl(kw)) {
        Term pair = term_hd(kw);
        if (!term_is_tuple(pair) || term_tuple_arity(pair) != 2) {
            free(pairs);
            return bi_function_clause(p, "Kernel.raise/2");
        }
        pairs[count * 2] = term_tuple_elems(pair)[0];
        pairs[count * 2 + 1] = term_tuple_elems(pair)[1];
        count++;
    }
    Term exc = map_from_pairs(p, pairs, (uint32_t)count);
    free(pairs);
    return bi_raise_struct(p, exc);
}

// raise Mod, "message" / raise Mod, message: "..." for any exception module.
static Term raise_module_msg(Process *p, Term mod, Term msg)
{
    const uint8_t *bytes;
    size_t size;
    if (term_is_list(msg) && !term_is_nil(msg)) {
        return raise_with_fields(p, mod, msg);
    }
    if (!bi_text(msg, &bytes, &size)) {
        return raise_with_fields(p, mod, TERM_NIL);
    }
    StrBuf b;
    strbuf_init(&b);
    strbuf_append(&b, bytes, size);
    strbuf_append(&b, "", 1);
    Term r = bi_raise_module(p, module_text(p, mod), b.data);
    strbuf_free(&b);
    return r;
}

Term bi_kernel_raise_1(Process *p, Term *args)
{
    Term t = args[0];
    if (term_is_binary(t)) {
        return raise_module_msg(p, bi_atom(p, "Elixir.RuntimeError"), t);
    }
    if (term_is_atom(t)) {
        const char *msg = default_message(p, t);
        if (msg == NULL) {
            return raise_with_fields(p, t, TERM_NIL);
        }
        return bi_raise_module(p, module_text(p, t), msg);
    }
    if (term_is_map(t) && map_struct_name(t) != TERM_NONE) {
        return bi_raise_struct(p, t);
    }
    StrBuf b;
    strbuf_init(&b);
    InspectOpts opts = inspect_default_opts();
    inspect_term(p->vm, t, &opts, &b);
    Term r = error_raise(p, ERR_ARGUMENT,
                         "raise/1 and reraise/2 expect a module name, string or exception as "
                         "the first argument, got: %.*s",
                         (int)b.len, b.data);
    strbuf_free(&b);
    return r;
}

Term bi_kernel_raise_2(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_kernel_raise_1(p, args);
    }
    return raise_module_msg(p, args[0], args[1]);
}

Term bi_kernel_reraise_2(Process *p, Term *args)
{
    Term r = bi_kernel_raise_1(p, args);
    if (p->exc_kind != TERM_NONE) {
        p->exc_stack = args[1];
    }
    return r;
}

Term bi_kernel_reraise_3(Process *p, Term *args)
{
    Term r = bi_kernel_raise_2(p, args);
    if (p->exc_kind != TERM_NONE) {
        p->exc_stack = args[2];
    }
    return r;
}

Term bi_kernel_throw_1(Process *p, Term *args)
{
    return proc_raise(p, term_from_atom(ATOM_throw), args[0]);
}

Term bi_kernel_exit_1(Process *p, Term *args)
{
    return proc_raise(p, term_from_atom(ATOM_exit), args[0]);
}

// ==== Introspection ====

Term bi_kernel_is_port_1(Process *p, Term *args)
{
    (void)p;
    (void)args;
    return term_false(); // Ember has no ports
}

Term bi_kernel_is_exception_2(Process *p, Term *args)
{
    Term r = bi_kernel_is_exception_1(p, args);
    return term_from_bool(r == term_true() && map_struct_name(args[0]) == args[1]);
}

Term bi_kernel_node_0(Process *p, Term *args)
{
    (void)args;
    return bi_atom(p, "nonode@nohost");
}

// function_exported?/3: [module] has [name]/[arity] as an Ember-defined public function or a
// C built-in (the list __info__(:functions) reports).
Term bi_kernel_function_exported_p_3(Process *p, Term *args)
{
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || !term_is_small(args[2])) {
        return bi_function_clause(p, "Kernel.function_exported?/3");
    }
    Vm *vm = p->vm;
    BuiltinId id;
    bool found = builtin_lookup(&vm->builtins, args[0], args[1],
                                (uint32_t)term_to_small(args[2]), &id);
    pthread_mutex_lock(&vm->modules_lock);
    for (uint32_t i = 0; i < vm->module_count && !found; i++) {
        const Module *mod = vm->modules[i];
        found = mod->name == args[0] &&
                module_find_function(mod, args[1], (uint32_t)term_to_small(args[2])) != NULL;
    }
    pthread_mutex_unlock(&vm->modules_lock);
    return term_from_bool(found);
}

// ==== Exception ====

Term bi_exception_message_1(Process *p, Term *args)
{
    if (bi_kernel_is_exception_1(p, args) != term_true()) {
        return bi_function_clause(p, "Exception.message/1");
    }
    return error_message(p, args[0]);
}

Term bi_exception_exception_p_1(Process *p, Term *args)
{
    return bi_kernel_is_exception_1(p, args);
}

// ==== :erlang.make_fun/3 (Function.capture/3) ====

// :erlang.make_fun/3: the external fun &[module].[name]/[arity]; the function need not exist
// (calling it raises UndefinedFunctionError then), as on the BEAM.
Term bi_erlang_make_fun_3(Process *p, Term *args)
{
    if (!term_is_atom(args[0])) {
        return bi_badarg(p, 1, "not an atom");
    }
    if (!term_is_atom(args[1])) {
        return bi_badarg(p, 2, "not an atom");
    }
    if (!term_is_integer(args[2])) {
        return bi_badarg(p, 3, "not an integer");
    }
    if (!term_is_small(args[2]) || term_to_small(args[2]) < 0) {
        return bi_badarg(p, 3, "out of range");
    }
    if (term_to_small(args[2]) > 255) {
        return bi_raise_module(p, "Elixir.ArgumentError", "argument error");
    }
    Term *obj = heap_alloc(p, 4);
    obj[0] = term_make_header(TERM_TYPE_EXPORT, 3);
    obj[1] = args[0];
    obj[2] = args[1];
    obj[3] = args[2];
    return term_from_boxed(obj);
}

// ==== Function.info ====

// Function.info/1 (:erlang.fun_info/1). Captures of Mod.fun/arity give Elixir's full list
// [module:, name:, arity:, env: [], type: :external]; closures give only [arity:, env: [],
// type: :local] (Ember has no pid/index/uniq values to report).
Term bi_function_info_1(Process *p, Term *args)
{
    Term f = args[0];
    if (!term_is_function(f)) {
        return bi_function_clause(p, "Function.info/1");
    }
    Term pairs[5];
    size_t n = 0;
    bool external = term_is_boxed_type(f, TERM_TYPE_EXPORT);
    if (external) {
        pairs[n++] = bi_tuple2(p, bi_atom(p, "module"), term_boxed_ptr(f)[1]);
        pairs[n++] = bi_tuple2(p, bi_atom(p, "name"), term_boxed_ptr(f)[2]);
    }
    pairs[n++] = bi_tuple2(p, bi_atom(p, "arity"), term_from_small(fun_arity(f)));
    pairs[n++] = bi_tuple2(p, bi_atom(p, "env"), TERM_NIL);
    pairs[n++] = bi_tuple2(p, bi_atom(p, "type"), bi_atom(p, external ? "external" : "local"));
    return bi_list_from_array(p, pairs, n, TERM_NIL);
}

// Function.info/2 for the items Function.info/1 reports: {item, value}; other valid items of
// closures (:module, :name, :pid, ...) raise ArgumentError.
Term bi_function_info_2(Process *p, Term *args)
{
    if (!term_is_function(args[0]) || !term_is_atom(args[1])) {
        return bi_function_clause(p, "Function.info/2");
    }
    Term list = bi_function_info_1(p, args);
    for (; term_is_cons(list); list = term_tl(list)) {
        Term pair = term_hd(list);
        if (term_tuple_elems(pair)[0] == args[1]) {
            return pair;
        }
    }
    return bi_badarg(p, 2, "invalid item");
}
