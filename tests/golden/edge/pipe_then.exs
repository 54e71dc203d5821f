# Pipes into anonymous fns and then/2
IO.inspect(5 |> then(&(&1 * 2)))
IO.inspect(5 |> then(fn x -> x + 1 end) |> then(&to_string/1))
add = fn a, b -> a + b end
IO.inspect(3 |> add.(4))
IO.inspect([1, 2] |> Enum.map(fn x -> x * 10 end) |> Enum.sum())
IO.inspect("abc" |> String.upcase() |> String.reverse())
IO.inspect(10 |> tap(&IO.inspect(&1, label: "tapped")) |> Kernel.*(2))
IO.inspect(%{a: 1} |> Map.put(:b, 2) |> Map.keys())
IO.inspect(1 |> Kernel.+(2) |> Kernel.*(3))
IO.inspect([3, 1, 2] |> Enum.sort() |> hd())
