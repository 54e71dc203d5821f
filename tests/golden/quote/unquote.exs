# unquote and unquote_splicing at every position, evaluated at run time.
xs = [1, 2, 3]
v = {:y, [], nil}
IO.inspect(quote(do: [unquote_splicing(xs)]))
IO.inspect(quote(do: [0, unquote_splicing(xs), 4, unquote_splicing([5])]))
IO.inspect(quote(do: g(unquote_splicing(xs))))
IO.inspect(quote(do: g(unquote(v), unquote_splicing([]))))
IO.inspect(quote(do: {unquote(v), unquote(v)}))
IO.inspect(quote(do: {unquote(v), 1, unquote(v)}))
IO.inspect(quote(do: %{unquote(:k) => unquote(v)}))
IO.inspect(quote(do: "a#{unquote(v)}"))
for n <- 1..3, do: IO.inspect(quote(do: unquote(n) + unquote(n * 10)))
IO.inspect(quote(unquote: false, do: unquote(v) + unquote_splicing(xs)))
IO.inspect(quote(bind_quoted: [a: 1, b: [2]], do: a + b))
IO.inspect(quote(context: :ctx, do: x + y))
IO.inspect(quote(line: 7, generated: true, do: x.y))
IO.inspect(quote do
  a = 1
  b = a * 2
  {a, b}
end)
IO.inspect(quote(do: quote(do: unquote(z) + 1)))
IO.inspect(quote(do: fn
  {:ok, x} when is_integer(x) -> x
  _ -> nil
end))
IO.inspect(quote(do: try do f() rescue e in ArgumentError -> e after :ok end))
IO.inspect(quote(do: receive do {:m, x} -> x after 10 -> :timeout end))
IO.inspect(quote(do: cond do a -> 1; true -> 2 end))
IO.inspect(quote do
  with {:ok, a} <- f() do
    a
  else
    _ -> :err
  end
end)
IO.inspect(quote(do: %{m | a: 1}))
IO.inspect(quote(do: &Enum.map(&1, fn x -> x end)))
IO.inspect(quote(do: &Enum.count/1))
IO.inspect(quote(do: 1.5 + 10000000000000000000000 - -2))
IO.inspect(quote(do: :"quoted atom" && 'cl' || "s"))
IO.inspect(quote(do: x |> Enum.map(&(&1 * 2)) |> Enum.sum()))
IO.inspect(quote(do: a in [1, 2] and not b))
l = [1, 2]
IO.inspect(quote(do: [unquote_splicing(l) | t]))
IO.inspect(quote(do: [0, unquote_splicing(l) | t]))
IO.inspect(quote(do: [unquote_splicing(l), 3 | t]))
