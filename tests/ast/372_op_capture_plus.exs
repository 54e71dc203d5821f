Enum.reduce([1, 2, 3], 0, &+/2)
