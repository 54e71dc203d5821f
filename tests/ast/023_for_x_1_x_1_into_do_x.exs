for x <- [1], x > 1, into: %{}, do: x
