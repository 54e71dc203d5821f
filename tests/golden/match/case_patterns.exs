# case tries patterns in order and binds variables in the chosen clause.
describe = fn value ->
  case value do
    0 -> "zero"
    n when is_integer(n) and n > 100 -> "big #{n}"
    n when is_integer(n) -> "int #{n}"
    [] -> "empty list"
    [x] -> "singleton #{inspect(x)}"
    [x, y | _] -> "starts #{inspect(x)}, #{inspect(y)}"
    {:ok, %{id: id}} -> "ok id #{id}"
    "prefix:" <> rest -> "prefixed #{rest}"
    _ -> "other"
  end
end
for v <- [0, 500, 7, [], [:a], [1, 2, 3], {:ok, %{id: 9}}, "prefix:abc", 1.5] do
  IO.puts(describe.(v))
end
