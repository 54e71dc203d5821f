# Enum.reduce_while for early exit
budget = 100
items = [{"book", 30}, {"pen", 5}, {"lamp", 45}, {"chair", 80}, {"cup", 10}]
{bought, left} =
  Enum.reduce_while(items, {[], budget}, fn {name, price}, {acc, money} ->
    if price <= money, do: {:cont, {[name | acc], money - price}}, else: {:halt, {acc, money}}
  end)
IO.inspect(Enum.reverse(bought))
IO.inspect(left)

first_dup =
  Enum.reduce_while([3, 1, 4, 1, 5, 9, 2, 6, 5], MapSet.new(), fn x, seen ->
    if MapSet.member?(seen, x), do: {:halt, {:dup, x}}, else: {:cont, MapSet.put(seen, x)}
  end)
IO.inspect(first_dup)

sum_until =
  Enum.reduce_while(1..100, 0, fn x, acc ->
    if acc + x > 50, do: {:halt, acc}, else: {:cont, acc + x}
  end)
IO.inspect(sum_until)
IO.inspect(Enum.reduce_while([], :init, fn _, a -> {:cont, a} end))
IO.inspect(Enum.find([1, 3, 4, 5], &(rem(&1, 2) == 0)))
IO.inspect(Enum.find_index(["a", "b", "c"], &(&1 == "c")))
IO.inspect(Enum.find_value([1, 2, 3], fn x -> if x > 1, do: x * 100 end))
IO.inspect(Enum.take_while(1..10, &(&1 < 4)))
IO.inspect(Enum.drop_while(1..10, &(&1 < 8)))
IO.inspect(Enum.any?([1, 2, 3], &(&1 > 2)))
IO.inspect(Enum.all?([], &(&1 > 2)))
