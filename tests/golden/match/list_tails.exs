# List patterns with heads, tails and fixed lengths.
[a, b, c] = [1, 2, 3]
IO.inspect({a, b, c})
[x | rest] = [:only]
IO.inspect({x, rest})
[p, q | tail] = [1, 2, 3, 4]
IO.inspect({p, q, tail})
[_ | [second | _]] = [10, 20, 30]
IO.inspect(second)
[] = []
IO.puts("empty list matched")
defmodule L do
  def describe([]), do: "empty"
  def describe([_]), do: "one"
  def describe([_, _]), do: "two"
  def describe([_, _ | _]), do: "many"
end
Enum.each([[], [1], [1, 2], [1, 2, 3]], fn l -> IO.puts(L.describe(l)) end)
