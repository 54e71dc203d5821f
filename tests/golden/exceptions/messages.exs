# Exception.message for the built-in runtime errors.
cases = [
  fn -> 1 / 0 end,
  fn -> {:a} = {:b} end,
  fn -> Map.fetch!(%{a: 1}, :b) end,
  fn -> String.to_integer("12x") end,
  fn -> hd([]) end,
  fn -> elem({1}, 5) end,
  fn -> Integer.parse(nil) end,
  fn -> raise "custom text" end,
  fn -> raise ArgumentError, message: "kw message" end,
  fn -> Keyword.fetch!([a: 1], :z) end,
  fn -> List.first(:not_a_list) end,
  fn -> String.upcase(:atom) end
]
for f <- cases do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
