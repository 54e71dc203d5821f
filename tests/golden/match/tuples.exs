# Tuple patterns must match size exactly.
{:ok, value} = {:ok, 42}
IO.inspect(value)
{a, b, c} = {1, "two", :three}
IO.inspect([a, b, c])
{} = {}
IO.puts("empty tuple ok")
res = case {1, 2, 3} do
  {_, _} -> :pair
  {_, _, _} -> :triple
end
IO.inspect(res)
{:error, {:nested, reason}} = {:error, {:nested, "deep"}}
IO.puts(reason)
