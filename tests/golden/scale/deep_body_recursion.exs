# A body-recursive (non-tail) sum over a 1,000,000-element list.
defmodule Deep do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)
  def build(0), do: []
  def build(n), do: [n | build(n - 1)]
end
list = Enum.to_list(1..1_000_000)
IO.puts(Deep.sum(list))
IO.puts(length(Deep.build(1_000_000)))
