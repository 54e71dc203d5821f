# Grouping orders by customer and printing a nested report
orders = [
  %{id: 1, customer: "acme", items: [%{sku: "A", qty: 2, price: 9.99}, %{sku: "B", qty: 1, price: 24.5}]},
  %{id: 2, customer: "globex", items: [%{sku: "A", qty: 10, price: 9.5}]},
  %{id: 3, customer: "acme", items: []},
  %{id: 4, customer: "initech", items: [%{sku: "C", qty: 3, price: 0.33}, %{sku: "A", qty: 1, price: 9.99}]}
]
total = fn o -> o.items |> Enum.map(&(&1.qty * &1.price)) |> Enum.sum() end
orders
|> Enum.group_by(& &1.customer)
|> Enum.sort_by(fn {c, _} -> c end)
|> Enum.each(fn {customer, os} ->
  sum = os |> Enum.map(total) |> Enum.sum()
  IO.puts("#{customer}: #{length(os)} order(s), total #{Float.round(sum * 1.0, 2)}")
  for o <- os, item <- o.items do
    IO.puts("  ##{o.id} #{item.sku} x#{item.qty}")
  end
end)
sku_qty = for o <- orders, i <- o.items, reduce: %{} do
  acc -> Map.update(acc, i.sku, i.qty, &(&1 + i.qty))
end
IO.inspect(sku_qty)
IO.inspect(Enum.map(orders, total))
IO.inspect(orders |> Enum.reject(&(&1.items == [])) |> Enum.map(& &1.id))
IO.inspect(Enum.flat_map(orders, & &1.items) |> Enum.map(& &1.sku) |> Enum.frequencies())
