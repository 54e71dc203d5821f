# case corners: bindings leak, nested case, guards with or
x = case {:ok, 5} do
  {:ok, n} when n > 3 or n < -3 -> n * 2
  {:ok, n} -> n
end
IO.inspect(x)
r = case [1, 2] do
  [a, b] ->
    case a + b do
      3 -> :three
      _ -> :other
    end
end
IO.inspect(r)
IO.inspect(case 1.0 do
  1 -> :int
  1.0 -> :float
end)
IO.inspect(case "s" do
  s when is_binary(s) and s != "" -> :nonempty
end)
v = 3
IO.inspect(case 3 do
  ^v -> :pinned
  _ -> :not
end)
IO.inspect(case {1, [2]} do
  {_, [_ | _] = l} -> l
end)
