# Range values and functions.
r = 1..10
IO.inspect(r.first)
IO.inspect(r.last)
IO.inspect(r.step)
IO.inspect(Range.new(3, 1))
IO.inspect(Range.new(0, 10, 5))
IO.inspect(Enum.to_list(Range.new(0, 10, 5)))
IO.inspect(Range.size(1..10))
IO.inspect(Range.size(10..1//1))
IO.inspect(Range.disjoint?(1..5, 6..9))
IO.inspect(Range.disjoint?(1..5, 5..9))
IO.inspect(Enum.reverse(1..4))
IO.inspect(Enum.map(1..3, &(&1 * 2)))
IO.inspect(Enum.at(0..100//10, 3))
IO.inspect(Enum.sum(1..10//2))
IO.inspect(Enum.to_list(-1..-5//-2))
first..last//step = 2..20//6
IO.inspect({first, last, step})
