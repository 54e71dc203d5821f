# inspect of tuples of every shape.
IO.inspect({})
IO.inspect({1})
IO.inspect({:ok, 1})
IO.inspect({:error, "reason", [1, 2]})
IO.inspect({{1, 2}, {3, {4, 5}}})
IO.inspect({nil, true, false})
IO.inspect({[a: 1], %{b: 2}})
