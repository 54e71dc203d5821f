# inspect of ranges with and without steps.
IO.inspect(1..10)
IO.inspect(1..10//2)
IO.inspect(10..1//-1)
IO.inspect(-5..-1)
IO.inspect(0..0)
IO.inspect(1..10//1)
IO.inspect([1..2, 3..4])
