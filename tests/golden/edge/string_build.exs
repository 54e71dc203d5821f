# Building strings: iodata, Enum.join, interpolation, <> in reduce
parts = ["a", "b", "c"]
IO.puts(Enum.join(parts, ", "))
IO.puts(Enum.reduce(parts, "", fn p, acc -> acc <> p <> ";" end))
IO.puts(IO.iodata_to_binary(Enum.intersperse(parts, "|")))
IO.puts(Enum.map_join(1..5, ",", &Integer.to_string/1))
IO.puts(String.duplicate("=", 20))
IO.puts("Name:\t#{"Bob"}\nAge:\t#{30}")
IO.puts(["list", " of ", "iodata"])
IO.puts([?a, ?b, "cd", ["ef", [?g]]])
IO.puts(Enum.join([1, [2, 3]], "-"))
IO.puts(to_string([1, 2, 3] |> Enum.map(&(&1 + ?0))))
