# Integer division by zero raises ArithmeticError and exits with status 1.
IO.puts("before")
defmodule M do
  def f(x), do: div(10, x)
end
IO.puts(M.f(0))
IO.puts("never printed")
