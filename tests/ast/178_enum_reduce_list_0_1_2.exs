Enum.reduce(list, 0, &(&1 + &2))
