# A do block missing its end raises TokenMissingError.
defmodule M do
  def f(x) do
    x + 1

IO.puts(M.f(1))
