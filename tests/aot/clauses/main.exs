# Multi-clause functions with guards, defaults and attributes, compiled ahead of time.
IO.inspect(Shipping.carriers())
IO.inspect(Shipping.zones())
IO.inspect(Shipping.cost(3))
IO.inspect(Shipping.cost(3, :europe))
IO.inspect(Shipping.cost(2.5, :world, true))
IO.inspect(Shipping.cost(0))
IO.inspect(Shipping.cost("heavy"))
IO.inspect(Shipping.cost(1, :mars))
IO.inspect(Enum.map([0.5, 2, 29.9, 30, 1000], &Shipping.carrier/1))
IO.puts(Shipping.label(%{id: 7, to: "Lyon"}))
IO.puts(Shipping.label(%{id: 42, to: "Oslo"}, prefix: "X"))
IO.puts(Shipping.label(%{id: 123, to: "Rome"}, sep: "/", prefix: "EU"))
IO.inspect(Shipping.total(150, 9))
IO.inspect(Shipping.total(50, 9))
IO.inspect(Enum.map([4, 7, 1.5, [], [1], {1, 2}, %{a: 1}, true, :atom, "s"], &Shipping.classify/1))
IO.inspect(Shipping.__info__(:functions))

try do
  Shipping.label(:not_an_order)
rescue
  e in FunctionClauseError -> IO.puts("FunctionClauseError: " <> Exception.message(e))
end
