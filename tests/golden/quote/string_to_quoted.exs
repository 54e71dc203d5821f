# Code.string_to_quoted/1,2 and string_to_quoted!/1,2: Elixir's parser metadata and errors.
sources = [
  "1 + 2", "foo.bar", "foo.bar()", "x", "Foo.Bar.baz(1, a)", "a; b", "{1, 2, 3}", "%{a: 1}",
  "fn x -> x end", "if a do b else c end", "~s(x)", "\"a\#{x}\"", "-1", "[1 | t]", "x.(1)",
  "x[1]", "&foo/1", "@a", "'abc'", "%S{a: 1}", "<<1, 2::8>>", "case x do\n  1 -> 2\nend",
  ":foo", "nil", "", "a\n|> b(1)\n|> c()", "1.5e3 * 100000000000000000000000", "x = y = 3",
  "fn\n  {:ok, v} when v > 0 ->\n    v\n  _ ->\n    nil\nend", "not a and b", "[a: 1, b: [2]]"
]

for s <- sources do
  IO.inspect(Code.string_to_quoted(s))
  IO.inspect(Code.string_to_quoted!(s))
end

# Columns where Ember's parser records Elixir's positions: names, operators, calls, arrows.
for s <- ["1 + 2", "foo.bar", "x", "-1", "@a", "a |> b(c)", "case x do\n  1 -> 2\nend", "if a do b end",
          "{1, 2, 3}", "%{a: 1}", "%S{a: 1}", "<<1, 2::8>>", "x.(1)", "(a; b)", "Foo.Bar.baz(1, a)",
          "fn x -> x end", "%{m | a: 1}", "&foo/1", "[1 | t]"] do
  IO.inspect(Code.string_to_quoted(s, columns: true))
end

for s <- ["1 +", "foo(", "a)", "do", "\"abc", "fn x -> ", "[1, 2"] do
  IO.inspect(Code.string_to_quoted(s))
end

for s <- ["1 +", "foo(", "a)"] do
  try do
    Code.string_to_quoted!(s)
  rescue
    e -> IO.inspect({e.__struct__, Exception.message(e)})
  end
end
