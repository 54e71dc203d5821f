# Float arithmetic that overflows raises ArithmeticError (there is no infinity).
defmodule M do
  def mul(a, b), do: a * b
end
IO.inspect(M.mul(1.0e308, 1))
IO.inspect(M.mul(1.0e308, 10))
