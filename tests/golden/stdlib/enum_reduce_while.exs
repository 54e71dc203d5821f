# reduce_while stops with :halt and continues with :cont.
r = Enum.reduce_while(1..100, 0, fn x, acc ->
  if acc + x > 20, do: {:halt, acc}, else: {:cont, acc + x}
end)
IO.inspect(r)
r = Enum.reduce_while([1, 2, 3], [], fn x, acc -> {:cont, [x | acc]} end)
IO.inspect(r)
r = Enum.reduce_while([], :init, fn _, acc -> {:halt, acc} end)
IO.inspect(r)
find_first_neg = fn list ->
  Enum.reduce_while(list, nil, fn x, _ -> if x < 0, do: {:halt, x}, else: {:cont, nil} end)
end
IO.inspect(find_first_neg.([3, 4, -2, -7]))
IO.inspect(find_first_neg.([1]))
