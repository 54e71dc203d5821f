# zip and related corners
IO.inspect(Enum.zip([1, 2, 3], [:a, :b]))
IO.inspect(Enum.zip([[1, 2], [3, 4], [5, 6]]))
IO.inspect(Enum.zip([]))
IO.inspect(Enum.with_index([:a, :b], fn x, i -> {i, x} end))
IO.inspect(Enum.with_index(%{a: 1}))
IO.inspect(Enum.unzip([]))
IO.inspect(Enum.zip(1..3, ?a..?c))
