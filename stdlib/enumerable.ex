# Enumerable for Ember: reduce/3 with Elixir's protocol contract, dispatched on the value's
# shape with function clauses (Ember has no defprotocol). The command is {:cont, acc},
# {:halt, acc} or {:suspend, acc}; the result is {:done, acc}, {:halted, acc} or
# {:suspended, acc, continuation}. Lists, ranges, maps, MapSets, %Stream{} structs and
# functions of arity 2 (which are their own reduce: Stream.unfold/2 and friends) are
# enumerable. Enum keeps its own list and range loops; Stream and the lazy clauses of Enum
# go through here.
defmodule Enumerable do
  def reduce(fun, command, reducer) when is_function(fun, 2), do: fun.(command, reducer)

  def reduce(%{__struct__: Stream} = stream, command, reducer) do
    Stream.__reduce__(stream, command, reducer)
  end

  def reduce(list, command, reducer) when is_list(list), do: list_reduce(list, command, reducer)

  def reduce(%{__struct__: Range, first: first, last: last, step: step}, command, reducer) do
    range_reduce(first, last, step, command, reducer)
  end

  def reduce(%{__struct__: MapSet, map: map}, command, reducer) do
    list_reduce(Map.keys(map), command, reducer)
  end

  # A struct with `defimpl Enumerable` (compiler/protocol.c): its own reduce/3.
  def reduce(%{__struct__: _} = struct, command, reducer) do
    case Ember.Protocol.impl_for(Enumerable, struct, false) do
      nil -> not_enumerable(struct)
      impl -> impl.reduce(struct, command, reducer)
    end
  end

  def reduce(map, command, reducer) when is_map(map) do
    list_reduce(Map.to_list(map), command, reducer)
  end

  def reduce(other, _command, _reducer), do: not_enumerable(other)

  defp not_enumerable(value) do
    raise Protocol.UndefinedError, protocol: Enumerable, value: value, description: ""
  end

  defp list_reduce(_list, {:halt, acc}, _fun), do: {:halted, acc}

  defp list_reduce(list, {:suspend, acc}, fun) do
    {:suspended, acc, fn command -> list_reduce(list, command, fun) end}
  end

  defp list_reduce([], {:cont, acc}, _fun), do: {:done, acc}
  defp list_reduce([x | rest], {:cont, acc}, fun), do: list_reduce(rest, fun.(x, acc), fun)

  defp range_reduce(_i, _last, _step, {:halt, acc}, _fun), do: {:halted, acc}

  defp range_reduce(i, last, step, {:suspend, acc}, fun) do
    {:suspended, acc, fn command -> range_reduce(i, last, step, command, fun) end}
  end

  defp range_reduce(i, last, step, {:cont, acc}, _fun) when step > 0 and i > last do
    {:done, acc}
  end

  defp range_reduce(i, last, step, {:cont, acc}, _fun) when step < 0 and i < last do
    {:done, acc}
  end

  defp range_reduce(i, last, step, {:cont, acc}, fun) do
    range_reduce(i + step, last, step, fun.(i, acc), fun)
  end
end

# The built-in implementations under their protocol names, which custom implementations call
# (`def reduce(%{items: l}, acc, fun), do: Enumerable.List.reduce(l, acc, fun)`).
defmodule Enumerable.List do
  def reduce(list, command, fun), do: Enumerable.reduce(list, command, fun)
  def count(list), do: {:ok, length(list)}
  def member?(list, value), do: {:ok, :lists.member(value, list)}
  def slice(_list), do: {:error, __MODULE__}
end

defmodule Enumerable.Map do
  def reduce(map, command, fun), do: Enumerable.reduce(Map.to_list(map), command, fun)
  def count(map), do: {:ok, map_size(map)}
  def member?(map, {key, value}), do: {:ok, match?({:ok, ^value}, Map.fetch(map, key))}
  def member?(_map, _other), do: {:ok, false}
  def slice(_map), do: {:error, __MODULE__}
end

defmodule Enumerable.Range do
  def reduce(range, command, fun), do: Enumerable.reduce(range, command, fun)
  def count(range), do: {:ok, Enum.count(range)}
  def member?(range, value), do: {:ok, Enum.member?(range, value)}
  def slice(_range), do: {:error, __MODULE__}
end
