# Range corners
IO.inspect(1..5)
IO.inspect(5..1//-1)
IO.inspect(1..10//2)
IO.inspect(Enum.to_list(5..1))
IO.inspect(Enum.count(1..0//1))
IO.inspect(Enum.sum(1..100))
r = 3..7
IO.inspect(r.first)
IO.inspect(r.last)
IO.inspect(Range.new(1, 3))
first..last//step = 1..9//4
IO.inspect({first, last, step})
IO.inspect(Enum.map(1..3, & &1))
IO.inspect(Enum.to_list(-3..-1))
IO.inspect(Range.disjoint?(1..3, 4..5))
IO.inspect(1..3 == 1..3//1)
IO.inspect(Enum.slice([1, 2, 3, 4, 5], -2..-1))
