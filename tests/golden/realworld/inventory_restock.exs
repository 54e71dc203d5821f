# Inventory restocking report using Enum and Map functions
defmodule Inventory do
  @threshold 10
  def load do
    """
    sku001;Blue Pen;4;0.99
    sku002;Notebook;25;3.50
    sku003;Stapler;0;12.00
    sku004;Paper Clips;150;0.05
    sku005;Marker;9;1.75
    """
    |> String.split("\n", trim: true)
    |> Enum.map(fn line ->
      [sku, name, qty, price] = String.split(line, ";")
      {qty, ""} = Integer.parse(qty)
      {price, ""} = Float.parse(price)
      %{sku: sku, name: name, qty: qty, price: price}
    end)
  end

  def restock(items) do
    items
    |> Enum.filter(&(&1.qty < @threshold))
    |> Enum.map(fn i -> Map.put(i, :order, @threshold * 2 - i.qty) end)
  end

  def value(items), do: items |> Enum.map(&(&1.qty * &1.price)) |> Enum.sum()
end

items = Inventory.load()
IO.inspect(length(items))
for i <- Inventory.restock(items) do
  IO.puts("#{i.sku} #{String.pad_trailing(i.name, 12)} have #{String.pad_leading("#{i.qty}", 3)} order #{i.order}")
end
IO.puts("Stock value: #{Float.round(Inventory.value(items), 2)}")
IO.inspect(Enum.map(items, & &1.price))
IO.inspect(Enum.find(items, &(&1.qty == 0)))
IO.inspect(Float.parse("3.14abc"))
IO.inspect(Float.parse("abc"))
IO.inspect(Integer.parse("  42"))
IO.inspect(Integer.parse("-17 rest"))
IO.inspect(String.to_float("2.5e3"))
