# Factorials grow into bignums transparently.
defmodule F do
  def fact(0), do: 1
  def fact(n), do: n * fact(n - 1)
end
IO.puts(F.fact(20))
IO.puts(F.fact(21))
IO.puts(F.fact(50))
IO.inspect(F.fact(100))
IO.puts(String.length(Integer.to_string(F.fact(200))))
IO.inspect(div(F.fact(50), F.fact(48)))
