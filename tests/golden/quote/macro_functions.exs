# The Macro functions that need no expander: escape, var, walks, calls, pipes, names.
defmodule Point do
  defstruct x: 0, y: 0
end

IO.inspect(Macro.escape(%{a: {1, 2, 3}}))
IO.inspect(Macro.escape({:a, :b}))
IO.inspect(Macro.escape([1, {2, 3, 4}, "s", 'cl', 1.5, nil]))
IO.inspect(Macro.escape(struct(Point, x: 1)))
IO.inspect(Macro.escape({1, self()}) |> elem(1) |> is_pid())
IO.inspect(Macro.escape(quote(do: foo(x))))
IO.inspect(Macro.escape(quote(line: 3, do: foo(x.y)), prune_metadata: true))
IO.inspect(Macro.escape({:unquote, [], [{:x, [], nil}]}, unquote: true))
IO.inspect(Macro.escape([1 | 2]))
try do
  Macro.escape(fn -> 1 end)
rescue
  e in ArgumentError -> IO.puts(String.slice(e.message, 0, 16))
end

IO.inspect(Macro.var(:x, nil))
IO.inspect(Macro.var(:y, Foo))
{:z, [counter: c], nil} = Macro.unique_var(:z, nil)
IO.inspect(is_integer(c))
IO.inspect(Macro.generate_arguments(3, nil))
IO.inspect(Macro.generate_arguments(0, M))

ast = quote(do: 1 + 2 * 3)
IO.inspect(Macro.prewalk(ast, fn n when is_integer(n) -> n * 10; n -> n end))
IO.inspect(Macro.postwalk(quote(do: a + b), [], fn
  {name, _, ctx} = v, acc when is_atom(name) and is_atom(ctx) -> {v, [name | acc]}
  n, acc -> {n, acc}
end))
IO.inspect(Macro.prewalk(quote(do: f(g(1), [2, {3, 4}])), [], fn n, acc -> {n, [n | acc]} end) |> elem(1) |> length())
{_, order} = Macro.traverse(quote(do: f(1, 2)), [], fn n, acc -> {n, [{:pre, n} | acc]} end,
  fn n, acc -> {n, [{:post, n} | acc]} end)
IO.inspect(Enum.reverse(order))
IO.inspect(Macro.update_meta(quote(line: 4, do: a + b), &Keyword.delete(&1, :line)))

IO.inspect(Macro.decompose_call(quote(do: foo(1, 2))))
IO.inspect(Macro.decompose_call(quote(do: Foo.bar(1))))
IO.inspect(Macro.decompose_call(quote(do: foo)))
IO.inspect(Macro.decompose_call(quote(do: {1, 2, 3})))
IO.inspect(Macro.decompose_call(quote(do: Foo)))
IO.inspect(Macro.decompose_call(42))

for q <- [quote(do: 1), quote(do: [a: 1, b: "x"]), quote(do: %{a: {1, 2, 3}}), quote(do: Foo.Bar),
          quote(do: %Point{x: 1}), quote(do: __MODULE__), quote(do: x), quote(do: f(1))] do
  IO.inspect(Macro.quoted_literal?(q))
end

IO.inspect(Macro.validate(quote(do: a + b)))
IO.inspect(Macro.validate({1, 2, 3}))
IO.inspect(Macro.validate([1, %{}]))

for {n, a} <- [case: 2, case: 1, __block__: 5, quote: 1, quote: 3, fn: 0, "::": 2, if: 2, ^: 1, __ENV__: 0] do
  IO.inspect({n, a, Macro.special_form?(n, a)})
end

for {n, a} <- [+: 1, +: 2, !: 1, !: 2, |>: 2, foo: 2, in: 2, not: 1, "~~~": 1, when: 2, ..: 0] do
  IO.inspect({n, a, Macro.operator?(n, a)})
end

IO.inspect(Macro.unpipe(quote(do: x |> f(1) |> g())))
IO.inspect(Macro.pipe(1, quote(do: f(2)), 0))
IO.inspect(Macro.pipe(1, quote(do: f(2)), 1))
IO.inspect(Macro.pipe(1, quote(do: f), 0))

for s <- ["FooBar", "Foo.Bar", "FOOBar", "HTTPServer", "foo_bar", "Foo1Bar", "SHA256", "A"] do
  IO.inspect({s, Macro.underscore(s)})
end
IO.inspect(Macro.underscore(Foo.BarBaz))
for s <- ["foo_bar", "foo/bar", "foo__bar", "_foo", "foo_1", "Foo", "foo_", ""] do
  IO.inspect({s, Macro.camelize(s)})
end
