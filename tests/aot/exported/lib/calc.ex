# Public and private functions, to be checked with function_exported? after loading.
defmodule Calc do
  def add(a, b), do: a + b
  def scale(x, factor \\ 10), do: x * factor
  def hidden_sum(list), do: sum(list, 0)

  defp sum([], acc), do: acc
  defp sum([h | t], acc), do: sum(t, acc + h)
end
