# Calling module functions dynamically and introspection-free module use.
defmodule MathOps do
  def add(a, b), do: a + b
  def sub(a, b), do: a - b
end
IO.inspect(apply(MathOps, :add, [1, 2]))
mod = MathOps
IO.inspect(mod.sub(5, 3))
fun = :add
IO.inspect(apply(mod, fun, [10, 20]))
IO.inspect(Enum.map([:add, :sub], fn f -> apply(MathOps, f, [7, 2]) end))
IO.inspect(is_atom(MathOps))
