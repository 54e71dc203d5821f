if a, do: b
