# Variables bound inside if/case/fn do not leak out; rebinding is local.
x = 1
if true do
  x = 2
  IO.inspect(x, label: "inside if")
end
IO.inspect(x, label: "after if")
case :ok do
  :ok -> x = 3
end
IO.inspect(x, label: "after case")
f = fn -> x = 4; x end
IO.inspect(f.(), label: "fn result")
IO.inspect(x, label: "after fn")
x = x + 10
IO.inspect(x, label: "rebound")
for x <- [100], do: x
IO.inspect(x, label: "after for")
