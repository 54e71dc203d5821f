# Mutually recursive functions and recursion over nested structures.
defmodule Parity do
  def even?(0), do: true
  def even?(n), do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n), do: even?(n - 1)
end
defmodule Tree do
  def depth(list) when is_list(list), do: 1 + Enum.max([0 | Enum.map(list, &depth/1)])
  def depth(_), do: 0
  def flatten(list) when is_list(list), do: Enum.flat_map(list, &flatten/1)
  def flatten(x), do: [x]
end
IO.inspect({Parity.even?(10), Parity.odd?(7), Parity.even?(3)})
IO.inspect(Parity.even?(100_001))
IO.inspect(Tree.depth([1, [2, [3, [4]]], []]))
IO.inspect(Tree.flatten([1, [2, [3, [4]]], [], 5]))
