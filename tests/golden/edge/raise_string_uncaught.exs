# Uncaught raise with interpolated message
defmodule Checker do
  def check!(n) when n > 10, do: raise(ArgumentError, "expected n <= 10, got: #{n}")
  def check!(n), do: n
end
IO.inspect(Checker.check!(3))
Checker.check!(42)
