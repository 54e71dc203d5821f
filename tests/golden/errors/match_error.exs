# A failed = match raises MatchError showing the right-hand value.
defmodule M do
  def get, do: {:error, "disk full"}
end
IO.puts("start")
{:ok, value} = M.get()
IO.puts(value)
