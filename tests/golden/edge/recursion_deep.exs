# Deep recursion and tail calls
defmodule R do
  def count(0), do: 0
  def count(n), do: 1 + count(n - 1)
  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, acc + n)
  def ackermann(0, n), do: n + 1
  def ackermann(m, 0), do: ackermann(m - 1, 1)
  def ackermann(m, n), do: ackermann(m - 1, ackermann(m, n - 1))
  def hanoi(0, _, _, _), do: []
  def hanoi(n, from, to, via), do: hanoi(n - 1, from, via, to) ++ [{from, to}] ++ hanoi(n - 1, via, to, from)
end
IO.inspect(R.count(100_000))
IO.inspect(R.loop(1_000_000, 0))
IO.inspect(R.ackermann(2, 3))
IO.inspect(R.hanoi(3, :a, :c, :b))
IO.inspect(length(R.hanoi(10, :a, :c, :b)))
