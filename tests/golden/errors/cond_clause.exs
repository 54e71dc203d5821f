# A cond with no true clause raises CondClauseError.
defmodule M do
  def sign(n) do
    cond do
      n > 0 -> :pos
      n < 0 -> :neg
    end
  end
end
IO.inspect(M.sign(1))
IO.inspect(M.sign(0))
