# Every construct is an expression and returns a value.
a = (IO.puts("first"); 1 + 1)
IO.inspect(a)
b = if true, do: (x = 3; x * x)
IO.inspect(b)
c = case :k do
  :k ->
    IO.puts("in case")
    :done
end
IO.inspect(c)
d = for x <- [1], do: (y = x + 1; y * 2)
IO.inspect(d)
e = cond do
  false -> :no
  true -> nil
end
IO.inspect(e)
