# MapSet for Ember, represented like Elixir 1.14's: %MapSet{map: %{element => []}, version: 2}
# (a plain map with those keys and __struct__: MapSet), so inspect (vm/inspect.c) prints
# MapSet.new([...]) and Enum walks it through Enum.to_list/1 (the map's keys, in term order).
defmodule MapSet do
  def new, do: wrap(%{})

  def new(%{__struct__: MapSet} = set), do: set
  def new(enumerable), do: wrap(:maps.from_list(pairs(Enum.to_list(enumerable), [])))

  def new(enumerable, transform) when is_function(transform, 1) do
    wrap(:maps.from_list(pairs(Enum.map(enumerable, transform), [])))
  end

  defp wrap(map), do: %{__struct__: MapSet, map: map, version: 2}

  defp pairs([], acc), do: acc
  defp pairs([x | rest], acc), do: pairs(rest, [{x, []} | acc])

  def put(%{__struct__: MapSet, map: map} = set, value), do: %{set | map: Map.put(map, value, [])}
  def delete(%{__struct__: MapSet, map: map} = set, value), do: %{set | map: Map.delete(map, value)}
  def member?(%{__struct__: MapSet, map: map}, value), do: Map.has_key?(map, value)
  def size(%{__struct__: MapSet, map: map}), do: map_size(map)
  def to_list(%{__struct__: MapSet, map: map}), do: Map.keys(map)

  def union(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    wrap(Map.merge(map1, map2))
  end

  def intersection(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    wrap(Map.take(map1, Map.keys(map2)))
  end

  def difference(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    wrap(Map.drop(map1, Map.keys(map2)))
  end

  def symmetric_difference(set1, set2) do
    union(difference(set1, set2), difference(set2, set1))
  end

  def subset?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    map_size(map1) <= map_size(map2) and all_in?(Map.keys(map1), map2)
  end

  def disjoint?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    none_in?(Map.keys(map1), map2)
  end

  def equal?(%{__struct__: MapSet, map: map1}, %{__struct__: MapSet, map: map2}) do
    map1 === map2
  end

  def filter(%{__struct__: MapSet, map: map}, fun) when is_function(fun, 1) do
    wrap(:maps.from_list(pairs(Enum.filter(Map.keys(map), fun), [])))
  end

  def reject(%{__struct__: MapSet, map: map}, fun) when is_function(fun, 1) do
    wrap(:maps.from_list(pairs(Enum.reject(Map.keys(map), fun), [])))
  end

  defp all_in?([], _map), do: true
  defp all_in?([x | rest], map), do: Map.has_key?(map, x) and all_in?(rest, map)

  defp none_in?([], _map), do: true
  defp none_in?([x | rest], map), do: not Map.has_key?(map, x) and none_in?(rest, map)
end
