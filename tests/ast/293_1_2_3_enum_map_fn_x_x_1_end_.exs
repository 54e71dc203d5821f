[1, 2, 3] |> Enum.map(fn x -> x + 1 end) |> IO.inspect()
