Enum.map(list, fn x -> x * 2 end)
