# Comparing and sorting terms nested a million deep (tuples, lists, maps) needs no C stack.
defmodule Deep do
  def tup(0, acc), do: acc
  def tup(n, acc), do: tup(n - 1, {acc})
  def lst(0, acc), do: acc
  def lst(n, acc), do: lst(n - 1, [acc])
  def map(0, acc), do: acc
  def map(n, acc), do: map(n - 1, %{a: acc})
end
for n <- [10, 1_000_000] do
  a = Deep.tup(n, 1); b = Deep.tup(n, 1.0); c = Deep.tup(n, 2)
  IO.inspect({a == b, a === b, a < c, a == c})
  l1 = Deep.lst(n, :x); l2 = Deep.lst(n, :y)
  IO.inspect({l1 == l1, l1 < l2, Enum.sort([l2, l1]) == [l1, l2]})
  m1 = Deep.map(n, 1); m2 = Deep.map(n, 1.0)
  IO.inspect({m1 == m2, m1 === m2, m1 < Deep.map(n, 0)})
end
