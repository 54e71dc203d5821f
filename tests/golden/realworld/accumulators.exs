# Recursion with accumulators
defmodule Acc do
  def sum(list), do: sum(list, 0)
  defp sum([], acc), do: acc
  defp sum([h | t], acc), do: sum(t, acc + h)

  def reverse(list), do: reverse(list, [])
  defp reverse([], acc), do: acc
  defp reverse([h | t], acc), do: reverse(t, [h | acc])

  def fib(n), do: fib(n, 0, 1)
  defp fib(0, a, _), do: a
  defp fib(n, a, b), do: fib(n - 1, b, a + b)

  def range_list(a, b) when a > b, do: []
  def range_list(a, b), do: [a | range_list(a + 1, b)]

  def partition(list, pred), do: partition(list, pred, [], [])
  defp partition([], _, yes, no), do: {Enum.reverse(yes), Enum.reverse(no)}
  defp partition([h | t], pred, yes, no) do
    if pred.(h), do: partition(t, pred, [h | yes], no), else: partition(t, pred, yes, [h | no])
  end

  def digits(0), do: [0]
  def digits(n), do: digits(n, [])
  defp digits(0, acc), do: acc
  defp digits(n, acc), do: digits(div(n, 10), [rem(n, 10) | acc])

  def collatz(1, steps), do: steps
  def collatz(n, steps) when rem(n, 2) == 0, do: collatz(div(n, 2), steps + 1)
  def collatz(n, steps), do: collatz(3 * n + 1, steps + 1)
end

IO.inspect(Acc.sum(Enum.to_list(1..100)))
IO.inspect(Acc.reverse([1, 2, 3, 4]))
IO.inspect(Enum.map(0..15, &Acc.fib/1))
IO.inspect(Acc.fib(100))
IO.inspect(Acc.range_list(3, 9))
IO.inspect(Acc.partition(1..10 |> Enum.to_list(), &(rem(&1, 3) == 0)))
IO.inspect(Acc.digits(9_876_543_210))
IO.inspect(Acc.collatz(27, 0))
IO.inspect(Enum.max_by(1..30, &Acc.collatz(&1, 0)))
