x = if a, do: b, else: c
