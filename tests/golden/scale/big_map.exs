# A map with 100,000 keys: build, lookup, fold (only sizes and sums are printed).
m = Map.new(1..100_000, fn i -> {i, i * i} end)
IO.puts(map_size(m))
IO.puts(m[77_777])
IO.puts(Enum.reduce(m, 0, fn {_, v}, acc -> acc + v end))
m2 = Enum.reduce(1..50_000, m, fn i, acc -> Map.delete(acc, i * 2) end)
IO.puts(map_size(m2))
IO.inspect(Map.get(m2, 4))
