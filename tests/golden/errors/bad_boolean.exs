# The strict `and` operator requires a boolean left operand.
defmodule M do
  def both(a, b), do: a and b
end
IO.inspect(M.both(true, false))
IO.inspect(M.both(1, true))
