a = [do: 1]
