# Adding an atom to a number raises ArithmeticError.
defmodule M do
  def add(a, b), do: a + b
end
IO.puts(M.add(1, 2))
M.add(1, :two)
