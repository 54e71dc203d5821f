// Internal interface of the code generator: AST (ast.h) -> register bytecode (.emb, bytecode.h).
// Shared by defmodule.c (compile_source, modules, def groups, structs), codegen.c (helpers,
// lambdas), expr.c (dispatch, variables, calls), ops.c (operators, data, `=`), control.c (case,
// if, cond, with, try, guards), desugar.c (for, captures, raise), pattern.c (matches),
// literal.c (the literal table), scope.c (variables, registers), emit.c (instruction encoding,
// labels, line table) and bcwrite.c (tables and the .emb writer). Not public.
//
// Register allocation is a stack (Lua style). fg->top is the first free register; a temp is
// taken with reg_alloc() and released by reg_free_to(mark). Variables are registers too, and a
// variable register is never written again after its binding (rebinding takes a new register),
// so patterns may alias a variable to the register that holds the matched value. reg_free_to
// never drops below the highest register of a visible variable, which keeps those registers
// alive. A call's result register d is always the top register, so its argument window
// R[d+1..] is free; tail calls put their arguments at the top as well. (When an argument binds
// a variable, `f(x = 1)`, the arguments are evaluated first and copied into a window above it.)
//
// Desugaring happens on the fly by building small AST nodes in the compile arena: pipes become
// calls, `for` becomes Enum.reduce/3 over two-clause lambdas, captures become fns, and
// defstruct/defexception helpers are parsed from fixed Elixir snippets.
//
// Clause compilation is sequential: each clause of a function, case, fn, with-else or rescue
// tests its patterns and guard, jumping to the next clause's label on failure; the last label
// raises (FUNC_CLAUSE, RAISE_ERROR case/with/try clause). All jumps go forward.
//
// Errors: the first CompileError fills cg->diag and sets cg->failed; everything after that
// keeps running harmlessly (bounded work, no crashes) and the result is thrown away.
#ifndef EMBER_COMPILER_CODEGEN_H
#define EMBER_COMPILER_CODEGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "bytecode.h"
#include "compiler.h"
#include "opcodes.h"
#include "parse.h"

// Error codes for RAISE_ERROR, from vm/errors.def (its row order is the encoding).
typedef enum CgError {
#define ERROR(id, module, message) CG_ERR_##id,
#include "errors.def"
#undef ERROR
    CG_ERR_COUNT
} CgError;

#define REG_LIMIT EMB_MAX_REGISTERS // registers per frame
#define NO_LABEL UINT32_MAX
// Nesting of scopes tracked for register reuse; deeper scopes simply reuse nothing.
#define SCOPE_DEPTH_MAX 64

typedef struct ByteBuf {
    uint8_t *data;
    size_t len;
    size_t cap;
} ByteBuf;

// Atoms, literals and imports of one module (bcwrite.c).
typedef struct ModTables {
    char **atoms; // NUL-terminated copies
    uint32_t atom_len;
    uint32_t atom_cap;
    ByteBuf lits;         // every literal's encoding, back to back
    uint32_t *lit_starts; // offset of each literal in lits
    uint32_t lit_len;
    uint32_t lit_cap;
    uint32_t *imports; // 3 words per import: module atom, function atom, arity
    uint32_t import_len;
    uint32_t import_cap;
} ModTables;

// One function's output.
typedef struct FnOut {
    uint32_t name_atom;
    uint32_t arity;
    uint32_t free_count;
    uint32_t frame_size;
    uint32_t flags;
    uint32_t *code;
    uint32_t code_len;
    uint32_t code_cap;
    uint32_t *lines; // pairs: offset relative to this function, line
    uint32_t line_len;
    uint32_t line_cap;
} FnOut;

// A def/defp group (all clauses of one name/arity) found by the module pre-pass.
typedef struct LocalDef {
    const char *name;
    uint32_t arity;
    uint32_t fn_index;
    bool is_private;
    bool is_compiled;
    const AstNode **clauses; // the def CALL nodes
    uint32_t clause_len;
    uint32_t clause_cap;
    const AstNode *default_of; // for a generated default-arg head: the clause with the `\\`
    uint32_t full_arity;       // arity of the function the default head calls
} LocalDef;

typedef struct NamedNode {
    const char *name;
    const AstNode *node;
} NamedNode;

// A struct defined in this compile: module atom text and its defstruct argument.
typedef struct StructDef {
    char *module;
    const AstNode *fields;
    const char *enforce; // @enforce_keys as Elixir text "[:a, :b]", or NULL when none
} StructDef;

typedef struct Cg Cg;
typedef struct FnGen FnGen;

// The function holding a module body's own expressions, run when its defmodule is reached.
#define MODULE_BODY_FN "__module_body__"

typedef struct ModGen {
    Cg *cg;
    char *name;            // atom text, "Elixir.Foo" or "ember_script"
    const char *display;   // "Foo" for messages
    bool is_script;
    ModTables tab;
    FnOut *fns;
    uint32_t fn_len;
    uint32_t fn_cap;
    LocalDef *defs;
    uint32_t def_len;
    uint32_t def_cap;
    NamedNode *attrs; // module attributes, latest definition last
    uint32_t attr_len;
    uint32_t attr_cap;
    NamedNode *aliases; // short name -> full alias text (without "Elixir.")
    uint32_t alias_len;
    uint32_t alias_cap;
    NamedNode *imports; // `import Mod`: module atom text -> its options (only:) or NULL
    uint32_t import_len;
    uint32_t import_cap;
    uint32_t lambda_count;
    FnGen *body;    // __module_body__/0: the module body's own expressions, run at definition
    bool has_body;  // whether body has been started
} ModGen;

// The whole compile.
struct Cg {
    Arena *arena;
    const char *file;
    Diag *diag;
    bool failed;
    CompiledModule *outs;
    size_t out_len;
    size_t out_cap;
    StructDef *structs;
    uint32_t struct_len;
    uint32_t struct_cap;
    char *repl_env; // compile_repl: the aliases and imports in effect at the end (malloc'd)
};

typedef struct Var {
    const char *name;
    uint32_t reg;
} Var;

typedef struct Fixup {
    uint32_t word;    // index of the j operand word
    uint32_t next_pc; // start of the next instruction
    uint32_t label;
} Fixup;

struct FnGen {
    ModGen *mg;
    FnGen *parent;     // enclosing function of a lambda
    uint32_t fn_index; // into mg->fns
    const char *fn_name; // for lambda names: the enclosing def's name and arity
    uint32_t fn_arity;
    Var *vars;
    uint32_t var_len;
    uint32_t var_cap;
    uint32_t top;
    uint32_t max_reg; // highest register used + 1
    int32_t *labels;  // position, or -1 while unbound
    uint32_t label_len;
    uint32_t label_cap;
    Fixup *fixups;
    uint32_t fixup_len;
    uint32_t fixup_cap;
    uint32_t line;
    uint32_t pattern_base; // vars at index >= this were bound by the current pattern
    uint32_t scope_bases[SCOPE_DEPTH_MAX]; // var index where each open scope starts
    uint32_t scope_depth;
    // Register reuse on rebinding is only safe in statements of a body block: an operand
    // being evaluated may hold a variable's own register (expr_to_reg).
    const AstNode *body_block; // the block expr_compile_body is compiling
    bool allow_reuse;
};

// ==== protocol.c ====
// Rewrites defprotocol/defimpl in [root] into plain defmodules (see protocol.c); returns the
// new root ([root] itself when there are none).
AstNode *protocol_expand(Cg *cg, AstNode *root);

// ==== def_rewrites.c ====
// Rewrites every `defdelegate f(a), to: M [, as: :g]` in [root] into `def f(a), do: M.g(a)`
// and inlines each module's `defguard`/`defguardp` at its call sites.
void def_rewrites_expand(Cg *cg, AstNode *root);

// ==== repl_compile.c (the REPL's shape of a script; see compiler.h compile_repl) ====
// Binds the earlier inputs' variables to the argument registers and imports the helpers.
void repl_begin(FnGen *fg, const CompileRepl *repl);
// Compiles [last] (NULL: nil) as the value and returns {value, bindings} from the function.
void repl_finish(FnGen *fg, const AstNode *last);
// The same after a defmodule [s] that ends the input: the value is {:module, Name, bytes, def}.
void repl_finish_module(FnGen *fg, const AstNode *s, const char *module);

// ==== codegen.c ====
// Records the first CompileError at [line] (printf-style). Later calls are ignored.
void cg_error(Cg *cg, uint32_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// Grows [*data] (elements of [elem] bytes, capacity [*cap]) to hold [need]; aborts on OOM.
void cg_grow(void **data, uint32_t *cap, uint32_t need, size_t elem);
// Looks up local function [name]/[arity] of the module; NULL if none.
LocalDef *cg_find_def(ModGen *mg, const char *name, uint32_t arity);
// Compiles `fn` node [fn_node] into a new lambda function and puts the closure (capturing
// the free variables of the enclosing [parent]) into [dst].
void cg_compile_lambda(FnGen *parent, const AstNode *fn_node, uint32_t dst);
// Appends an empty function [name]/[arity] with EMB_FN_* [flags]; returns its index.
uint32_t cg_new_function(ModGen *mg, const char *name, uint32_t arity, uint32_t flags);
// Starts / finishes generating function [fn_index] (end patches jumps, sets the frame size
// and frees the generator's scratch memory).
void cg_fn_begin(FnGen *fg, ModGen *mg, uint32_t fn_index, const char *fn_name,
                 uint32_t fn_arity);
void cg_fn_end(FnGen *fg);
// Makes alias [short_name] stand for [full] (alias text without "Elixir.").
void cg_add_alias(ModGen *mg, const char *short_name, const char *full);
// Records `import` node [n] (import Mod / import Mod, only: [f: 1]).
void cg_add_import(ModGen *mg, const AstNode *n);
// `alias A.B [, as: C]`, `import M [, only: [...]]` or `require M` statement [n].
void cg_apply_directive(ModGen *mg, const AstNode *n);
// The module imported (by a visible `import`) that provides [name]/[arity], or NULL.
const char *cg_import_for(ModGen *mg, const char *name, uint32_t arity);
// Module atom text named by a struct's name node (alias, atom or __MODULE__), or NULL.
const char *cg_struct_module(FnGen *fg, const AstNode *name);
// The keyword value for [key] in the keyword-list node [kw] (LIST of 2-TUPLEs), or NULL.
const AstNode *cg_kw_get(const AstNode *kw, const char *key);
// True if [n] is a keyword list (LIST whose kids are all {atom, value} tuples).
bool cg_is_keyword(const AstNode *n);
// Module atom text for an ALIAS node (alias expansion applied), arena-allocated.
const char *cg_alias_text(ModGen *mg, const AstNode *alias);
// The struct definition for module atom text [module], or NULL.
const StructDef *cg_find_struct(Cg *cg, const char *module);
// Registers [name] := value [node] as a module attribute.
void cg_set_attr(ModGen *mg, const char *name, const AstNode *node);
// Parses the fixed Elixir snippet [src] (one expression, or a block of several) as if written
// at [line]; texts are NUL-terminated arena copies.
AstNode *cg_parse_snippet(Cg *cg, const char *src, uint32_t line);
// Allocation helpers inside the compile arena.
AstNode *cg_node(Cg *cg, AstKind kind, uint32_t line, const char *text);

// ==== defmodule.c ====
// Compiles the parsed (or decoded) tree [root], owned by [arena], as compile_source/compile_repl
// do with source text; frees [arena] in every case.
bool cg_compile_tree(Arena *arena, AstNode *root, const char *file, CompileMode mode,
                     const CompileRepl *repl, CompileOutput *out, Diag *diag);

// ==== quote.c ====
// Compiles `quote(opts, do: body)` [n] into code that builds Elixir's quoted form into [dst].
void quote_compile(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
// The expression [n] stands for when it is `__ENV__.module/file/line/function`, `__DIR__` or
// `var!(v)` (a literal, or the variable itself); NULL otherwise.
const AstNode *quote_env_expr(FnGen *fg, const AstNode *n);

// ==== expr.c ====
void expr_compile(FnGen *fg, const AstNode *n, uint32_t dst);
// Compiles [n] in tail position: ends with RETURN or a tail call.
void expr_compile_tail(FnGen *fg, const AstNode *n);
// Register holding [n]'s value: a variable's own register or a fresh temp.
uint32_t expr_to_reg(FnGen *fg, const AstNode *n);
// If [cond] is a comparison (== != < <= > >=), emits one fused instruction that jumps to label
// [fail] unless it holds, and returns true; otherwise emits nothing and returns false.
bool ops_compare_jump(FnGen *fg, const AstNode *cond, uint32_t fail);
// Compiles [n] for its effects only (statements of a block).
void expr_compile_effect(FnGen *fg, const AstNode *n);
// Emits a call to import [mod].[fun] with args [args] ([argc]); [tail] makes it a tail call.
void expr_call_ext(FnGen *fg, const char *mod, const char *fun, const AstNode *const *args,
                   uint32_t argc, uint32_t dst, bool tail);
// Compiles a block body ([n] may be a __block__) into [dst] or in tail position.
void expr_compile_body(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
// Loads literal [n] (expr_is_literal holds) into [dst].
void literal_load(FnGen *fg, const AstNode *n, uint32_t dst);
// Is [n] compile-time literal data (goes to the literal table)?
bool expr_is_literal(FnGen *fg, const AstNode *n);
// Puts the value of [n] into [dst] or returns from it when [tail].
void expr_finish(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
// The name of a Kernel function callable unqualified, or false.
bool expr_is_kernel_import(const char *name, uint32_t arity);

// ==== ops.c / desugar.c (form handlers called from expr.c's dispatch) ====
void ops_match(FnGen *fg, const AstNode *n, uint32_t dst, bool want_value);
bool ops_is_form(FnGen *fg, const AstNode *n);
void ops_form(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void ops_block(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void ops_pipe(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void ops_unsupported(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void ops_control(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
// ~D/~T/~N/~U with literal text [text] ([len] bytes): the struct literal as a %{} node in
// [cg]'s arena, or NULL after recording Elixir's ArgumentError for text that does not parse.
AstNode *sigil_calendar_expand(Cg *cg, const AstNode *n, const char *text, size_t len);
// ~r/~R [n] into [dst]: the %Regex{} literal (checked with PCRE2 now: a bad pattern records
// Elixir's Regex.CompileError), or with interpolation a call of Regex.compile!/2.
void sigil_regex_compile(FnGen *fg, const AstNode *n, uint32_t dst);
// `raise Mod[, args]` for an exception module of this compile: raise(Mod.exception(args)).
// Returns false, emitting nothing, when [n] is not such a raise.
bool desugar_raise(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
// The path forms of put_in/2, update_in/2, get_and_update_in/2 and pop_in/1 (`m.a[:b]`):
// calls of the key-list functions with `.` steps as Access.key!/1 (KeyError, BadMapError) and
// `[]` steps as plain keys (Access). Returns false, emitting nothing, for any other call.
// destructure(list_pattern, value) as a match against Kernel.Utils.destructure/2; false when
// [n] is not that form (nothing emitted).
bool desugar_destructure(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
bool desugar_path_macro(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);

// ==== control.c ====
// Each compiles a special form into [dst], or in tail position when [tail].
void control_case(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void control_receive(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void control_if(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void control_cond(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void control_with(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void control_try(FnGen *fg, const AstNode *kw, uint32_t line, uint32_t dst);
void control_for(FnGen *fg, const AstNode *n, uint32_t dst, bool tail);
void control_capture(FnGen *fg, const AstNode *n, uint32_t dst);
// Matches value register [src] against the `->` clauses in [clauses] (a LIST node or a single
// `->`), compiling the matching body into [dst]/[tail] and then jumping to [end] (not in tail
// position); falls through to the code after it when no clause matches.
void control_clauses(FnGen *fg, const AstNode *clauses, uint32_t src, uint32_t dst, bool tail,
                     uint32_t end);
// Same with [nsrc] values matched by clauses of [nsrc] patterns (fn clauses, catch kind, value).
void control_clauses_n(FnGen *fg, const AstNode *clauses, const uint32_t *srcs, uint32_t nsrc,
                       uint32_t dst, bool tail, uint32_t end);
// Emits a guard test: falls through when [guard] is true, else jumps to [fail].
void control_guard(FnGen *fg, const AstNode *guard, uint32_t fail);

// ==== pattern.c ====
// Emits tests matching register [src] against [pat], binding its variables; jumps to [fail].
void pattern_match(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail);
// binary.c: matches the `<<...>>` pattern [pat] against register [src], jumping to [fail].
void binary_match(FnGen *fg, const AstNode *pat, uint32_t src, uint32_t fail);
// binary.c: compiles the construction `<<...>>` [n] into [dst].
void binary_construct(FnGen *fg, const AstNode *n, uint32_t dst);
// Starts a new pattern (repeated variables within it must be equal).
void pattern_begin(FnGen *fg);
// Splits a clause head `a, b when g` ([params]: LIST node) into patterns and guard.
void pattern_split_when(const AstNode *params, const AstNode *const **pats, uint32_t *pat_len,
                        const AstNode **guard);

// ==== scope.c ====
uint32_t reg_alloc(FnGen *fg);
// Allocates [count] consecutive registers; returns the first.
uint32_t reg_alloc_n(FnGen *fg, uint32_t count);
void reg_free_to(FnGen *fg, uint32_t mark);
// The register of visible variable [name], or UINT32_MAX.
uint32_t scope_lookup(FnGen *fg, const char *name);
void scope_bind(FnGen *fg, const char *name, uint32_t reg);
// Scope marks: scope_enter returns a mark for scope_leave (variables and registers).
uint32_t scope_enter(FnGen *fg);
void scope_leave(FnGen *fg, uint32_t mark, uint32_t reg_mark);
// The register of variable [name] when a rebinding `name = ...` may overwrite it in place:
// bound in the innermost scope and shared with no other binding. UINT32_MAX otherwise.
uint32_t scope_reusable(FnGen *fg, const char *name);
// True if [name] is `_` or starts with `_`.
bool scope_is_ignored(const char *name);
// Collects the names of all variables referenced inside [n] that are visible in [fg]; writes
// up to [max] of them to [out] (no duplicates) and returns the count.
uint32_t scope_free_vars(FnGen *fg, const AstNode *n, const char **out, uint32_t max);

// ==== emit.c ====
// Emits [op] with operands [ops] (in signature order); checks them against opcodes.def.
// Jump operands are label ids. Returns the offset of the instruction.
uint32_t emit_op(FnGen *fg, Opcode op, const int64_t *ops);
void emit0(FnGen *fg, Opcode op);
void emit1(FnGen *fg, Opcode op, int64_t a);
void emit2(FnGen *fg, Opcode op, int64_t a, int64_t b);
void emit3(FnGen *fg, Opcode op, int64_t a, int64_t b, int64_t c);
void emit4(FnGen *fg, Opcode op, int64_t a, int64_t b, int64_t c, int64_t d);
uint32_t label_new(FnGen *fg);
void label_bind(FnGen *fg, uint32_t label);
// Resolves every jump of the function; false (with a CompileError) if a label is unbound.
bool emit_finish(FnGen *fg);
// Loads atom [text] into [dst].
void emit_load_atom(FnGen *fg, uint32_t dst, const char *text);
// Loads integer [v] into [dst] (LOAD_INT or an int literal).
void emit_load_int(FnGen *fg, uint32_t dst, int64_t v);

// ==== bcwrite.c ====
uint32_t tab_atom(ModTables *t, const char *text);
uint32_t tab_import(ModTables *t, const char *mod, const char *fun, uint32_t arity);
// Interns an encoded literal ([bytes], [size]); returns its index.
uint32_t tab_literal(ModTables *t, const uint8_t *bytes, size_t size);
void buf_put(ByteBuf *b, const void *data, size_t size);
void buf_u8(ByteBuf *b, uint8_t v);
void buf_u32(ByteBuf *b, uint32_t v);
// Serialises module [mg] into .emb bytes; returns malloc'd bytes and sets [*size].
uint8_t *bcwrite_module(ModGen *mg, size_t *size);
void tab_free(ModTables *t);

// ==== use.c ====
// True when statement [s] is `use Module` or `use Module, opts`.
bool use_is_use(const AstNode *s);
// When [s] is `use Bitwise`: applies it to [mg] as `import Bitwise` and returns true.
bool use_is_import(ModGen *mg, const AstNode *s);
// For a `use` statement: a __block__ of the default defs it provides that module [mg] does
// not define itself (registered by defmodule.c after the module's own defs); NULL (with a
// CompileError for an unsupported module) otherwise.
AstNode *use_defaults(ModGen *mg, const AstNode *s);

#endif
