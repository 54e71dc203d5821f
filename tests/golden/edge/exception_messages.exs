# Exception messages for common runtime errors
tries = [
  fn -> 1 + :a end,
  fn -> hd([]) end,
  fn -> elem({1}, 5) end,
  fn -> String.to_atom(1) end,
  fn -> Map.fetch!(%{}, :k) end,
  fn -> [1, 2] |> Enum.at(0) |> Kernel./(0) end,
  fn -> raise "boom" end,
  fn -> raise ArgumentError end,
  fn -> raise ArgumentError, message: "custom" end,
  fn -> Integer.parse(nil) end,
  fn -> List.first(:x) end,
  fn -> %{a: 1}.b end,
  fn -> Keyword.fetch!([a: 1], :b) end,
  fn -> String.to_integer("x") end,
  fn -> apply(String, :nope, []) end,
  fn -> Enum.fetch!([1], 3) end
]
for f <- tries do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
