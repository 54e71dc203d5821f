# ++ with a non-list left operand raises ArgumentError.
defmodule M do
  def cat(a, b), do: a ++ b
end
IO.inspect(M.cat([1], [2]))
IO.inspect(M.cat(1, [2]))
