# A tail-recursive loop of 10,000,000 iterations runs in constant stack.
defmodule Loop do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + rem(n, 7))
end
IO.puts(Loop.count(10_000_000, 0))
