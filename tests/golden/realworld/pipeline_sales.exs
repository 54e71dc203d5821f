# Pipelines: map/filter/sort_by/group_by/chunk_every/zip/with_index
sales = [
  {"2023-01", "widget", 12, 2.5},
  {"2023-01", "gadget", 3, 10.0},
  {"2023-02", "widget", 7, 2.5},
  {"2023-02", "gizmo", 1, 99.99},
  {"2023-03", "gadget", 9, 10.0},
  {"2023-03", "widget", 20, 2.25}
]

revenue = Enum.map(sales, fn {m, p, q, price} -> {m, p, q * price} end)
IO.inspect(revenue)

by_month =
  revenue
  |> Enum.group_by(fn {m, _, _} -> m end, fn {_, _, r} -> r end)
  |> Enum.map(fn {m, rs} -> {m, Enum.sum(rs)} end)
  |> Enum.sort()
IO.inspect(by_month)

sales
|> Enum.filter(fn {_, _, q, _} -> q > 5 end)
|> Enum.sort_by(fn {_, _, q, _} -> q end, :desc)
|> Enum.with_index(1)
|> Enum.each(fn {{m, p, q, _}, i} -> IO.puts("#{i}. #{p} (#{m}): #{q}") end)

IO.inspect(Enum.chunk_every(1..10, 3))
IO.inspect(Enum.chunk_every(1..10, 3, 2, :discard))
IO.inspect(Enum.zip([:a, :b, :c], [1, 2, 3]))
IO.inspect(Enum.zip_with([1, 2, 3], [10, 20, 30], &+/2))
IO.inspect(Enum.unzip([{:a, 1}, {:b, 2}]))
IO.inspect(Enum.with_index(["x", "y"]))
products = sales |> Enum.map(&elem(&1, 1)) |> Enum.uniq()
IO.inspect(products)
IO.inspect(Enum.split_with(1..10, &(rem(&1, 2) == 0)))
IO.inspect(Enum.min_max(Enum.map(sales, &elem(&1, 3))))
total = revenue |> Enum.map(&elem(&1, 2)) |> Enum.sum()
IO.puts("Total: #{:erlang.float_to_binary(total, decimals: 2)}")
IO.puts("Total rounded: #{Float.round(total, 1)}")
