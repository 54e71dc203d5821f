Enum.sum [1, 2]
