&Enum.map(&1, fn x -> x end)
