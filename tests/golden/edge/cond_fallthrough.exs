# cond fallthrough and errors
f = fn x ->
  cond do
    x > 10 -> "big"
    x > 5 -> "medium"
    true -> "small"
  end
end
IO.inspect(Enum.map([20, 7, 1], f))
IO.inspect(cond do
  nil -> 1
  false -> 2
  0 -> :zero_is_truthy
end)
IO.inspect(cond do
  [] -> :empty_list_truthy
end)
IO.puts("now failing")
cond do
  1 > 2 -> :never
end
