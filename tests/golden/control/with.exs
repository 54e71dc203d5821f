# with chains matches and falls through to else on mismatch.
parse = fn map ->
  with {:ok, name} <- Map.fetch(map, :name),
       {:ok, age} <- Map.fetch(map, :age),
       true <- age >= 18 do
    "#{name} is an adult"
  else
    :error -> "missing field"
    false -> "too young"
  end
end
IO.puts(parse.(%{name: "ann", age: 30}))
IO.puts(parse.(%{name: "bob"}))
IO.puts(parse.(%{name: "cy", age: 10}))
r = with {:ok, x} <- {:ok, 1}, y = x + 1, {:ok, z} <- {:ok, y * 10}, do: z
IO.inspect(r)
r2 = with {:ok, x} <- {:error, :nope}, do: x
IO.inspect(r2)
r3 = with [h | _] when h > 5 <- [1, 2] do
  :big
else
  other -> {:fell_through, other}
end
IO.inspect(r3)
