// Quoted forms as term blobs, both ways (compiler/ast_term.c, compiler/term_ast.c,
// vm/term_blob.c, loader_decode_term): a corpus of sources survives source -> blob -> term ->
// blob -> AST -> blob -> term unchanged, and truncated or corrupted blobs are refused or decoded
// harmlessly by both decoders, never read out of bounds (run under ASan).
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "ast_term.h"
#include "bytecode.h"
#include "compiler.h"
#include "loader.h"
#include "map.h"
#include "process.h"
#include "term_blob.h"
#include "vm.h"

static Vm *vm;
static Process *proc;

static void setup(void)
{
    vm = vm_new();
    proc = proc_new(vm);
}

static void teardown(void)
{
    proc_free(proc);
    vm_free(vm);
}

TestSuite(quoted, .init = setup, .fini = teardown, .timeout = 60);

static const char *const corpus[] = {
    "1 + 2 * 3", "foo.bar", "foo.bar()", "x", "Foo.Bar.baz(1, a)", "a; b", "{1, 2, 3}",
    "%{a: 1, b: [c: 2]}", "fn x -> x end", "if a do b else c end", "~s(x)", "\"a#{x}b\"", "-1",
    "[1 | t]", "x.(1)", "x[1]", "&foo/1", "&(&1 + 1)", "@a", "'abc'", "%S{a: 1}",
    "<<1, x::binary-size(4)>>", "case x do\n  1 -> 2\n  _ -> 3\nend", ":foo", "nil", "true", "",
    "a |> b(1) |> c()", "1.5e3 * 100000000000000000000000", "x = y = 3", "not a and b",
    "for x <- [1, 2], y <- [3], x < y, do: {x, y}", "try do\n  f()\nrescue\n  e -> e\nend",
    "receive do\n  {:m, v} -> v\nafter\n  10 -> :t\nend", "\"\"\"\nheredoc\n\"\"\"",
    "quote do\n  unquote(x) + 1\nend", "Mod.unquote(f)(1)", "defmodule M do\n  def f(x) when x > 0, do: x\nend",
    "-123456789012345678901234567890", "{:ok, %{\"k\" => <<1, 2>>}}", "a.b.c.d", "%{m | a: 1}",
};

// The blob of [src] as string_to_quoted writes it.
static uint8_t *parse_blob(const char *src, size_t *size)
{
    uint8_t *bytes = NULL;
    Diag diag;
    cr_assert(compile_string_to_quoted(src, strlen(src), "t.exs", false, &bytes, size, &diag),
              "%s: %s", src, diag.message);
    return bytes;
}

static Term decode(const uint8_t *bytes, size_t size)
{
    Term t;
    char err[128] = "";
    cr_assert(loader_decode_term(proc, bytes, size, &t, err, sizeof err), "%s", err);
    return t;
}

Test(quoted, corpus_round_trips_through_every_conversion)
{
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        size_t size1;
        uint8_t *blob1 = parse_blob(corpus[i], &size1);
        Term term1 = decode(blob1, size1);
        StrBuf blob2;
        strbuf_init(&blob2);
        Term bad;
        cr_assert(term_blob_encode(vm, term1, &blob2, &bad), "%s", corpus[i]);
        Arena *arena = arena_new();
        const char *error = NULL;
        AstNode *ast = ast_term_decode(arena, (const uint8_t *)blob2.data, blob2.len, &error);
        cr_assert_not_null(ast, "%s: %s", corpus[i], error);
        size_t size3;
        uint8_t *blob3 = ast_term_encode(ast, false, &size3);
        Term term3 = decode(blob3, size3);
        cr_expect(term_equal(term1, term3), "round trip changed %s", corpus[i]);
        free(blob1);
        free(blob3);
        strbuf_free(&blob2);
        arena_free(arena);
    }
}

Test(quoted, columns_add_a_column_to_every_meta)
{
    uint8_t *bytes = NULL;
    size_t size;
    Diag diag;
    cr_assert(compile_string_to_quoted("a + b", 5, "t.exs", true, &bytes, &size, &diag));
    Term t = decode(bytes, size);
    free(bytes);
    // {:+, [line: 1, column: 3], [...]}
    cr_assert(term_is_tuple(t) && term_tuple_arity(t) == 3);
    Term meta = term_tuple_elems(t)[1];
    cr_assert(term_is_cons(meta) && term_is_cons(term_tl(meta)));
    Term column = term_hd(term_tl(meta));
    cr_expect(term_equal(term_tuple_elems(column)[1], term_from_small(3)));
}

Test(quoted, syntax_errors_are_diagnostics)
{
    uint8_t *bytes = NULL;
    size_t size;
    Diag diag;
    cr_expect_not(compile_string_to_quoted("foo(", 4, "t.exs", false, &bytes, &size, &diag));
    cr_expect_null(bytes);
    cr_expect_str_eq(diag.kind, "TokenMissingError");
}

Test(quoted, terms_without_an_encoding_are_refused)
{
    StrBuf out;
    strbuf_init(&out);
    Term bad = TERM_NONE;
    Term list = term_make_cons(proc, proc->pid, TERM_NIL);
    cr_expect_not(term_blob_encode(vm, list, &out, &bad));
    cr_expect_eq(bad, proc->pid);
    strbuf_free(&out);
}

Test(quoted, invalid_quoted_forms_are_refused_by_the_compiler)
{
    // {1, 2, 3} is a tuple the quoted form writes {:{}, [], [1, 2, 3]}; a map is not quoted form.
    Term items[3] = {term_from_small(1), term_from_small(2), term_from_small(3)};
    Term bads[2] = {term_make_tuple(proc, 3, items), map_from_pairs(proc, items, 1)};
    for (int i = 0; i < 2; i++) {
        StrBuf blob;
        strbuf_init(&blob);
        Term bad;
        cr_assert(term_blob_encode(vm, bads[i], &blob, &bad));
        Arena *arena = arena_new();
        const char *error = NULL;
        cr_expect_null(ast_term_decode(arena, (const uint8_t *)blob.data, blob.len, &error));
        cr_expect_str_eq(error, "invalid quoted expression");
        arena_free(arena);
        strbuf_free(&blob);
    }
}

// Every truncation and every single-byte change of [blob] must be refused or decoded; the
// sanitizers catch any read out of bounds.
static void hammer(const uint8_t *blob, size_t size)
{
    uint8_t *copy = malloc(size + 1);
    for (size_t cut = 0; cut < size; cut++) {
        memcpy(copy, blob, cut);
        Term t;
        char err[128];
        cr_expect_not(loader_decode_term(proc, copy, cut, &t, err, sizeof err));
        Arena *arena = arena_new();
        const char *error = NULL;
        cr_expect_null(ast_term_decode(arena, copy, cut, &error));
        arena_free(arena);
    }
    static const uint8_t flips[] = {0x00, 0x01, 0x07, 0x09, 0x7f, 0x80, 0xff};
    for (size_t pos = 0; pos < size; pos++) {
        for (size_t f = 0; f < sizeof flips; f++) {
            memcpy(copy, blob, size);
            copy[pos] = flips[f];
            Term t;
            char err[128];
            (void)loader_decode_term(proc, copy, size, &t, err, sizeof err);
            Arena *arena = arena_new();
            const char *error = NULL;
            (void)ast_term_decode(arena, copy, size, &error);
            arena_free(arena);
        }
    }
    free(copy);
}

Test(quoted, hostile_blobs_never_crash_the_decoders)
{
    const char *srcs[] = {"Foo.bar(1, [a: {1, 2, 3}], \"s\", 1.5, 99999999999999999999999)",
                          "fn x when x > 0 -> %{x => [x | t]} end"};
    for (size_t i = 0; i < 2; i++) {
        size_t size;
        uint8_t *blob = parse_blob(srcs[i], &size);
        hammer(blob, size);
        free(blob);
    }
}

Test(quoted, forged_counts_do_not_allocate)
{
    // One atom table entry claiming 4 GB, then a list claiming 2^32-1 items.
    const uint8_t huge_atoms[] = {1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 'a'};
    const uint8_t huge_list[] = {0, 0, 0, 0, EMB_LIT_LIST, 0xff, 0xff, 0xff, 0xff, EMB_LIT_NIL};
    Term t;
    char err[128];
    cr_expect_not(loader_decode_term(proc, huge_atoms, sizeof huge_atoms, &t, err, sizeof err));
    cr_expect_not(loader_decode_term(proc, huge_list, sizeof huge_list, &t, err, sizeof err));
    Arena *arena = arena_new();
    const char *error = NULL;
    cr_expect_null(ast_term_decode(arena, huge_atoms, sizeof huge_atoms, &error));
    cr_expect_null(ast_term_decode(arena, huge_list, sizeof huge_list, &error));
    arena_free(arena);
}
