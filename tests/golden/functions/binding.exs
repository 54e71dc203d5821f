# binding/0: the variables in scope, sorted by name, after rebinding and inside a function.
b = 2
a = 1
z = [1]
IO.inspect(binding())
a = :rebound
IO.inspect(binding())

defmodule M do
  def f(x, y) do
    sum = x + y
    binding()
  end
end

IO.inspect(M.f(1, 2))
