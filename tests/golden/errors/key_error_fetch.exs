# Map.fetch! on a missing string key raises KeyError.
IO.inspect(Map.fetch!(%{"a" => 1}, "a"))
Map.fetch!(%{"a" => 1}, "b")
