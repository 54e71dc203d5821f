# Pattern matching corners
{a, {b, [c | d]}} = {1, {2, [3, 4, 5]}}
IO.inspect({a, b, c, d})
[x, x] = [7, 7]
IO.inspect(x)
y = 1
case 1 do
  ^y -> IO.puts("pinned match")
end
%{k: v} = %{k: :val, other: 1}
IO.inspect(v)
[_, _ | rest] = [1, 2, 3, 4]
IO.inspect(rest)
{:ok, _} = {:ok, :ignored}
[h | t] = 'abc'
IO.inspect({h, t})
z = w = 5
IO.inspect({z, w})
IO.inspect(match?({_, _}, {1, 2}))
IO.inspect(match?([_ | _], []))
IO.inspect(match?(%{a: _}, %{a: nil}))
f = fn {:a, n} -> n; {:b, n} -> -n; _ -> 0 end
IO.inspect(Enum.map([{:a, 1}, {:b, 2}, :c], f))
case {1, 2, 3} do
  {1, _, 4} -> IO.puts("no")
  {1, m, _} when m > 1 -> IO.puts("yes #{m}")
end
[] = []
IO.inspect(%{} = %{a: 1})
