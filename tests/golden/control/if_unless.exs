# if/unless with and without else; only nil and false are falsy.
IO.inspect(if true, do: :yes, else: :no)
IO.inspect(if false, do: :yes, else: :no)
IO.inspect(if nil, do: :yes)
IO.inspect(if 0, do: :zero_is_truthy)
IO.inspect(if [], do: :empty_list_truthy)
IO.inspect(unless false, do: :ran)
IO.inspect(unless true, do: :ran)
IO.inspect(unless 1 > 2, do: "a", else: "b")
x = 5
msg = if x > 3 do
  "big"
else
  "small"
end
IO.puts(msg)
if x == 5 do
  IO.puts("side effect")
end
