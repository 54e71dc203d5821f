# Captures &Mod.fun/1, &(&1 ...), and higher-order helpers
defmodule MathUtil do
  def square(x), do: x * x
  def add(a, b), do: a + b
  def compose(f, g), do: fn x -> g.(f.(x)) end
  def apply_n(f, n, x), do: Enum.reduce(1..n, x, fn _, acc -> f.(acc) end)
end

sq = &MathUtil.square/1
IO.inspect(Enum.map(1..5, sq))
IO.inspect(Enum.reduce(1..5, 0, &MathUtil.add/2))
inc = &(&1 + 1)
double = &(&1 * 2)
IO.inspect(MathUtil.compose(inc, double).(5))
IO.inspect(MathUtil.compose(double, inc).(5))
IO.inspect(MathUtil.apply_n(double, 10, 1))
IO.inspect(Enum.map(["a", "b"], &String.upcase/1))
IO.inspect(Enum.map([1, 2, 3], &{&1, &1 * &1}))
IO.inspect(Enum.map([1, 2, 3], &[&1]))
IO.inspect(Enum.sort([3, 1, 2], &>=/2))
f = &Kernel.+/2
IO.inspect(f.(2, 3))
IO.inspect(apply(MathUtil, :add, [10, 20]))
IO.inspect(apply(sq, [9]))
IO.inspect(is_function(sq, 1))
IO.inspect(Function.identity(:same))
g = fn a, b -> a - b end
IO.inspect(Enum.zip_with([10, 20], [1, 2], g))
IO.inspect(Enum.map([{1, 2}, {3, 4}], fn {a, b} -> a * b end))
fact = fn
  0, _self -> 1
  n, self -> n * self.(n - 1, self)
end
IO.inspect(fact.(20, fact))
IO.inspect(Enum.map(["1", "22", "333"], &String.length/1) |> Enum.sum())
