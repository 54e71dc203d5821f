// Exceptions the VM raises: errors.def kinds become Elixir exception structs (maps with
// __struct__ and __exception__), Exception.message/1 renders them, and uncaught exceptions are
// reported the way `elixir script.exs` reports them.
#include "error.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "inspect.h"
#include "map.h"
#include "module.h"
#include "process.h"
#include "vm.h"

static const char *const error_modules[ERR_COUNT] = {
#define ERROR(id, module, message) "Elixir." module,
#include "errors.def"
#undef ERROR
};

static Term atom_of(Process *p, const char *text)
{
    uint32_t index = 0;
    atom_intern(p->vm->atoms, text, strlen(text), &index);
    return term_from_atom(index);
}

static Term binary_of(Process *p, const char *text, size_t len)
{
    return term_make_binary(p, text, len);
}

// The exception struct of [kind] with [count] extra field/value pairs [fields].
static Term make_exception(Process *p, ErrorKind kind, const Term *fields, uint32_t count)
{
    Term pairs[2 * 8];
    uint32_t n = 0;
    pairs[n++] = term_from_atom(ATOM_struct);
    pairs[n++] = atom_of(p, error_modules[kind]);
    pairs[n++] = term_from_atom(ATOM_exception);
    pairs[n++] = term_true();
    for (uint32_t i = 0; i < 2 * count && n < 16; i++) {
        pairs[n++] = fields[i];
    }
    return map_from_pairs(p, pairs, n / 2);
}

Term error_raise(Process *p, ErrorKind kind, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (len < 0) {
        len = 0;
    }
    if ((size_t)len >= sizeof buf) {
        len = sizeof buf - 1;
    }
    Term fields[2] = {term_from_atom(ATOM_message), binary_of(p, buf, (size_t)len)};
    return proc_raise(p, term_from_atom(ATOM_error), make_exception(p, kind, fields, 1));
}

Term error_raise_value(Process *p, ErrorKind kind, Term value)
{
    Term fields[2] = {term_from_atom(ATOM_term), value};
    switch (kind) {
    case ERR_COND_CLAUSE:
        return proc_raise(p, term_from_atom(ATOM_error), make_exception(p, kind, NULL, 0));
    case ERR_ARGUMENT:
    case ERR_ARITHMETIC:
    case ERR_RUNTIME:
    case ERR_SYSTEM_LIMIT:
        return error_raise(p, kind, "%s", error_default_message(kind));
    default:
        return proc_raise(p, term_from_atom(ATOM_error), make_exception(p, kind, fields, 1));
    }
}

Term error_raise_bad_boolean(Process *p, Term op, Term value)
{
    Term fields[4] = {term_from_atom(ATOM_term), value, atom_of(p, "operator"), op};
    return proc_raise(p, term_from_atom(ATOM_error), make_exception(p, ERR_BAD_BOOLEAN, fields, 2));
}

Term error_raise_key(Process *p, Term key, Term term)
{
    Term fields[6] = {term_from_atom(ATOM_key), key, term_from_atom(ATOM_term), term,
                      term_from_atom(ATOM_message), term_nil_atom()};
    proc_raise(p, term_from_atom(ATOM_error), make_exception(p, ERR_KEY, fields, 3));
    if (term_is_map(term)) {
        // As in BEAM, the failed lookup tops the stack: :erlang.map_get(key, map). It also
        // tells this runtime KeyError ({:badkey, key} in an exit reason) from a raised one.
        Term args[2] = {key, term};
        Term entry[4] = {atom_of(p, "erlang"), atom_of(p, "map_get"), term_make_list(p, 2, args),
                         TERM_NIL};
        p->exc_stack = term_make_cons(p, term_make_tuple(p, 4, entry), TERM_NIL);
    }
    return TERM_NONE;
}

Term error_raise_undefined(Process *p, Term module, Term name, uint32_t arity, bool module_loaded)
{
    Term reason = module_loaded ? term_nil_atom() : atom_of(p, "module_not_available");
    Term fields[10] = {term_from_atom(ATOM_module), module, term_from_atom(ATOM_function), name,
                       term_from_atom(ATOM_arity), term_from_small(arity),
                       term_from_atom(ATOM_reason), reason,
                       term_from_atom(ATOM_message), term_nil_atom()};
    return proc_raise(p, term_from_atom(ATOM_error),
                      make_exception(p, ERR_UNDEFINED_FUNCTION, fields, 5));
}

Term error_raise_function_clause(Process *p, Term module, Term name, uint32_t arity)
{
    Term fields[12] = {term_from_atom(ATOM_module), module, term_from_atom(ATOM_function), name,
                       term_from_atom(ATOM_arity), term_from_small(arity),
                       atom_of(p, "kind"), term_nil_atom(), term_from_atom(ATOM_args),
                       term_nil_atom(), atom_of(p, "clauses"), term_nil_atom()};
    return proc_raise(p, term_from_atom(ATOM_error),
                      make_exception(p, ERR_FUNCTION_CLAUSE, fields, 6));
}

Term error_raise_arith(Process *p, const char *op, const Term *args, uint32_t argc)
{
    error_raise(p, ERR_ARITHMETIC, "%s", error_default_message(ERR_ARITHMETIC));
    Term entry[4] = {atom_of(p, "erlang"), atom_of(p, op), term_make_list(p, argc, args), TERM_NIL};
    p->exc_stack = term_make_cons(p, term_make_tuple(p, 4, entry), TERM_NIL);
    return TERM_NONE;
}

Term error_raise_bad_call(Process *p, Term fun, const Term *args, uint32_t argc)
{
    if (!term_is_function(fun)) {
        return error_raise_value(p, ERR_BAD_FUNCTION, fun);
    }
    Term fields[4] = {term_from_atom(ATOM_function), fun, term_from_atom(ATOM_args),
                      term_make_list(p, argc, args)};
    return proc_raise(p, term_from_atom(ATOM_error), make_exception(p, ERR_BAD_ARITY, fields, 2));
}

const char *error_default_message(ErrorKind kind)
{
    static const char *const messages[ERR_COUNT] = {
#define ERROR(id, module, message) message,
#include "errors.def"
#undef ERROR
    };
    return messages[kind];
}

// ==== Exception.message/1 ====

static Term field(Term map, const char *name, Vm *vm)
{
    uint32_t index;
    Term value;
    if (!atom_lookup(vm->atoms, name, strlen(name), &index) ||
        !map_get(map, term_from_atom(index), &value)) {
        return term_nil_atom();
    }
    return value;
}

static void append_inspect(Vm *vm, Term t, StrBuf *out)
{
    InspectOpts opts = inspect_default_opts();
    inspect_term(vm, t, &opts, out);
}

// Appends the arguments of [args] inspected and separated by ", ".
static void append_args(Vm *vm, Term args, StrBuf *out)
{
    for (Term l = args; term_is_cons(l); l = term_tl(l)) {
        append_inspect(vm, term_hd(l), out);
        if (term_is_cons(term_tl(l))) {
            strbuf_append_cstr(out, ", ");
        }
    }
}

// Appends "/2" for an arity, or "(1, :a)" for an argument list (a stack entry of a failing
// call that BEAM records with its arguments).
static void append_arity(Vm *vm, Term arity, StrBuf *out)
{
    if (!term_is_list(arity)) {
        strbuf_printf(out, "/%lld", (long long)term_to_small(arity));
        return;
    }
    strbuf_append_cstr(out, "(");
    append_args(vm, arity, out);
    strbuf_append_cstr(out, ")");
}

// Elixir compiles a script's body into :elixir_compiler_0.__FILE__/1, so its lambdas print as
// "anonymous fn/0 in :elixir_compiler_0.__FILE__/1"; Ember's script module and entry point
// (:ember_script.__script__/0) print the same way.
static bool is_script_parent(Term module, const char *parent, size_t len)
{
    static const char entry[] = "__script__/0";
    return module == term_from_atom(ATOM_ember_script) && len == sizeof entry - 1 &&
           memcmp(parent, entry, len) == 0;
}

static void append_mfa(Vm *vm, Term module, Term name, Term arity, StrBuf *out)
{
    const char *text = atom_name(vm->atoms, term_to_atom(name), NULL);
    const char *fun_marker = strstr(text, "-fun-");
    if (text[0] == '-' && fun_marker != NULL) {
        // A lambda "-parent/1-fun-0-" prints as "anonymous fn/N in Mod.parent/1".
        size_t parent_len = (size_t)(fun_marker - text - 1);
        strbuf_append_cstr(out, "anonymous fn");
        append_arity(vm, arity, out);
        strbuf_append_cstr(out, " in ");
        if (is_script_parent(module, text + 1, parent_len)) {
            strbuf_append_cstr(out, ":elixir_compiler_0.__FILE__/1");
            return;
        }
        append_inspect(vm, module, out);
        strbuf_printf(out, ".%.*s", (int)parent_len, text + 1);
        return;
    }
    append_inspect(vm, module, out);
    strbuf_append_cstr(out, ".");
    // Function names print without the colon: M.f/1, M."odd name"/1 is rare enough to ignore.
    strbuf_append_cstr(out, text);
    append_arity(vm, arity, out);
}

static void message_bad_arity(Vm *vm, Term exc, StrBuf *out)
{
    Term fun = field(exc, "function", vm);
    Term args = field(exc, "args", vm);
    uint32_t arity = 0;
    if (term_is_boxed_type(fun, TERM_TYPE_CLOSURE)) {
        arity = ((const Function *)(uintptr_t)term_boxed_ptr(fun)[1])->arity;
    } else if (term_is_boxed_type(fun, TERM_TYPE_EXPORT)) {
        arity = (uint32_t)term_to_small(term_boxed_ptr(fun)[3]);
    }
    uint32_t argc = 0;
    for (Term l = args; term_is_cons(l); l = term_tl(l)) {
        argc++;
    }
    append_inspect(vm, fun, out);
    strbuf_printf(out, " with arity %u called with %u argument%s (", arity, argc,
                  argc == 1 ? "" : "s");
    append_args(vm, args, out);
    strbuf_append_cstr(out, ")");
}

static void message_undefined(Vm *vm, Term exc, StrBuf *out)
{
    Term module = field(exc, "module", vm);
    strbuf_append_cstr(out, "function ");
    append_mfa(vm, module, field(exc, "function", vm), field(exc, "arity", vm), out);
    if (field(exc, "reason", vm) == term_nil_atom()) {
        strbuf_append_cstr(out, " is undefined or private");
    } else {
        strbuf_append_cstr(out, " is undefined (module ");
        append_inspect(vm, module, out);
        strbuf_append_cstr(out, " is not available)");
    }
}

// The type name Protocol.UndefinedError messages use: "Tuple", "Range (a struct)" ...
static void append_protocol_type(Vm *vm, Term t, StrBuf *out)
{
    Term name = term_is_map(t) ? map_struct_name(t) : TERM_NONE;
    if (name != TERM_NONE) {
        append_inspect(vm, name, out);
        strbuf_append_cstr(out, " (a struct)");
        return;
    }
    const char *type = term_is_integer(t)    ? "Integer"
                       : term_is_float(t)    ? "Float"
                       : term_is_atom(t)     ? "Atom"
                       : term_is_bitstring(t) ? "BitString"
                       : term_is_list(t)     ? "List"
                       : term_is_tuple(t)    ? "Tuple"
                       : term_is_map(t)      ? "Map"
                       : term_is_function(t) ? "Function"
                       : term_is_pid(t)      ? "PID"
                       : term_is_ref(t)      ? "Reference"
                                             : "Any";
    strbuf_append_cstr(out, type);
}

// Appends the message of [exc], whose struct module text (without "Elixir.") is [name].
static bool message_by_kind(Vm *vm, const char *name, Term exc, StrBuf *out)
{
    static const struct {
        const char *name;
        const char *prefix;
    } term_messages[] = {
        {"MatchError", "no match of right hand side value: "},
        {"CaseClauseError", "no case clause matching: "},
        {"WithClauseError", "no with clause matching: "},
        {"TryClauseError", "no try clause matching: "},
        {"BadMapError", "expected a map, got: "},
        {"BadFunctionError", "expected a function, got: "},
        {"BadStructError", "expected a struct, got: "},
    };
    for (size_t i = 0; i < sizeof term_messages / sizeof term_messages[0]; i++) {
        if (strcmp(name, term_messages[i].name) == 0) {
            strbuf_append_cstr(out, term_messages[i].prefix);
            append_inspect(vm, field(exc, "term", vm), out);
            return true;
        }
    }
    if (strcmp(name, "ErlangError") == 0) {
        strbuf_append_cstr(out, "Erlang error: ");
        append_inspect(vm, field(exc, "original", vm), out);
    } else if (strcmp(name, "CondClauseError") == 0) {
        strbuf_append_cstr(out, "no cond clause evaluated to a truthy value");
    } else if (strcmp(name, "BadBooleanError") == 0) {
        strbuf_append_cstr(out, "expected a boolean on left-side of \"");
        strbuf_append_cstr(out, atom_name(vm->atoms, term_to_atom(field(exc, "operator", vm)), NULL));
        strbuf_append_cstr(out, "\", got: ");
        append_inspect(vm, field(exc, "term", vm), out);
    } else if (strcmp(name, "KeyError") == 0) {
        strbuf_append_cstr(out, "key ");
        append_inspect(vm, field(exc, "key", vm), out);
        strbuf_append_cstr(out, " not found");
        if (field(exc, "term", vm) != term_nil_atom()) {
            strbuf_append_cstr(out, " in: ");
            append_inspect(vm, field(exc, "term", vm), out);
        }
    } else if (strcmp(name, "BadArityError") == 0) {
        message_bad_arity(vm, exc, out);
    } else if (strcmp(name, "FunctionClauseError") == 0) {
        strbuf_append_cstr(out, "no function clause matching in ");
        append_mfa(vm, field(exc, "module", vm), field(exc, "function", vm),
                   field(exc, "arity", vm), out);
    } else if (strcmp(name, "UndefinedFunctionError") == 0) {
        message_undefined(vm, exc, out);
    } else if (strcmp(name, "Protocol.UndefinedError") == 0) {
        Term value = field(exc, "value", vm);
        strbuf_append_cstr(out, "protocol ");
        append_inspect(vm, field(exc, "protocol", vm), out);
        strbuf_append_cstr(out, " not implemented for ");
        append_inspect(vm, value, out);
        strbuf_append_cstr(out, " of type ");
        append_protocol_type(vm, value, out);
        Term description = field(exc, "description", vm);
        if (term_is_binary(description)) {
            size_t size;
            const uint8_t *bytes = term_binary_bytes(description, &size);
            if (size > 0) {
                strbuf_append_cstr(out, ", ");
                strbuf_append(out, bytes, size);
            }
        }
    } else {
        return false;
    }
    return true;
}

// Appends Exception.message(exc) for any exception struct [exc].
static void append_message(Vm *vm, Term exc, StrBuf *out)
{
    Term message = field(exc, "message", vm);
    if (term_is_binary(message)) {
        size_t size;
        const uint8_t *bytes = term_binary_bytes(message, &size);
        strbuf_append(out, bytes, size);
        return;
    }
    Term name = map_struct_name(exc);
    const char *text = name == TERM_NONE ? "" : atom_name(vm->atoms, term_to_atom(name), NULL);
    if (strncmp(text, "Elixir.", 7) == 0 && message_by_kind(vm, text + 7, exc, out)) {
        return;
    }
    append_inspect(vm, exc, out);
}

Term error_message(Process *p, Term exc)
{
    StrBuf out;
    strbuf_init(&out);
    append_message(p->vm, exc, &out);
    Term bin = term_make_binary(p, out.data, out.len);
    strbuf_free(&out);
    return bin;
}

// ==== Normalisation of Erlang-style reasons ====

static uint32_t list_length(Term list)
{
    uint32_t n = 0;
    for (; term_is_cons(list); list = term_tl(list)) {
        n++;
    }
    return n;
}

// An exception struct of [kind] whose message field is its errors.def default message.
static Term default_exception(Process *p, ErrorKind kind)
{
    const char *text = error_default_message(kind);
    Term fields[2] = {term_from_atom(ATOM_message), binary_of(p, text, strlen(text))};
    return make_exception(p, kind, fields, 1);
}

static Term normalize_atom(Process *p, Term reason)
{
    if (reason == term_from_atom(ATOM_badarith)) {
        return default_exception(p, ERR_ARITHMETIC);
    }
    if (reason == term_from_atom(ATOM_badarg)) {
        return default_exception(p, ERR_ARGUMENT);
    }
    if (reason == term_from_atom(ATOM_system_limit)) {
        return default_exception(p, ERR_SYSTEM_LIMIT);
    }
    if (reason == atom_of(p, "cond_clause")) {
        return make_exception(p, ERR_COND_CLAUSE, NULL, 0);
    }
    return TERM_NONE;
}

// :undef and :function_clause take their module, function and arity from the failing call at
// the top of [stack], as Exception.normalize/3 does; TERM_NONE without one.
static Term normalize_call(Process *p, Term reason, Term stack)
{
    bool undef = reason == term_from_atom(ATOM_undef);
    if ((!undef && reason != term_from_atom(ATOM_function_clause)) || !term_is_cons(stack)) {
        return TERM_NONE;
    }
    Term top = term_hd(stack);
    if (!term_is_tuple(top) || term_tuple_arity(top) != 4) {
        return TERM_NONE;
    }
    Term *el = term_tuple_elems(top);
    Term arity = term_is_list(el[2]) ? term_from_small(list_length(el[2])) : el[2];
    if (!term_is_atom(el[0]) || !term_is_atom(el[1]) || !term_is_small(arity)) {
        return TERM_NONE;
    }
    if (undef) {
        bool loaded = vm_get_module(p->vm, el[0]) != NULL;
        Term fields[10] = {term_from_atom(ATOM_module), el[0], term_from_atom(ATOM_function), el[1],
                           term_from_atom(ATOM_arity), arity, term_from_atom(ATOM_reason),
                           loaded ? term_nil_atom() : atom_of(p, "module_not_available"),
                           term_from_atom(ATOM_message), term_nil_atom()};
        return make_exception(p, ERR_UNDEFINED_FUNCTION, fields, 5);
    }
    Term fields[12] = {term_from_atom(ATOM_module), el[0], term_from_atom(ATOM_function), el[1],
                       term_from_atom(ATOM_arity), arity, atom_of(p, "kind"), term_nil_atom(),
                       term_from_atom(ATOM_args), term_nil_atom(), atom_of(p, "clauses"),
                       term_nil_atom()};
    return make_exception(p, ERR_FUNCTION_CLAUSE, fields, 6);
}

// {tag, value} reasons whose exception carries value as :term.
static Term normalize_term_tuple(Process *p, Term tag, Term value)
{
    static const struct {
        const char *tag;
        ErrorKind kind;
    } tags[] = {
        {"badmatch", ERR_MATCH},         {"case_clause", ERR_CASE_CLAUSE},
        {"with_clause", ERR_WITH_CLAUSE}, {"try_clause", ERR_TRY_CLAUSE},
        {"badmap", ERR_BAD_MAP},         {"badfun", ERR_BAD_FUNCTION},
    };
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        if (tag == atom_of(p, tags[i].tag)) {
            return make_exception(p, tags[i].kind, (Term[]){term_from_atom(ATOM_term), value}, 1);
        }
    }
    return TERM_NONE;
}

// The map a {:badkey, key} came from, as Exception.normalize/3 finds it in the failing call
// at the top of [stack]: :erlang.map_get(k, map), :maps.get(k, map), :maps.update(k, v, map),
// Map.update!(map, k, f), Map.get_and_update!(map, k, f); nil when it is not there.
static Term map_of_failing_call(Process *p, Term stack)
{
    Term top = term_is_cons(stack) ? term_hd(stack) : TERM_NONE;
    if (top == TERM_NONE || !term_is_tuple(top) || term_tuple_arity(top) != 4 ||
        !term_is_cons(term_tuple_elems(top)[2])) {
        return term_nil_atom();
    }
    Term module = term_tuple_elems(top)[0];
    Term args = term_tuple_elems(top)[2];
    Term first = term_hd(args);
    Term last = first;
    for (Term l = args; term_is_cons(l); l = term_tl(l)) {
        last = term_hd(l);
    }
    if ((module == atom_of(p, "erlang") || module == atom_of(p, "maps")) && term_is_map(last)) {
        return last;
    }
    return module == atom_of(p, "Elixir.Map") && term_is_map(first) ? first : term_nil_atom();
}

static Term normalize_tuple(Process *p, Term reason, Term stack)
{
    uint32_t arity = term_tuple_arity(reason);
    Term *el = term_tuple_elems(reason);
    if (arity == 2 && term_is_atom(el[0])) {
        Term t = normalize_term_tuple(p, el[0], el[1]);
        if (t != TERM_NONE) {
            return t;
        }
    }
    if ((arity == 2 || arity == 3) && el[0] == term_from_atom(ATOM_badkey)) {
        Term fields[6] = {term_from_atom(ATOM_key), el[1], term_from_atom(ATOM_term),
                          arity == 3 ? el[2] : map_of_failing_call(p, stack),
                          term_from_atom(ATOM_message), term_nil_atom()};
        return make_exception(p, ERR_KEY, fields, 3);
    }
    if (arity == 3 && el[0] == atom_of(p, "badbool")) {
        Term fields[4] = {term_from_atom(ATOM_term), el[2], atom_of(p, "operator"), el[1]};
        return make_exception(p, ERR_BAD_BOOLEAN, fields, 2);
    }
    if (arity == 2 && el[0] == term_from_atom(ATOM_badarity) && term_is_tuple(el[1]) &&
        term_tuple_arity(el[1]) == 2) {
        Term *call = term_tuple_elems(el[1]);
        Term fields[4] = {term_from_atom(ATOM_function), call[0], term_from_atom(ATOM_args),
                          call[1]};
        return make_exception(p, ERR_BAD_ARITY, fields, 2);
    }
    return TERM_NONE;
}

Term error_normalize_stack(Process *p, Term reason, Term stack)
{
    if (term_is_map(reason) && map_struct_name(reason) != TERM_NONE) {
        return reason;
    }
    Term exc = TERM_NONE;
    if (term_is_atom(reason)) {
        exc = normalize_atom(p, reason);
        if (exc == TERM_NONE) {
            exc = normalize_call(p, reason, stack);
        }
    } else if (term_is_tuple(reason) && term_tuple_arity(reason) > 0) {
        exc = normalize_tuple(p, reason, stack);
    }
    if (exc != TERM_NONE) {
        return exc;
    }
    return make_exception(p, ERR_ERLANG,
                          (Term[]){atom_of(p, "original"), reason, term_from_atom(ATOM_reason),
                                   term_nil_atom()},
                          2);
}

Term error_normalize(Process *p, Term reason)
{
    return error_normalize_stack(p, reason, TERM_NIL);
}

// ==== Uncaught exceptions ====

// The first stack entry when it carries an argument list instead of an arity (BEAM does this
// for the failing call of a badarith or function_clause), else TERM_NONE.
static Term blamed_entry(Term stack)
{
    if (!term_is_cons(stack)) {
        return TERM_NONE;
    }
    Term e = term_hd(stack);
    if (!term_is_tuple(e) || term_tuple_arity(e) != 4 || !term_is_list(term_tuple_elems(e)[2])) {
        return TERM_NONE;
    }
    return e;
}

// ": 1 + :a" after an uncaught ArithmeticError, from the blamed {:erlang, op, args, _} entry.
static void append_arith_blame(Vm *vm, Term entry, StrBuf *out)
{
    Term *el = term_tuple_elems(entry);
    const char *op = atom_name(vm->atoms, term_to_atom(el[1]), NULL);
    Term args = el[2];
    uint32_t argc = list_length(args);
    bool infix = strlen(op) == 1 && strchr("+-*/", op[0]) != NULL;
    strbuf_append_cstr(out, ": ");
    if (infix && argc == 2) {
        append_inspect(vm, term_hd(args), out);
        strbuf_printf(out, " %s ", op);
        append_inspect(vm, term_hd(term_tl(args)), out);
        return;
    }
    strbuf_printf(out, "%s(", op);
    append_args(vm, args, out);
    strbuf_append_cstr(out, ")");
}

// The argument listing Elixir appends to an uncaught FunctionClauseError.
static void append_clause_blame(Vm *vm, Term entry, StrBuf *out)
{
    Term *el = term_tuple_elems(entry);
    StrBuf mfa;
    strbuf_init(&mfa);
    append_mfa(vm, el[0], el[1], term_from_small(list_length(el[2])), &mfa);
    strbuf_printf(out, "    \n    \n    The following arguments were given to %.*s:\n    \n",
                  (int)mfa.len, mfa.data);
    uint32_t i = 1;
    for (Term l = el[2]; term_is_cons(l); l = term_tl(l), i++) {
        strbuf_printf(out, "        # %u\n        ", i);
        append_inspect(vm, term_hd(l), out);
        strbuf_append_cstr(out, "\n    \n");
    }
    out->len -= 1; // the report's own newline ends the last line
    strbuf_free(&mfa);
}

void error_format_stack_entry(Vm *vm, Term entry, ErrorStyle style, StrBuf *out)
{
    if (!term_is_tuple(entry) || term_tuple_arity(entry) != 4) {
        return;
    }
    Term *el = term_tuple_elems(entry);
    if (term_is_list(el[2]) && !term_is_cons(el[3])) {
        // {:erlang, :+, [1, :a], []}: printed as the call itself.
        append_inspect(vm, el[0], out);
        strbuf_printf(out, ".%s(", atom_name(vm->atoms, term_to_atom(el[1]), NULL));
        append_args(vm, el[2], out);
        strbuf_append_cstr(out, ")");
        return;
    }
    for (Term info = el[3]; term_is_cons(info); info = term_tl(info)) {
        Term pair = term_hd(info);
        if (term_tuple_elems(pair)[0] == term_from_atom(ATOM_file)) {
            inspect_to_string(vm, term_tuple_elems(pair)[1], out);
        } else {
            strbuf_printf(out, ":%lld", (long long)term_to_small(term_tuple_elems(pair)[1]));
        }
    }
    if (term_is_cons(el[3])) {
        strbuf_append_cstr(out, ": "); // no location: "M.f/1" alone, as Elixir prints it
    }
    if (el[1] == term_from_atom(ATOM_script_main)) {
        strbuf_append_cstr(out, "(file)");
        return;
    }
    Term arity = el[2];
    if (term_is_list(arity) && style == ERROR_STYLE_UNCAUGHT) {
        arity = term_from_small(list_length(arity)); // as Exception.blame strips the arguments
    }
    append_mfa(vm, el[0], el[1], arity, out);
}

static void append_stack(Vm *vm, Term stack, ErrorStyle style, StrBuf *out)
{
    for (Term l = stack; term_is_cons(l); l = term_tl(l)) {
        Term e = term_hd(l);
        if (term_is_tuple(e) && term_tuple_arity(e) == 4) {
            strbuf_append_cstr(out, "    ");
            error_format_stack_entry(vm, e, style, out);
            strbuf_append_cstr(out, "\n");
        }
    }
}

// Elixir indents every line of a multi-line message after the first by four spaces.
static void indent_continuation_lines(StrBuf *msg, size_t start)
{
    StrBuf out;
    strbuf_init(&out);
    for (size_t i = start; i < msg->len; i++) {
        strbuf_append(&out, &msg->data[i], 1);
        if (msg->data[i] == '\n') {
            strbuf_append_cstr(&out, "    ");
        }
    }
    msg->len = start;
    strbuf_append(msg, out.data, out.len);
    strbuf_free(&out);
}

// "** (Kind) message" for an :error exception struct [reason]; see error_format.
static void append_error_banner(Vm *vm, Term reason, Term stack, Term message, ErrorStyle style,
                                StrBuf *msg)
{
    Term name = map_struct_name(reason);
    const char *text = name == TERM_NONE ? "" : atom_name(vm->atoms, term_to_atom(name), NULL);
    strbuf_append_cstr(msg, "** (");
    append_inspect(vm, name == TERM_NONE ? reason : name, msg);
    strbuf_append_cstr(msg, ") ");
    size_t message_start = msg->len;
    if (message != TERM_NONE && term_is_binary(message)) {
        size_t size;
        const uint8_t *bytes = term_binary_bytes(message, &size);
        strbuf_append(msg, bytes, size);
    } else {
        append_message(vm, reason, msg);
    }
    if (style == ERROR_STYLE_REPORT) {
        return; // Logger's crash report formats without Exception.blame
    }
    indent_continuation_lines(msg, message_start);
    Term blamed = blamed_entry(stack);
    if (blamed != TERM_NONE && strcmp(text, "Elixir.ArithmeticError") == 0) {
        append_arith_blame(vm, blamed, msg);
    } else if (blamed != TERM_NONE && strcmp(text, "Elixir.FunctionClauseError") == 0) {
        append_clause_blame(vm, blamed, msg);
    }
}

void error_format_banner(Vm *vm, Term kind, Term reason, Term stack, Term message,
                         ErrorStyle style, StrBuf *out)
{
    if (kind == term_from_atom(ATOM_error)) {
        append_error_banner(vm, reason, stack, message, style, out);
    } else if (kind == term_from_atom(ATOM_exit) && term_is_binary(message)) {
        // Exception.format_exit's words for the reason, computed by the caller.
        size_t size;
        const uint8_t *bytes = term_binary_bytes(message, &size);
        strbuf_printf(out, "** (exit) %.*s", (int)size, (const char *)bytes);
    } else {
        strbuf_printf(out, "** (%s) ", kind == term_from_atom(ATOM_throw) ? "throw" : "exit");
        append_inspect(vm, reason, out);
    }
}

void error_format(Vm *vm, Term kind, Term reason, Term stack, Term message, ErrorStyle style,
                  StrBuf *out)
{
    error_format_banner(vm, kind, reason, stack, message, style, out);
    strbuf_append_cstr(out, "\n");
    append_stack(vm, stack, style, out);
}

void error_print_uncaught(Vm *vm, Term kind, Term reason, Term stack, Term message, FILE *out)
{
    StrBuf text;
    strbuf_init(&text);
    error_format(vm, kind, reason, stack, message, ERROR_STYLE_UNCAUGHT, &text);
    fwrite(text.data, 1, text.len, out);
    strbuf_free(&text);
}

uint32_t error_struct_fields(Vm *vm, Term module, Term *out, uint32_t max)
{
    static const struct {
        const char *module;
        const char *fields[6];
    } orders[] = {
        {"Elixir.KeyError", {"key", "term", "message"}},
        {"Elixir.FunctionClauseError", {"module", "function", "arity", "kind", "args", "clauses"}},
        {"Elixir.UndefinedFunctionError", {"module", "function", "arity", "reason", "message"}},
        {"Elixir.BadArityError", {"function", "args"}},
        {"Elixir.BadBooleanError", {"term", "operator"}},
        {"Elixir.Protocol.UndefinedError", {"protocol", "value", "description"}},
        {"Elixir.ErlangError", {"original", "reason"}},
    };
    if (!term_is_atom(module)) {
        return 0;
    }
    const char *name = atom_name(vm->atoms, term_to_atom(module), NULL);
    for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++) {
        if (strcmp(name, orders[i].module) != 0) {
            continue;
        }
        uint32_t n = 0;
        for (; n < 6 && orders[i].fields[n] != NULL && n < max; n++) {
            uint32_t index = 0;
            atom_intern(vm->atoms, orders[i].fields[n], strlen(orders[i].fields[n]), &index);
            out[n] = term_from_atom(index);
        }
        return n;
    }
    return 0;
}
