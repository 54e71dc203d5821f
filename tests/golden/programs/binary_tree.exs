# A binary search tree built from tuples: insert, member, traversals, height.
defmodule BST do
  def new, do: nil
  def insert(nil, v), do: {nil, v, nil}
  def insert({l, x, r}, v) when v < x, do: {insert(l, v), x, r}
  def insert({l, x, r}, v) when v > x, do: {l, x, insert(r, v)}
  def insert(t, _), do: t

  def member?(nil, _), do: false
  def member?({_, x, _}, x), do: true
  def member?({l, x, _}, v) when v < x, do: member?(l, v)
  def member?({_, _, r}, v), do: member?(r, v)

  def in_order(nil), do: []
  def in_order({l, x, r}), do: in_order(l) ++ [x] ++ in_order(r)
  def pre_order(nil), do: []
  def pre_order({l, x, r}), do: [x | pre_order(l) ++ pre_order(r)]

  def height(nil), do: 0
  def height({l, _, r}), do: 1 + max(height(l), height(r))

  def min({nil, x, _}), do: x
  def min({l, _, _}), do: min(l)
end
t = Enum.reduce([50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30], BST.new(), &BST.insert(&2, &1))
IO.inspect(t)
IO.inspect(BST.in_order(t))
IO.inspect(BST.pre_order(t))
IO.inspect(BST.height(t))
IO.inspect(BST.min(t))
IO.inspect(Enum.map([45, 46, 80, 10], &BST.member?(t, &1)))
big = Enum.reduce(1..1000, nil, fn i, acc -> BST.insert(acc, rem(i * 7919, 1009)) end)
IO.inspect({length(BST.in_order(big)), BST.height(big)})
