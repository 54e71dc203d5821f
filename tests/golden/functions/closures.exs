# Anonymous functions capture variables by value at creation time.
x = 10
add_x = fn y -> x + y end
x = 20
IO.inspect(add_x.(1))
IO.inspect(x)
make_counter = fn start -> fn step -> start + step end end
c = make_counter.(100)
IO.inspect(c.(5))
adders = for n <- 1..3, do: fn v -> v + n end
IO.inspect(Enum.map(adders, fn f -> f.(10) end))
compose = fn f, g -> fn v -> g.(f.(v)) end end
inc_then_double = compose.(fn v -> v + 1 end, fn v -> v * 2 end)
IO.inspect(inc_then_double.(3))
defmodule Cl do
  def multiplier(n), do: fn x -> x * n end
end
triple = Cl.multiplier(3)
IO.inspect(Enum.map([1, 2, 3], triple))
IO.inspect(is_function(triple))
IO.inspect(is_function(triple, 1))
IO.inspect(is_function(triple, 2))
