# with corners
IO.inspect(with {:ok, a} <- {:ok, 1}, {:ok, b} <- {:ok, a + 1}, do: a + b)
IO.inspect(with {:ok, a} <- :fail, do: a, else: (other -> {:got, other}))
IO.inspect(with [h | _] <- [], do: h)
IO.inspect(with x = 5, y <- x * 2, do: y)
r = with {:ok, v} when v > 0 <- {:ok, -1} do
  v
else
  {:ok, n} -> {:non_positive, n}
end
IO.inspect(r)
IO.inspect(with :a <- :a, :b <- :b, do: :both)
try do
  with {:ok, v} <- {:error, 1} do
    v
  else
    {:error, 2} -> :two
  end
rescue
  e -> IO.puts(Exception.message(e))
end
