# The capture operator: &Mod.fun/arity, &local/arity and &(...) shorthand.
defmodule Cap do
  def double(x), do: x * 2
  def run do
    IO.inspect(Enum.map([1, 2, 3], &double/1))
    f = &double/1
    IO.inspect(f.(21))
  end
end
Cap.run()
IO.inspect(Enum.map([1, 2, 3], &Cap.double/1))
IO.inspect(Enum.map([1, 2, 3], &(&1 + 1)))
add = &(&1 + &2)
IO.inspect(add.(3, 4))
IO.inspect(Enum.map(["a", "b"], &String.upcase/1))
pair = &{&1, &2}
IO.inspect(pair.(:x, :y))
wrap = &[&1]
IO.inspect(wrap.(1))
IO.inspect(Enum.reduce([1, 2, 3], 0, &+/2))
IO.inspect(Enum.filter([1, :a, "b"], &is_atom/1))
IO.inspect((&Kernel.max/2).(3, 9))
IO.inspect(Enum.map([1, 2], &(&1 * &1 + 1)))
IO.inspect(Enum.map([{1, 2}, {3, 4}], &elem(&1, 1)))
IO.inspect(Enum.sort([3, 1, 2], &(&1 >= &2)))
