# Access for Ember: data[key] lookups on maps, keyword lists and nil, plus the accessor
# functions all/0, at/1, elem/1 and key/2 used by get_in/update_in paths. Structs do not
# implement Access (as in Elixir); user-defined Access behaviours are not supported.
defmodule Access do
  def get(data, key), do: get(data, key, nil)

  def get(%{__struct__: struct}, key, _default) do
    _ = key
    raise UndefinedFunctionError, module: struct, function: :fetch, arity: 2
  end

  def get(map, key, default) when is_map(map), do: Map.get(map, key, default)

  def get(list, key, default) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> value
      false -> default
    end
  end

  def get(list, key, _default) when is_list(list) do
    raise ArgumentError,
          "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key)
  end

  def get(nil, _key, default), do: default

  def fetch(map, key) when is_map(map), do: Map.fetch(map, key)

  def fetch(list, key) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch(nil, _key), do: :error

  def fetch!(container, key) do
    case fetch(container, key) do
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: container
    end
  end

  def get_and_update(map, key, fun) when is_map(map), do: Map.get_and_update(map, key, fun)

  def get_and_update(list, key, fun) when is_list(list) do
    Keyword.get_and_update(list, key, fun)
  end

  def get_and_update(nil, key, _fun) do
    raise ArgumentError, "could not put/update key " <> inspect(key) <> " on a nil value"
  end

  def pop(map, key) when is_map(map), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)
  def pop(nil, _key), do: {nil, nil}

  # ==== Accessor functions ====

  def key(key, default) do
    fn
      :get, data, next ->
        next.(Map.get(data, key, default))

      :get_and_update, data, next ->
        value = Map.get(data, key, default)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  def key!(key) do
    fn
      :get, data, next ->
        next.(Map.fetch!(data, key))

      :get_and_update, data, next ->
        value = Map.fetch!(data, key)

        case next.(value) do
          {get, update} -> {get, Map.put(data, key, update)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  def elem(index) when is_integer(index) and index >= 0 do
    pos = index + 1

    fn
      :get, data, next ->
        next.(:erlang.element(pos, data))

      :get_and_update, data, next ->
        value = :erlang.element(pos, data)

        case next.(value) do
          {get, update} -> {get, :erlang.setelement(pos, data, update)}
          :pop -> raise ArgumentError, "cannot pop data from a tuple"
        end
    end
  end

  def all do
    fn
      :get, data, next when is_list(data) -> Enum.map(data, next)
      :get_and_update, data, next when is_list(data) -> all_update(data, next, [], [])
    end
  end

  defp all_update([], _next, gets, updates), do: {:lists.reverse(gets), :lists.reverse(updates)}

  defp all_update([x | rest], next, gets, updates) do
    case next.(x) do
      {get, update} -> all_update(rest, next, [get | gets], [update | updates])
      :pop -> all_update(rest, next, [x | gets], updates)
    end
  end

  def at(index) when is_integer(index) do
    fn
      :get, data, next when is_list(data) ->
        next.(Enum.at(data, index))

      :get_and_update, data, next when is_list(data) ->
        at_update(data, index, next)
    end
  end

  defp at_update(data, index, next) do
    n = length(data)
    i = if index < 0, do: n + index, else: index

    if i < 0 or i >= n do
      case next.(nil) do
        {get, _update} -> {get, data}
        :pop -> {nil, data}
      end
    else
      {front, [x | rest]} = :lists.split(i, data)

      case next.(x) do
        {get, update} -> {get, :lists.reverse(:lists.reverse(front), [update | rest])}
        :pop -> {x, :lists.reverse(:lists.reverse(front), rest)}
      end
    end
  end

  def filter(fun) when is_function(fun, 1) do
    fn
      :get, data, next when is_list(data) -> Enum.map(Enum.filter(data, fun), next)
      :get_and_update, data, next when is_list(data) -> filter_update(data, fun, next, [], [])
    end
  end

  defp filter_update([], _fun, _next, gets, updates) do
    {:lists.reverse(gets), :lists.reverse(updates)}
  end

  defp filter_update([x | rest], fun, next, gets, updates) do
    if fun.(x) do
      case next.(x) do
        {get, update} -> filter_update(rest, fun, next, [get | gets], [update | updates])
        :pop -> filter_update(rest, fun, next, [x | gets], updates)
      end
    else
      filter_update(rest, fun, next, gets, [x | updates])
    end
  end
end
