# cond picks the first truthy clause.
classify = fn n ->
  cond do
    n < 0 -> :negative
    n == 0 -> :zero
    n < 10 -> :small
    rem(n, 2) == 0 -> :big_even
    true -> :big_odd
  end
end
IO.inspect(Enum.map([-5, 0, 3, 12, 13], classify))
IO.inspect(cond do
  nil -> 1
  "truthy" -> 2
end)
