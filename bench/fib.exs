# Naive doubly-recursive Fibonacci: measures function-call overhead and small-integer arithmetic.
# fib(37) = 24157817; it makes 2*fib(38) - 1 = 78176337 calls to Fib.fib/1.
defmodule Fib do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)
end

IO.puts("#{Fib.fib(37)}")
