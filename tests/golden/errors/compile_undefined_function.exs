# Calling an undefined local function is a compile error.
defmodule M do
  def f(x), do: helper(x)
end
IO.puts(M.f(1))
