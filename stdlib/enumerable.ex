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

  def reduce(%{__struct__: _} = struct, _command, _reducer), do: not_enumerable(struct)

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
