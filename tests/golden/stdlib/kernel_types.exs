# The is_* type predicates on a value of each type.
values = [1, 1.5, :a, nil, true, "s", 'c', [], [1], {}, {1, 2}, %{}, %{a: 1}, fn -> 1 end, 1..2]
preds = [
  {"integer", &is_integer/1},
  {"float", &is_float/1},
  {"number", &is_number/1},
  {"atom", &is_atom/1},
  {"boolean", &is_boolean/1},
  {"nil", &is_nil/1},
  {"binary", &is_binary/1},
  {"bitstring", &is_bitstring/1},
  {"list", &is_list/1},
  {"tuple", &is_tuple/1},
  {"map", &is_map/1},
  {"function", &is_function/1}
]
for {name, p} <- preds do
  row = Enum.map(values, fn v -> if p.(v), do: "T", else: "." end)
  IO.puts(String.pad_trailing(name, 10) <> Enum.join(row))
end
IO.inspect(is_map_key(%{a: 1}, :a))
IO.inspect(is_function(&is_map/1, 1))
