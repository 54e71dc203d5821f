# if/unless return values and scoping
IO.inspect(if false, do: 1)
IO.inspect(unless false, do: 2)
IO.inspect(if nil, do: 1, else: 3)
IO.inspect(if 0, do: :zero_truthy)
x = 1
if true do
  x = 2
  IO.inspect(x)
end
IO.inspect(x)
y = if x > 0, do: "pos", else: "neg"
IO.inspect(y)
IO.inspect(unless true, do: 1, else: 4)
