# Tail-recursive Fibonacci well past 64 bits.
defmodule Fib do
  def fib(n), do: fib(n, 0, 1)
  defp fib(0, a, _), do: a
  defp fib(n, a, b), do: fib(n - 1, b, a + b)
end
for n <- [10, 50, 90, 92, 93, 100, 200, 300] do
  IO.puts("fib(#{n}) = #{Fib.fib(n)}")
end
