// Slow paths of the interpreter, kept out of interp.c so the dispatch loop stays small:
// mixed and big arithmetic, general comparison, resolving calls to other modules, building
// closures and stack traces, and the errors calls can raise.
#include "interp_slow.h"

#include <math.h>
#include <string.h>

#include "bigint.h"
#include "bitstring.h"
#include "builtins.h"
#include "bytecode.h"
#include "error.h"
#include "inspect.h"
#include "map.h"
#include "process.h"
#include "vm.h"

// Erlang keeps this many entries in a stack trace (its backtrace_depth default).
#define STACKTRACE_DEPTH 8

static const char *op_text(Opcode op)
{
    switch (op) {
    case OP_ADD:
        return "+";
    case OP_SUB:
        return "-";
    case OP_MUL:
        return "*";
    default:
        return "/";
    }
}

static Term badarith(Process *p, Opcode op, Term a, Term b)
{
    Term args[2] = {a, b};
    return error_raise_arith(p, op_text(op), args, 2);
}

static Term arith_float(Process *p, Opcode op, double a, double b, Term ta, Term tb)
{
    double r;
    switch (op) {
    case OP_ADD:
        r = a + b;
        break;
    case OP_SUB:
        r = a - b;
        break;
    case OP_MUL:
        r = a * b;
        break;
    default:
        if (b == 0.0) {
            return badarith(p, op, ta, tb);
        }
        r = a / b;
        break;
    }
    if (!isfinite(r)) {
        return badarith(p, op, ta, tb);
    }
    return term_make_float(p, r);
}

static double number_to_double(Term t)
{
    if (term_is_small(t)) {
        return (double)term_to_small(t);
    }
    if (term_is_float(t)) {
        return term_to_float(t);
    }
    return bigint_to_double(t);
}

Term interp_arith(Process *p, Opcode op, Term a, Term b)
{
    if (!term_is_number(a) || !term_is_number(b)) {
        return badarith(p, op, a, b);
    }
    if (op == OP_FDIV || term_is_float(a) || term_is_float(b)) {
        double x = number_to_double(a);
        double y = number_to_double(b);
        if (!isfinite(x) || !isfinite(y)) {
            return badarith(p, op, a, b);
        }
        return arith_float(p, op, x, y, a, b);
    }
    switch (op) {
    case OP_ADD:
        return bigint_add(p, a, b);
    case OP_SUB:
        return bigint_sub(p, a, b);
    default:
        return bigint_mul(p, a, b);
    }
}

Term interp_negate(Process *p, Term a)
{
    if (term_is_float(a)) {
        return term_make_float(p, -term_to_float(a));
    }
    if (!term_is_integer(a)) {
        return error_raise_arith(p, "-", &a, 1);
    }
    return bigint_neg(p, a);
}

Term interp_compare(Opcode op, Term a, Term b)
{
    switch (op) {
    case OP_EQ:
        return term_from_bool(term_equal(a, b));
    case OP_NE:
        return term_from_bool(!term_equal(a, b));
    case OP_LT:
        return term_from_bool(term_compare(a, b) < 0);
    case OP_LE:
        return term_from_bool(term_compare(a, b) <= 0);
    case OP_GT:
        return term_from_bool(term_compare(a, b) > 0);
    default:
        return term_from_bool(term_compare(a, b) >= 0);
    }
}

bool interp_type_test(Term t, uint32_t test)
{
    switch ((TypeTest)test) {
    case TT_INTEGER:
        return term_is_integer(t);
    case TT_FLOAT:
        return term_is_float(t);
    case TT_NUMBER:
        return term_is_number(t);
    case TT_ATOM:
        return term_is_atom(t);
    case TT_BOOLEAN:
        return term_is_boolean(t);
    case TT_BINARY:
        return term_is_binary(t);
    case TT_BITSTRING:
        return term_is_bitstring(t);
    case TT_LIST:
        return term_is_list(t);
    case TT_TUPLE:
        return term_is_tuple(t);
    case TT_MAP:
        return term_is_map(t);
    case TT_FUNCTION:
        return term_is_function(t);
    case TT_PID:
        return term_is_pid(t);
    case TT_REFERENCE:
        return term_is_ref(t);
    case TT_NIL_ATOM:
        return t == term_nil_atom();
    default:
        return false;
    }
}

// True when some C built-in belongs to [module] (String has no .emb, but it exists).
static bool has_builtins(Vm *vm, Term module)
{
    const char *name = atom_name(vm->atoms, term_to_atom(module), NULL);
    for (uint32_t i = 0; i < BUILTIN_COUNT; i++) {
        if (strcmp(builtin_table[i].module, name) == 0) {
            return true;
        }
    }
    return false;
}

const Function *interp_resolve(Process *p, Term module, Term name, uint32_t arity)
{
    Module *mod = vm_get_module(p->vm, module);
    const Function *fn = mod ? module_find_function(mod, name, arity) : NULL;
    if (fn == NULL) {
        error_raise_undefined(p, module, name, arity, mod != NULL || has_builtins(p->vm, module));
    }
    return fn;
}

const Function *interp_resolve_import(Process *p, Import *imp)
{
    const Function *fn = interp_resolve(p, imp->module, imp->name, imp->arity);
    if (fn != NULL) {
        __atomic_store_n(&imp->resolved, fn, __ATOMIC_RELEASE);
    }
    return fn;
}

Term interp_make_closure(Process *p, const Function *fn, const Term *values, uint32_t count)
{
    Term *obj = heap_alloc(p, 2 + count);
    obj[0] = term_make_header(TERM_TYPE_CLOSURE, 1 + count);
    obj[1] = (Term)(uintptr_t)fn;
    memcpy(obj + 2, values, count * sizeof(Term));
    return term_from_boxed(obj);
}

Term interp_make_export_fun(Process *p, const Import *imp)
{
    Term *obj = heap_alloc(p, 4);
    obj[0] = term_make_header(TERM_TYPE_EXPORT, 3);
    obj[1] = imp->module;
    obj[2] = imp->name;
    obj[3] = term_from_small(imp->arity);
    return term_from_boxed(obj);
}

// A charlist of the NUL-terminated [s].
static Term make_charlist(Process *p, const uint8_t *s, size_t len)
{
    Term list = TERM_NIL;
    for (size_t i = len; i > 0; i--) {
        list = term_make_cons(p, term_from_small(s[i - 1]), list);
    }
    return list;
}

// {Module, :fun, arity, [file: 'x.exs', line: N]} for [fn] executing at [pc].
static Term stack_entry(Process *p, const Function *fn, const uint32_t *pc)
{
    const Module *mod = fn->module;
    uint32_t line = module_line_of(mod, (uint32_t)(pc - mod->code));
    Term info = TERM_NIL;
    if (line > 0) {
        Term pair[2] = {term_from_atom(ATOM_line), term_from_small(line)};
        info = term_make_cons(p, term_make_tuple(p, 2, pair), info);
    }
    if (term_is_binary(mod->source)) {
        size_t size;
        const uint8_t *bytes = term_binary_bytes(mod->source, &size);
        Term pair[2] = {term_from_atom(ATOM_file), make_charlist(p, bytes, size)};
        info = term_make_cons(p, term_make_tuple(p, 2, pair), info);
    }
    Term elems[4] = {mod->name, fn->name, term_from_small(fn->arity), info};
    return term_make_tuple(p, 4, elems);
}

void interp_capture_stacktrace(Process *p, const Function *fn, const uint32_t *pc)
{
    Term entries[STACKTRACE_DEPTH + 1];
    uint32_t count = 0;
    // A raise site may have put a first entry already (the failing operation with its
    // arguments). If it names the current function, it takes the frame's location.
    Term preset = term_is_cons(p->exc_stack) ? term_hd(p->exc_stack) : TERM_NONE;
    Term here = stack_entry(p, fn, pc);
    if (preset != TERM_NONE) {
        Term *pe = term_tuple_elems(preset);
        Term *he = term_tuple_elems(here);
        if (pe[0] == he[0] && pe[1] == he[1]) {
            Term merged[4] = {pe[0], pe[1], pe[2], he[3]};
            here = term_make_tuple(p, 4, merged);
        } else {
            entries[count++] = preset;
        }
    }
    entries[count++] = here;
    for (uint32_t i = p->frame_count; i > 0 && count < STACKTRACE_DEPTH; i--) {
        const Frame *f = &p->frames[i - 1];
        entries[count++] = stack_entry(p, f->fn, f->ret_pc - 1);
    }
    p->exc_stack = term_make_list(p, count, entries);
}

Term interp_function_clause(Process *p, const Function *fn, const Term *args)
{
    error_raise_function_clause(p, fn->module->name, fn->name, fn->arity);
    // Like BEAM, the failing call's stack entry carries its arguments instead of its arity;
    // interp_capture_stacktrace merges this entry with the frame's location.
    Term entry[4] = {fn->module->name, fn->name, term_make_list(p, fn->arity, args), TERM_NIL};
    p->exc_stack = term_make_cons(p, term_make_tuple(p, 4, entry), TERM_NIL);
    return TERM_NONE;
}

Term interp_bad_call(Process *p, Term fun, const Term *args, uint32_t argc)
{
    return error_raise_bad_call(p, fun, args, argc);
}

Term interp_bin_concat(Process *p, const Term *regs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (!term_is_binary(regs[i])) {
            StrBuf shown;
            strbuf_init(&shown);
            InspectOpts opts = inspect_default_opts();
            inspect_term(p->vm, regs[i], &opts, &shown);
            error_raise(p, ERR_ARGUMENT,
                        term_is_bitstring(regs[i])
                            ? "construction of binary failed: segment %u of type 'binary': the "
                              "size of the value %.*s is not a multiple of the unit for the "
                              "segment"
                            : "construction of binary failed: segment %u of type 'binary': "
                              "expected a binary but got: %.*s",
                        i + 1, (int)shown.len, shown.data);
            strbuf_free(&shown);
            return TERM_NONE;
        }
    }
    return bits_concat(p, regs, n);
}

Term interp_map_update(Process *p, Term map, const Term *pairs, uint32_t count)
{
    if (!term_is_map(map)) {
        return error_raise_value(p, ERR_BAD_MAP, map);
    }
    Term result = map;
    for (uint32_t i = 0; i < count; i++) {
        Term old;
        if (!map_get(map, pairs[2 * i], &old)) {
            // BEAM reports {:badkey, key} for an update, so Elixir's KeyError has no term.
            return error_raise_key(p, pairs[2 * i], term_nil_atom());
        }
        result = map_put(p, result, pairs[2 * i], pairs[2 * i + 1]);
    }
    return result;
}

Term interp_bin_prefix(Process *p, Term bin, Term prefix)
{
    if (!term_is_binary(bin) || !term_is_binary(prefix)) {
        return TERM_NONE;
    }
    size_t size;
    size_t prefix_size;
    const uint8_t *bytes = term_binary_bytes(bin, &size);
    const uint8_t *pbytes = term_binary_bytes(prefix, &prefix_size);
    if (prefix_size > size || memcmp(bytes, pbytes, prefix_size) != 0) {
        return TERM_NONE;
    }
    return term_make_sub_binary(p, bin, prefix_size, size - prefix_size, 0);
}

bool interp_bs_get(Process *p, Term *match, uint32_t desc, Term size, Term *out)
{
    if (!term_is_bitstring(match[0]) || !term_is_small(match[1]) || term_to_small(match[1]) < 0) {
        return false; // only forged code gets here
    }
    int64_t units = (int64_t)((desc >> BS_SIZE_SHIFT) & BS_SIZE_MAX);
    if (desc & BS_FLAG_SIZE_REG) {
        if (!term_is_small(size)) {
            return false; // a size that is not an integer matches nothing
        }
        units = term_to_small(size);
    }
    size_t offset = (size_t)term_to_small(match[1]);
    if (!bits_match_segment(p, match[0], &offset, desc, units, out)) {
        return false;
    }
    match[1] = term_from_small((int64_t)offset);
    return true;
}

bool interp_bs_match_lit(Term *match, Term lit)
{
    if (!term_is_bitstring(match[0]) || !term_is_small(match[1]) || term_to_small(match[1]) < 0 ||
        !term_is_binary(lit)) {
        return false;
    }
    size_t offset = (size_t)term_to_small(match[1]);
    if (!bits_match_bytes(match[0], &offset, lit)) {
        return false;
    }
    match[1] = term_from_small((int64_t)offset);
    return true;
}

bool interp_bs_at_end(const Term *match)
{
    return term_is_bitstring(match[0]) && term_is_small(match[1]) &&
           term_to_small(match[1]) >= 0 && (size_t)term_to_small(match[1]) == bits_size_of(match[0]);
}

Term interp_bs_concat(Process *p, const Term *regs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (!term_is_bitstring(regs[i])) { // segments come from :ember_bin.put/4: forged code
            return error_raise(p, ERR_ARGUMENT, "argument error");
        }
    }
    return bits_concat(p, regs, n);
}
