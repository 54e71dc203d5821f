# An anonymous function with no matching clause raises FunctionClauseError.
defmodule M do
  def f, do: fn 1 -> :one end
end
IO.inspect(M.f().(1))
M.f().(2)
