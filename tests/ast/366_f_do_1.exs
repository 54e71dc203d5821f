f(do: 1)
