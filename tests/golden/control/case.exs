# case with guards, nested case, and binding in clauses.
check = fn x ->
  case x do
    {:ok, n} when n > 0 -> "positive ok"
    {:ok, _} -> "non-positive ok"
    {:error, reason} -> "error: " <> reason
    _ -> "unknown"
  end
end
IO.puts(check.({:ok, 5}))
IO.puts(check.({:ok, -1}))
IO.puts(check.({:error, "boom"}))
IO.puts(check.(nil))
v = case [1, 2] do
  [a, b] ->
    case a + b do
      3 -> :three
      _ -> :other
    end
end
IO.inspect(v)
IO.inspect(case 1.0 do
  1 -> :int
  1.0 -> :float
end)
