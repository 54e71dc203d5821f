// The regex sigils ~r and ~R. Literal text becomes the %Regex{} struct literal, stored in the
// .emb as source and options only: its re_pattern is the plain term {:re_pattern, captures,
// unicode, flags, source} that the VM compiles once on first use (vm/regex/). The pattern is
// checked with PCRE2 here, so a bad one is Elixir's compile-time Regex.CompileError. With
// interpolation, ~r becomes Regex.compile!(text, modifiers), compiled when evaluated.
#include "codegen.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "regex/regex_core.h"

// Elixir's Regex.unescape_map: only \f \n \r \t \v \a (and an escaped newline, dropped) are
// resolved; every other backslash stays for PCRE to read.
static size_t unescape(const char *s, size_t len, char *out)
{
    static const char from[] = "fnrtva";
    static const char to[] = "\f\n\r\t\v\a";
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        const char *hit = i + 1 < len && s[i] == '\\' ? strchr(from, s[i + 1]) : NULL;
        if (hit != NULL && s[i + 1] != '\0') {
            out[n++] = to[hit - from];
            i++;
        } else if (i + 1 < len && s[i] == '\\' && s[i + 1] == '\n') {
            i++;
        } else {
            out[n++] = s[i];
        }
    }
    return n;
}

static void push_pair(Cg *cg, AstNode *map, uint32_t line, const char *key, AstNode *value)
{
    AstNode *pair = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, pair, cg_node(cg, AST_ATOM, line, key));
    ast_push(cg->arena, pair, value);
    ast_push(cg->arena, map, pair);
}

static AstNode *int_node(Cg *cg, uint32_t line, long long v)
{
    AstNode *i = cg_node(cg, AST_INT, line, NULL);
    i->ival = v;
    return i;
}

static AstNode *string_node(Cg *cg, uint32_t line, const char *s, size_t len)
{
    AstNode *str = cg_node(cg, AST_STRING, line, arena_strdup(cg->arena, s, len));
    str->text_len = len;
    return str;
}

// %Regex{} for source [src] and modifiers [mods] that PCRE2 accepted.
static AstNode *regex_struct(Cg *cg, uint32_t line, const char *src, size_t len,
                             const AstNode *mods, uint32_t flags, uint32_t ncap)
{
    char version[64];
    regex_version(version, sizeof version);
    AstNode *pattern = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, pattern, cg_node(cg, AST_ATOM, line, "re_pattern"));
    ast_push(cg->arena, pattern, int_node(cg, line, ncap));
    ast_push(cg->arena, pattern, int_node(cg, line, (flags & REGEX_UNICODE) ? 1 : 0));
    ast_push(cg->arena, pattern, int_node(cg, line, flags));
    ast_push(cg->arena, pattern, string_node(cg, line, src, len));
    AstNode *vsn = cg_node(cg, AST_TUPLE, line, NULL);
    ast_push(cg->arena, vsn, string_node(cg, line, version, strlen(version)));
    ast_push(cg->arena, vsn, cg_node(cg, AST_ATOM, line, "little"));
    AstNode *map = cg_node(cg, AST_CALL, line, "%{}");
    push_pair(cg, map, line, "__struct__", cg_node(cg, AST_ATOM, line, "Elixir.Regex"));
    push_pair(cg, map, line, "opts", string_node(cg, line, mods->text, mods->text_len));
    push_pair(cg, map, line, "re_pattern", pattern);
    push_pair(cg, map, line, "re_version", vsn);
    push_pair(cg, map, line, "source", string_node(cg, line, src, len));
    return map;
}

// Records Elixir's Regex.CompileError (raised while expanding sigil_r: no file or line).
__attribute__((format(printf, 3, 4))) static void compile_error(Cg *cg, uint32_t line,
                                                                 const char *fmt, ...)
{
    char text[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    bool had_error = cg->failed;
    cg_error(cg, line, "%s", text);
    if (!had_error) {
        snprintf(cg->diag->kind, sizeof cg->diag->kind, "Regex.CompileError");
    }
}

// Resolves the escapes of the literal parts of ~r's body (~R keeps them raw).
static void unescape_parts(Cg *cg, AstNode *body)
{
    for (uint32_t i = 0; i < body->nkids; i++) {
        AstNode *part = body->kids[i];
        if (part->kind == AST_STRING) {
            char *out = arena_alloc(cg->arena, part->text_len + 1);
            part->text_len = unescape(part->text, part->text_len, out);
            part->text = out;
        }
    }
}

void sigil_regex_compile(FnGen *fg, const AstNode *n, uint32_t dst)
{
    Cg *cg = fg->mg->cg;
    AstNode *body = n->kids[0];
    const AstNode *mods = n->kids[1];
    if (n->text[6] == 'r') {
        unescape_parts(cg, body);
    }
    uint32_t flags;
    size_t good = 0; // Elixir: Regex.CompileError "invalid_option at position <rest>"
    while (good < mods->text_len && regex_flags_from_modifiers(mods->text, good + 1, &flags)) {
        good++;
    }
    if (!regex_flags_from_modifiers(mods->text, mods->text_len, &flags)) {
        compile_error(cg, n->line, "invalid_option at position %.*s",
                      (int)(mods->text_len - good), mods->text + good);
        return;
    }
    bool literal = body->nkids == 0 || (body->nkids == 1 && body->kids[0]->kind == AST_STRING);
    if (!literal) { // interpolation: compiled where it is evaluated, as in Elixir
        const AstNode *args[2] = {body, string_node(cg, n->line, mods->text, mods->text_len)};
        expr_call_ext(fg, "Elixir.Regex", "compile!", args, 2, dst, false);
        return;
    }
    const char *src = body->nkids ? body->kids[0]->text : "";
    size_t len = body->nkids ? body->kids[0]->text_len : 0;
    uint32_t ncap;
    char msg[REGEX_MESSAGE_SIZE];
    size_t offset;
    if (!regex_check(src, len, flags, &ncap, msg, &offset)) {
        compile_error(cg, n->line, "%s at position %zu", msg, offset);
        return;
    }
    expr_compile(fg, regex_struct(cg, n->line, src, len, mods, flags, ncap), dst);
}
