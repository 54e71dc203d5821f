# Building and transforming a 1,000,000 element list.
list = Enum.map(1..1_000_000, &(&1 * 2))
IO.puts(length(list))
IO.puts(Enum.sum(list))
IO.puts(List.last(list))
IO.inspect(Enum.take(Enum.reverse(list), 3))
IO.puts(Enum.count(list, &(rem(&1, 3) == 0)))
sorted = Enum.sort(Enum.map(1..200_000, &rem(&1 * 7919, 200_003)))
IO.inspect(Enum.take(sorted, 5))
