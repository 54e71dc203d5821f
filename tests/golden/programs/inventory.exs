# An inventory report: grouping, totals, formatting of a table with padding.
items = [
  %{sku: "A-1", name: "widget", category: :tools, qty: 10, price: 2.5},
  %{sku: "B-7", name: "gadget", category: :toys, qty: 3, price: 19.99},
  %{sku: "A-2", name: "hammer", category: :tools, qty: 1, price: 12.0},
  %{sku: "C-3", name: "novel", category: :books, qty: 7, price: 8.75},
  %{sku: "B-2", name: "yo-yo", category: :toys, qty: 25, price: 1.25}
]
by_cat = Enum.group_by(items, & &1.category)
for {cat, list} <- Enum.sort(by_cat) do
  total = list |> Enum.map(&(&1.qty * &1.price)) |> Enum.sum() |> Float.round(2)
  IO.puts("#{cat} (#{length(list)} items) total #{total}")
  for i <- Enum.sort_by(list, & &1.sku) do
    IO.puts("  " <> String.pad_trailing(i.sku, 5) <> String.pad_trailing(i.name, 8) <>
      String.pad_leading(Integer.to_string(i.qty), 4) <> String.pad_leading(Float.to_string(i.price), 7))
  end
end
low = items |> Enum.filter(&(&1.qty < 5)) |> Enum.map(& &1.name)
IO.inspect(low, label: "low stock")
{cheap, pricey} = Enum.split_with(items, &(&1.price < 10))
IO.inspect({length(cheap), length(pricey)})
IO.inspect(Enum.max_by(items, &(&1.qty * &1.price)).name)
