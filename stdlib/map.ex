# Map for Ember: the functions that take a function argument or an enumerable. Lookups,
# put/delete/merge/take/drop and conversions are C built-ins (vm/bi_map.c, builtins.def), so
# this module calls them with the Map. prefix and never defines them again.
defmodule Map do
  # A struct is enumerated like any enumerable (MapSet, Range, Stream; others raise
  # Protocol.UndefinedError), as in Elixir.
  def new(%{__struct__: _} = struct), do: :maps.from_list(Enum.to_list(struct))
  def new(map) when is_map(map), do: map
  def new(enumerable), do: :maps.from_list(Enum.to_list(enumerable))

  def new(enumerable, transform) do
    :maps.from_list(Enum.map(enumerable, transform))
  end

  # Deprecated in Elixir 1.14 (Map.new/2 instead) but still defined: each value becomes
  # fun.({key, value}).
  def map(map, fun) when is_map(map) do
    :maps.from_list(map_pairs(Map.to_list(map), fun, []))
  end

  defp map_pairs([], _fun, acc), do: acc
  defp map_pairs([{k, v} | rest], fun, acc), do: map_pairs(rest, fun, [{k, fun.({k, v})} | acc])

  def from_keys(keys, value) when is_list(keys) do
    :maps.from_list(pair_keys(keys, value, []))
  end

  defp pair_keys([], _value, acc), do: acc
  defp pair_keys([key | rest], value, acc), do: pair_keys(rest, value, [{key, value} | acc])

  # Conflicting keys are resolved first, then everything is merged in one bulk step, so the
  # cost stays O((n + m) log) instead of one map copy per key.
  def merge(map1, map2, fun) when is_map(map1) and is_map(map2) do
    resolved = resolve_conflicts(Map.to_list(map2), map1, fun, [])
    Map.merge(Map.merge(map1, map2), :maps.from_list(resolved))
  end

  def merge(map, _map2, _fun), do: raise(BadMapError, term: map)

  defp resolve_conflicts([], _map1, _fun, acc), do: acc

  defp resolve_conflicts([{key, value2} | rest], map1, fun, acc) do
    case Map.fetch(map1, key) do
      {:ok, value1} -> resolve_conflicts(rest, map1, fun, [{key, fun.(key, value1, value2)} | acc])
      :error -> resolve_conflicts(rest, map1, fun, acc)
    end
  end

  def update(map, key, default, fun) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> Map.put(map, key, default)
    end
  end

  def update(map, _key, _default, _fun), do: raise(BadMapError, term: map)

  def update!(map, key, fun) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> raise KeyError, key: key, term: map
    end
  end

  def update!(map, _key, _fun), do: raise(BadMapError, term: map)

  def get_lazy(map, key, fun) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  def get_lazy(map, _key, _fun), do: raise(BadMapError, term: map)

  def put_new_lazy(map, key, fun) when is_map(map) do
    if Map.has_key?(map, key), do: map, else: Map.put(map, key, fun.())
  end

  def put_new_lazy(map, _key, _fun), do: raise(BadMapError, term: map)

  def replace_lazy(map, key, fun) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> map
    end
  end


  def pop_lazy(map, key, fun) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> {fun.(), map}
    end
  end

  def pop_lazy(map, _key, _fun), do: raise(BadMapError, term: map)

  def pop!(map, key) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> raise KeyError, key: key, term: map
    end
  end

  def pop!(map, _key), do: raise(BadMapError, term: map)

  def get_and_update(map, key, fun) when is_map(map) do
    current = Map.get(map, key)

    case fun.(current) do
      {got, new_value} -> {got, Map.put(map, key, new_value)}
      :pop -> {current, Map.delete(map, key)}
    end
  end

  def get_and_update(map, _key, _fun), do: raise(BadMapError, term: map)

  def get_and_update!(map, key, fun) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, current} ->
        case fun.(current) do
          {got, new_value} -> {got, Map.put(map, key, new_value)}
          :pop -> {current, Map.delete(map, key)}
        end

      :error ->
        raise KeyError, key: key, term: map
    end
  end

  def get_and_update!(map, _key, _fun), do: raise(BadMapError, term: map)

  def filter(map, fun) when is_map(map) do
    :maps.from_list(Enum.filter(Map.to_list(map), fun))
  end

  def reject(map, fun) when is_map(map) do
    :maps.from_list(Enum.reject(Map.to_list(map), fun))
  end

  # Deprecated in Elixir 1.14 but still working (Elixir warns at compile time).
  def size(map), do: map_size(map)
end
