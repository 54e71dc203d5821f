# No matching case clause raises CaseClauseError.
defmodule M do
  def check(x) do
    case x do
      1 -> :one
      2 -> :two
    end
  end
end
IO.inspect(M.check(1))
IO.inspect(M.check(3))
