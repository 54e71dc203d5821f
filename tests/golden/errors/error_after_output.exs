# Output printed before an error is kept; the error comes from a nested call.
defmodule Deep do
  def a(n), do: b(n) + 1
  def b(n), do: c(n) * 2
  def c(n) do
    IO.puts("c(#{n})")
    {:ok, v} = Map.fetch(%{1 => 10}, n)
    v
  end
end
IO.inspect(Deep.a(1))
IO.inspect(Deep.a(2))
