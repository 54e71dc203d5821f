# Recursion over nested data: sum, depth, flatten, paths
defmodule Tree do
  def sum(n) when is_integer(n), do: n
  def sum(list) when is_list(list), do: Enum.reduce(list, 0, fn x, acc -> acc + sum(x) end)
  def sum(%{} = m), do: m |> Map.values() |> sum()
  def sum({a, b}), do: sum(a) + sum(b)
  def sum(_), do: 0

  def depth(list) when is_list(list), do: 1 + (list |> Enum.map(&depth/1) |> Enum.max(fn -> 0 end))
  def depth(%{} = m), do: 1 + (m |> Map.values() |> Enum.map(&depth/1) |> Enum.max(fn -> 0 end))
  def depth(_), do: 0

  def paths(m, prefix \\ [])
  def paths(%{} = m, prefix) do
    m
    |> Enum.sort()
    |> Enum.flat_map(fn {k, v} -> paths(v, prefix ++ [k]) end)
  end
  def paths(v, prefix), do: [{Enum.join(prefix, "."), v}]
end

data = %{a: 1, b: [2, 3, [4, 5]], c: %{d: 6, e: %{f: 7}}, g: {8, 9}, h: "skip"}
IO.inspect(Tree.sum(data))
IO.inspect(Tree.depth([1, [2, [3, [4]]], []]))
IO.inspect(Tree.depth(data))
config = %{db: %{host: "localhost", port: 5432, opts: %{pool: 10, ssl: false}}, app: %{name: "demo"}}
for {path, v} <- Tree.paths(config), do: IO.puts("#{path} = #{inspect(v)}")
IO.inspect(List.flatten([1, [2, [3, [4, [5]]]], [], [[6]]]))
IO.inspect(get_in(config, [:db, :opts, :pool]))
IO.inspect(put_in(config, [:db, :opts, :pool], 20))
IO.inspect(update_in(config, [:db, :port], &(&1 + 1)))
