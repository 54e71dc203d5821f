# raise ArgumentError with a message.
defmodule V do
  def positive!(n) when n > 0, do: n
  def positive!(n), do: raise(ArgumentError, "expected a positive number, got: #{n}")
end
IO.inspect(V.positive!(5))
V.positive!(-5)
