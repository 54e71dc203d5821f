# No matching function clause raises FunctionClauseError.
defmodule Shapes do
  def area({:square, s}), do: s * s
  def area({:circle, r}) when r > 0, do: 3 * r * r
end
IO.inspect(Shapes.area({:square, 2}))
IO.inspect(Shapes.area({:circle, -1}))
