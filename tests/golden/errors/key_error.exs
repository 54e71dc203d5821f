# Map.fetch! and map.key on a missing key raise KeyError.
m = %{name: "ann"}
IO.puts(m.name)
IO.puts(m.age)
