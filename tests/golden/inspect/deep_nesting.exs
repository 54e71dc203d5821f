# inspect of deeply nested structures and improper lists.
deep = Enum.reduce(1..20, :leaf, fn i, acc -> [i, acc] end)
IO.inspect(deep)
tup = Enum.reduce(1..10, {}, fn i, acc -> {i, acc} end)
IO.inspect(tup)
IO.inspect([1 | [2 | [3 | :tail]]])
IO.inspect([[] | []])
IO.inspect([{}, [], %{}, ""])
IO.inspect(%{list: [1 | 2]})
