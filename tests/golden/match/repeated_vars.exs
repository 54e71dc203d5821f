# A variable used twice in one pattern must match the same value.
defmodule R do
  def same({x, x}), do: true
  def same(_), do: false
end
IO.inspect(R.same({1, 1}))
IO.inspect(R.same({1, 2}))
IO.inspect(R.same({1, 1.0}))
IO.inspect(R.same({[1], [1]}))
[a, a] = [:z, :z]
IO.inspect(a)
IO.inspect(match?({x, x}, {3, 3}))
IO.inspect(match?({x, x}, {3, 4}))
IO.inspect(match?([_ | _], []))
IO.inspect(match?(%{k: _}, %{k: 1}))
