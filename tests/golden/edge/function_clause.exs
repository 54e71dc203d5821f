# FunctionClauseError from a module function
defmodule F do
  def only_pos(n) when n > 0, do: n
end
IO.inspect(F.only_pos(1))
F.only_pos(-1)
