# Guards in function heads, case clauses and anonymous functions.
defmodule G do
  def kind(x) when is_integer(x) and x < 0, do: :negative_int
  def kind(x) when is_integer(x), do: :int
  def kind(x) when is_float(x), do: :float
  def kind(x) when is_binary(x), do: :string
  def kind(x) when is_atom(x), do: :atom
  def kind(x) when is_list(x) and length(x) > 2, do: :long_list
  def kind(x) when is_list(x), do: :list
  def kind(x) when is_tuple(x) and tuple_size(x) == 2, do: :pair
  def kind(x) when is_map(x) and map_size(x) == 0, do: :empty_map
  def kind(_), do: :other

  def sign(n) when n > 0 when n == 0, do: :non_negative
  def sign(_), do: :negative

  def in_range(x) when x in 1..5, do: true
  def in_range(_), do: false
end
for v <- [-1, 1, 1.5, "s", :a, [1, 2, 3], [1], {1, 2}, %{}, {1, 2, 3}] do
  IO.inspect({v, G.kind(v)})
end
IO.inspect(Enum.map([-1, 0, 1], &G.sign/1))
IO.inspect(Enum.map([0, 3, 6], &G.in_range/1))
r = case 10 do
  x when rem(x, 2) == 0 and x > 5 -> :big_even
  _ -> :other
end
IO.inspect(r)
# a guard that raises simply fails the clause
g = fn
  x when hd(x) == 1 -> :starts_with_one
  _ -> :no
end
IO.inspect({g.([1, 2]), g.(:not_a_list), g.([])})
