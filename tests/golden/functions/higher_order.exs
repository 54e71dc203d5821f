# Functions passed as arguments and returned as results.
defmodule HO do
  def apply_twice(f, x), do: f.(f.(x))
  def map([], _f), do: []
  def map([h | t], f), do: [f.(h) | map(t, f)]
  def reduce([], acc, _f), do: acc
  def reduce([h | t], acc, f), do: reduce(t, f.(h, acc), f)
  def curry(f), do: fn a -> fn b -> f.(a, b) end end
end
IO.inspect(HO.apply_twice(fn x -> x * 3 end, 2))
IO.inspect(HO.map([1, 2, 3], &(&1 * 10)))
IO.inspect(HO.reduce([1, 2, 3, 4], 0, fn x, acc -> x + acc end))
IO.inspect(HO.curry(fn a, b -> a - b end).(10).(3))
fs = [&(&1 + 1), &(&1 * 2), &(&1 - 3)]
IO.inspect(Enum.reduce(fs, 5, fn f, acc -> f.(acc) end))
IO.inspect(then(4, &(&1 * &1)))
IO.inspect(apply(HO, :apply_twice, [&(&1 + 5), 0]))
IO.inspect(apply(fn a, b -> a * b end, [6, 7]))
