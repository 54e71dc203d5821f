# Nested fn captures and closures
f = fn x -> fn y -> x + y end end
IO.inspect(f.(1).(2))
adders = Enum.map(1..3, fn i -> &(&1 + i) end)
IO.inspect(Enum.map(adders, & &1.(10)))
compose = fn g, h -> &g.(h.(&1)) end
IO.inspect(compose.(&(&1 * 2), &(&1 + 3)).(4))
x = 10
g = fn -> x end
x = 20
IO.inspect({g.(), x})
IO.inspect(Enum.map([[1, 2], [3]], &Enum.map(&1, fn y -> y * y end)))
h = &{&1, &2}
IO.inspect(h.(:a, :b))
k = &"#{&1}-#{&2}"
IO.inspect(k.(1, 2))
IO.inspect((fn -> :immediate end).())
counter = fn n -> Enum.reduce(1..n, [], fn i, acc -> [fn -> i end | acc] end) end
IO.inspect(counter.(3) |> Enum.map(& &1.()))
