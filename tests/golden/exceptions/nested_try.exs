# Exceptions propagate through function calls to the nearest handler.
defmodule Layers do
  def a(x), do: b(x) + 1
  def b(x), do: c(x) * 2
  def c(0), do: raise("zero at the bottom")
  def c(x), do: x
  def safe(x) do
    try do
      a(x)
    rescue
      e in RuntimeError -> "caught: " <> e.message
    after
      IO.puts("cleanup #{x}")
    end
  end
end
IO.inspect(Layers.safe(5))
IO.inspect(Layers.safe(0))
