# elem/2 with an index past the end raises ArgumentError.
t = {1, 2}
IO.inspect(elem(t, 1))
IO.inspect(elem(t, 2))
