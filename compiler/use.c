// `use Module, opts` for the OTP behaviours, as a fixed compile-time rule (Ember has no macros).
//
// Elixir's `use GenServer` (and Agent, Task, Supervisor) expands its __using__ macro into a set of
// default callbacks marked defoverridable. Here, after a module body's own defs are registered,
// use_defaults() returns the default defs of one `use` statement that the module does not define
// itself (same name and arity), parsed from fixed snippets; defmodule.c registers them as if
// written at the `use` line. Options (`use GenServer, restart: :temporary`) are spliced in as
// the AST of the keyword list in place of the `__use_opts__` variable of the child_spec/1
// snippet, giving Elixir's `Supervisor.child_spec(default, opts)`.
//
// `use Bitwise` (deprecated in Elixir 1.14, which warns) is `import Bitwise`: use_is_import
// applies it where it stands.
//
// The defaults delegate their bodies to the used module (GenServer.__default_*__) so that the
// snippets stay small and the behaviour lives in Ember code (stdlib/gen_server.ex).
#include "codegen.h"

#include <string.h>

typedef struct UseDefault {
    const char *name;
    uint32_t arity;
    const char *src;
} UseDefault;

// child_spec/1 with the module's start function; extra default keys go in [extra].
#define CHILD_SPEC(extra)                                                                      \
    "def child_spec(init_arg) do\n"                                                           \
    "  Supervisor.child_spec(%{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}" \
    extra "}, __use_opts__)\n"                                                                 \
    "end\n"

static const UseDefault gen_server_defaults[] = {
    {"child_spec", 1, CHILD_SPEC("")},
    {"init", 1, "def init(init_arg), do: {:ok, init_arg}\n"},
    {"handle_call", 3,
     "def handle_call(msg, _from, state), do: GenServer.__default_call__(msg, state)\n"},
    {"handle_cast", 2, "def handle_cast(msg, state), do: GenServer.__default_cast__(msg, state)\n"},
    {"handle_info", 2,
     "def handle_info(msg, state), do: GenServer.__default_info__(__MODULE__, msg, state)\n"},
    {"terminate", 2, "def terminate(_reason, _state), do: :ok\n"},
    {"code_change", 3, "def code_change(_old, state, _extra), do: {:ok, state}\n"},
    {NULL, 0, NULL},
};

static const UseDefault agent_defaults[] = {
    {"child_spec", 1, CHILD_SPEC("")},
    {NULL, 0, NULL},
};

static const UseDefault task_defaults[] = {
    {"child_spec", 1, CHILD_SPEC(", restart: :temporary")},
    {NULL, 0, NULL},
};

static const UseDefault supervisor_defaults[] = {
    {"child_spec", 1, CHILD_SPEC(", type: :supervisor")},
    {NULL, 0, NULL},
};

static const struct {
    const char *module;
    const UseDefault *defaults;
} use_table[] = {
    {"GenServer", gen_server_defaults},
    {"Agent", agent_defaults},
    {"Task", task_defaults},
    {"Supervisor", supervisor_defaults},
    {"DynamicSupervisor", supervisor_defaults},
};

// Replaces every `__use_opts__` variable under [n] by [opts].
static void splice_opts(AstNode *n, AstNode *opts, int depth)
{
    if (!n || depth > 200) {
        return;
    }
    for (uint32_t i = 0; i < n->nkids; i++) {
        if (ast_is_named(n->kids[i], AST_VAR, "__use_opts__")) {
            n->kids[i] = opts;
        } else {
            splice_opts(n->kids[i], opts, depth + 1);
        }
    }
    splice_opts(n->target, opts, depth + 1);
}

static const UseDefault *defaults_for(const char *module)
{
    for (size_t i = 0; i < sizeof use_table / sizeof use_table[0]; i++) {
        if (strcmp(use_table[i].module, module) == 0) {
            return use_table[i].defaults;
        }
    }
    return NULL;
}

bool use_is_use(const AstNode *s)
{
    return s && s->kind == AST_CALL && s->text && strcmp(s->text, "use") == 0 &&
           (s->nkids == 1 || s->nkids == 2);
}

bool use_is_import(ModGen *mg, const AstNode *s)
{
    if (!use_is_use(s) || s->kids[0]->kind != AST_ALIAS ||
        strcmp(cg_alias_text(mg, s->kids[0]), "Elixir.Bitwise") != 0) {
        return false;
    }
    cg_add_import(mg, s);
    return true;
}

AstNode *use_defaults(ModGen *mg, const AstNode *s)
{
    Cg *cg = mg->cg;
    if (!use_is_use(s)) {
        return NULL;
    }
    if (s->kids[0]->kind == AST_ALIAS &&
        strcmp(cg_alias_text(mg, s->kids[0]), "Elixir.Bitwise") == 0) {
        return cg_node(cg, AST_CALL, s->line, "__block__"); // an import, applied in order
    }
    const AstNode *target = s->kids[0];
    const char *full = target->kind == AST_ALIAS ? cg_alias_text(mg, target) : NULL;
    const UseDefault *defaults = full && strncmp(full, "Elixir.", 7) == 0
                                     ? defaults_for(full + 7) : NULL;
    if (!defaults) {
        // Elixir's message for a missing module; Ember knows only the modules of use_table.
        cg_error(cg, s->line, "module %s is not loaded and could not be found",
                 target->text ? target->text : "?");
        return NULL;
    }
    AstNode *opts = s->nkids == 2 ? (AstNode *)s->kids[1] : cg_node(cg, AST_LIST, s->line, NULL);
    if (!cg_is_keyword(opts)) {
        cg_error(cg, s->line, "use %s expects a keyword list of options", full + 7);
        return NULL;
    }
    AstNode *block = cg_node(cg, AST_CALL, s->line, "__block__");
    for (const UseDefault *d = defaults; d->name; d++) {
        if (cg_find_def(mg, d->name, d->arity)) {
            continue; // defoverridable: the module's own definition wins
        }
        AstNode *def = cg_parse_snippet(cg, d->src, s->line);
        splice_opts(def, opts, 0);
        ast_push(cg->arena, block, def);
    }
    return block;
}
