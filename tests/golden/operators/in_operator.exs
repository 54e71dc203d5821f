# The in and not in operators on lists and ranges.
IO.inspect(2 in [1, 2, 3])
IO.inspect(5 in [1, 2, 3])
IO.inspect(5 in 1..10)
IO.inspect(11 in 1..10)
IO.inspect(4 in 1..10//2)
IO.inspect(5 in 1..10//2)
IO.inspect(3 not in [1, 2])
IO.inspect(:a in [:a, :b])
IO.inspect(1.0 in [1])
IO.inspect(2.5 in 1..3)
IO.inspect("b" in ["a", "b"])
x = 7
IO.inspect(if x in 5..9, do: "in range", else: "out of range")
