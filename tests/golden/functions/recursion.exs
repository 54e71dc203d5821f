# Body recursion and tail recursion with accumulators.
defmodule Rec do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)

  def sum_tail(list), do: sum_tail(list, 0)
  defp sum_tail([], acc), do: acc
  defp sum_tail([h | t], acc), do: sum_tail(t, acc + h)

  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)

  def reverse(list), do: reverse(list, [])
  defp reverse([], acc), do: acc
  defp reverse([h | t], acc), do: reverse(t, [h | acc])

  def count_down(0), do: IO.puts("liftoff")
  def count_down(n) do
    IO.puts(n)
    count_down(n - 1)
  end

  def ackermann(0, n), do: n + 1
  def ackermann(m, 0), do: ackermann(m - 1, 1)
  def ackermann(m, n), do: ackermann(m - 1, ackermann(m, n - 1))
end
IO.inspect(Rec.sum([1, 2, 3, 4]))
IO.inspect(Rec.sum_tail(Enum.to_list(1..1000)))
IO.inspect(Rec.fact(10))
IO.inspect(Rec.reverse([1, 2, 3]))
Rec.count_down(3)
IO.inspect(Rec.ackermann(2, 3))
