# Enum for Ember: every function here converts its enumerable (list, range, map) to a list
# first, except where laziness or arithmetic on ranges matters (member?, count, at, take).
# Plain recursion only; heavy lifting goes to C built-ins (:lists.reverse, :lists.sort,
# List.keysort, Map.to_list) and to the plain list loops in stdlib/enum_lists.ex. Sorts are
# stable merge sorts, as Elixir's are for <=-style funs.
# The file also runs on real Elixir under another module name (see docs/builtins.md).
defmodule Enum do
  # ==== Conversion ====

  def to_list(list) when is_list(list), do: list

  def to_list(%{__struct__: Range, first: first, last: last, step: step}) do
    range_list(first, last, step)
  end

  def to_list(%{__struct__: MapSet, map: map}), do: Map.keys(map)
  def to_list(%{__struct__: Stream} = stream), do: lazy_list(stream)
  def to_list(fun) when is_function(fun, 2), do: lazy_list(fun)
  # A struct whose module has `defimpl Enumerable` (compiler/protocol.c, stdlib/protocol.ex).
  def to_list(%{__struct__: _} = struct) do
    if Ember.Protocol.impl_for(Enumerable, struct, false) do
      lazy_list(struct)
    else
      not_enumerable(struct)
    end
  end
  def to_list(map) when is_map(map), do: Map.to_list(map)
  def to_list(other), do: not_enumerable(other)

  defp range_list(first, last, step) when step > 0 and first > last, do: []
  defp range_list(first, last, step) when step < 0 and first < last, do: []
  defp range_list(first, last, step), do: :lists.seq(first, last, step)

  defp not_enumerable(value) do
    raise Protocol.UndefinedError, protocol: Enumerable, value: value, description: ""
  end

  # ==== Streams ====

  # Streams (%Stream{}) and enumerable functions (arity 2) go through Enumerable.reduce/3:
  # the functions below that call back per element have a clause for them that calls back
  # as each element arrives (so side effects interleave as in Elixir), and the searching and
  # taking ones halt the stream early, so they work on infinite streams. Everything else
  # reads the whole stream with to_list/1 first.
  defp lazy_list(enum), do: :lists.reverse(lazy_fold(enum, [], fn x, acc -> [x | acc] end))

  defp lazy_fold(enum, acc, fun) do
    elem(Enumerable.reduce(enum, {:cont, acc}, fn x, acc -> {:cont, fun.(x, acc)} end), 1)
  end

  # [fun] returns {:cont, acc} or {:halt, acc}.
  defp lazy_while(enum, acc, fun), do: elem(Enumerable.reduce(enum, {:cont, acc}, fun), 1)

  defp lazy?(enum), do: is_struct(enum, Stream) or is_function(enum, 2)

  # ==== map / filter / reduce ====

  # Ranges are walked without building their list first in map, filter, reject, reduce,
  # reduce_while and each (the common loops over 1..n).
  def map(%{__struct__: Range, first: first, last: last, step: step}, fun) do
    :lists.reverse(range_fold(first, last, step, [], fn x, acc -> [fun.(x) | acc] end))
  end

  def map(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    :lists.reverse(lazy_fold(enumerable, [], fn x, acc -> [fun.(x) | acc] end))
  end

  def map(enumerable, fun), do: Ember.EnumLists.map_list(to_list(enumerable), fun, [])

  def filter(%{__struct__: Range, first: first, last: last, step: step}, fun) do
    :lists.reverse(range_fold(first, last, step, [], fn x, acc -> keep(fun.(x), true, x, acc) end))
  end

  def filter(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    :lists.reverse(lazy_fold(enumerable, [], fn x, acc -> keep(fun.(x), true, x, acc) end))
  end

  def filter(enumerable, fun), do: filter_list(to_list(enumerable), fun, true, [])

  def reject(%{__struct__: Range, first: first, last: last, step: step}, fun) do
    :lists.reverse(range_fold(first, last, step, [], fn x, acc -> keep(fun.(x), false, x, acc) end))
  end

  def reject(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    :lists.reverse(lazy_fold(enumerable, [], fn x, acc -> keep(fun.(x), false, x, acc) end))
  end

  def reject(enumerable, fun), do: filter_list(to_list(enumerable), fun, false, [])

  defp keep(result, keep, x, acc) do
    if truthy?(result) == keep, do: [x | acc], else: acc
  end

  defp filter_list([], _fun, _keep, acc), do: :lists.reverse(acc)

  defp filter_list([x | rest], fun, keep, acc) do
    if truthy?(fun.(x)) == keep do
      filter_list(rest, fun, keep, [x | acc])
    else
      filter_list(rest, fun, keep, acc)
    end
  end

  defp truthy?(nil), do: false
  defp truthy?(false), do: false
  defp truthy?(_), do: true

  def reduce(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    first = fn
      x, :first -> {:acc, x}
      x, {:acc, acc} -> {:acc, fun.(x, acc)}
    end

    case lazy_fold(enumerable, :first, first) do
      :first -> raise Enum.EmptyError
      {:acc, acc} -> acc
    end
  end

  def reduce(enumerable, fun) do
    case to_list(enumerable) do
      [] -> raise Enum.EmptyError
      [first | rest] -> Ember.EnumLists.reduce_list(rest, first, fun)
    end
  end

  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    range_fold(first, last, step, acc, fun)
  end

  def reduce(enumerable, acc, fun)
      when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_fold(enumerable, acc, fun)
  end

  def reduce(enumerable, acc, fun), do: Ember.EnumLists.reduce_list(to_list(enumerable), acc, fun)

  # Folds [fun] over first, first + step, ... up to [last] (nothing for an empty range).
  defp range_fold(i, last, step, acc, _fun) when step > 0 and i > last, do: acc
  defp range_fold(i, last, step, acc, _fun) when step < 0 and i < last, do: acc
  defp range_fold(i, last, step, acc, fun), do: range_fold(i + step, last, step, fun.(i, acc), fun)

  def reduce_while(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    range_while(first, last, step, acc, fun)
  end

  def reduce_while(enumerable, acc, fun)
      when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_while(enumerable, acc, fun)
  end

  def reduce_while(enumerable, acc, fun), do: Ember.EnumLists.reduce_while_list(to_list(enumerable), acc, fun)

  defp range_while(i, last, step, acc, _fun) when step > 0 and i > last, do: acc
  defp range_while(i, last, step, acc, _fun) when step < 0 and i < last, do: acc

  defp range_while(i, last, step, acc, fun) do
    case fun.(i, acc) do
      {:cont, acc2} -> range_while(i + step, last, step, acc2, fun)
      {:halt, acc2} -> acc2
    end
  end

  def map_reduce(enumerable, acc, fun)
      when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    step = fn x, {out, acc} ->
      {y, acc} = fun.(x, acc)
      {[y | out], acc}
    end

    {out, acc} = lazy_fold(enumerable, {[], acc}, step)
    {:lists.reverse(out), acc}
  end

  def map_reduce(enumerable, acc, fun), do: Ember.EnumLists.map_reduce_list(to_list(enumerable), acc, fun, [])

  def scan(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    step = fn
      x, {out, :first} -> {[x | out], {:acc, x}}
      x, {out, {:acc, acc}} -> Ember.EnumLists.scan_step(fun.(x, acc), out)
    end

    :lists.reverse(elem(lazy_fold(enumerable, {[], :first}, step), 0))
  end

  def scan(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [first | rest] -> Ember.EnumLists.scan_list(rest, first, fun, [first])
    end
  end

  def scan(enumerable, acc, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    step = fn x, {out, {:acc, acc}} -> Ember.EnumLists.scan_step(fun.(x, acc), out) end
    :lists.reverse(elem(lazy_fold(enumerable, {[], {:acc, acc}}, step), 0))
  end

  def scan(enumerable, acc, fun), do: Ember.EnumLists.scan_list(to_list(enumerable), acc, fun, [])

  def each(%{__struct__: Range, first: first, last: last, step: step}, fun) do
    range_fold(first, last, step, :ok, fn x, acc ->
      fun.(x)
      acc
    end)
  end

  def each(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_fold(enumerable, :ok, fn x, acc ->
      fun.(x)
      acc
    end)
  end

  def each(enumerable, fun) do
    Ember.EnumLists.each_list(to_list(enumerable), fun)
    :ok
  end

  def flat_map(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    step = fn x, acc -> :lists.reverse(to_list(fun.(x)), acc) end
    :lists.reverse(lazy_fold(enumerable, [], step))
  end

  def flat_map(enumerable, fun), do: flat_map_list(to_list(enumerable), fun, [])

  defp flat_map_list([], _fun, acc), do: :lists.reverse(acc)

  defp flat_map_list([x | rest], fun, acc) do
    flat_map_list(rest, fun, :lists.reverse(to_list(fun.(x)), acc))
  end

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth >= 0 do
    Ember.EnumLists.map_every_list(to_list(enumerable), nth, fun, 0, [])
  end

  def map_intersperse(enumerable, separator, fun) do
    intersperse(map(enumerable, fun), separator)
  end

  # ==== Aggregates ====

  def sum(%{__struct__: Range, first: first, step: step} = range) do
    case count(range) do
      0 -> 0
      n -> div(n * (first + first + (n - 1) * step), 2)
    end
  end

  def sum(enumerable), do: Ember.EnumLists.sum_list(to_list(enumerable), 0)

  def product(enumerable), do: Ember.EnumLists.product_list(to_list(enumerable), 1)

  def count(list) when is_list(list), do: length(list)

  def count(%{__struct__: Range, first: first, last: last, step: step}) do
    range_count(first, last, step)
  end

  def count(enumerable), do: length(to_list(enumerable))

  def count(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_fold(enumerable, 0, fn x, n -> if truthy?(fun.(x)), do: n + 1, else: n end)
  end

  def count(enumerable, fun), do: count_list(to_list(enumerable), fun, 0)

  defp count_list([], _fun, n), do: n

  defp count_list([x | rest], fun, n) do
    if truthy?(fun.(x)), do: count_list(rest, fun, n + 1), else: count_list(rest, fun, n)
  end

  defp range_count(first, last, step) when step > 0 and first > last, do: 0
  defp range_count(first, last, step) when step < 0 and first < last, do: 0
  defp range_count(first, last, step), do: div(last - first, step) + 1

  def empty?(list) when is_list(list), do: list == []

  def empty?(%{__struct__: Range, first: first, last: last, step: step}) do
    range_count(first, last, step) == 0
  end

  def empty?(enumerable) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_while(enumerable, true, fn _, _ -> {:halt, false} end)
  end

  def empty?(enumerable), do: to_list(enumerable) == []

  def member?(list, value) when is_list(list), do: :lists.member(value, list)

  def member?(%{__struct__: Range, first: first, last: last, step: step}, value) do
    if is_integer(value) and range_count(first, last, step) > 0 do
      in_range?(first, last, step, value)
    else
      false
    end
  end

  def member?(enumerable, value) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_while(enumerable, false, fn x, _ ->
      if x === value, do: {:halt, true}, else: {:cont, false}
    end)
  end

  def member?(enumerable, value), do: :lists.member(value, to_list(enumerable))

  defp in_range?(first, last, step, value) when step > 0 do
    value >= first and value <= last and rem(value - first, step) == 0
  end

  defp in_range?(first, last, step, value) do
    value <= first and value >= last and rem(first - value, -step) == 0
  end

  def any?(enumerable), do: any?(enumerable, fn x -> x end)

  def any?(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_while(enumerable, false, fn x, _ ->
      if truthy?(fun.(x)), do: {:halt, true}, else: {:cont, false}
    end)
  end

  def any?(enumerable, fun), do: any_list(to_list(enumerable), fun)

  defp any_list([], _fun), do: false

  defp any_list([x | rest], fun) do
    if truthy?(fun.(x)), do: true, else: any_list(rest, fun)
  end

  def all?(enumerable), do: all?(enumerable, fn x -> x end)

  def all?(enumerable, fun) when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_while(enumerable, true, fn x, _ ->
      if truthy?(fun.(x)), do: {:cont, true}, else: {:halt, false}
    end)
  end

  def all?(enumerable, fun), do: all_list(to_list(enumerable), fun)

  defp all_list([], _fun), do: true

  defp all_list([x | rest], fun) do
    if truthy?(fun.(x)), do: all_list(rest, fun), else: false
  end

  # ==== Searching ====

  def find(enumerable, fun), do: find(enumerable, nil, fun)
  def find(enumerable, default, fun)
      when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_while(enumerable, default, fn x, acc ->
      if truthy?(fun.(x)), do: {:halt, x}, else: {:cont, acc}
    end)
  end

  def find(enumerable, default, fun), do: find_list(to_list(enumerable), default, fun)

  defp find_list([], default, _fun), do: default

  defp find_list([x | rest], default, fun) do
    if truthy?(fun.(x)), do: x, else: find_list(rest, default, fun)
  end

  def find_index(enumerable, fun)
      when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    step = fn x, i -> if truthy?(fun.(x)), do: {:halt, {:found, i}}, else: {:cont, i + 1} end

    case lazy_while(enumerable, 0, step) do
      {:found, i} -> i
      _ -> nil
    end
  end

  def find_index(enumerable, fun), do: find_index_list(to_list(enumerable), fun, 0)

  defp find_index_list([], _fun, _i), do: nil

  defp find_index_list([x | rest], fun, i) do
    if truthy?(fun.(x)), do: i, else: find_index_list(rest, fun, i + 1)
  end

  def find_value(enumerable, fun), do: find_value(enumerable, nil, fun)

  def find_value(enumerable, default, fun)
      when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    lazy_while(enumerable, default, fn x, acc ->
      v = fun.(x)
      if truthy?(v), do: {:halt, v}, else: {:cont, acc}
    end)
  end

  def find_value(enumerable, default, fun) do
    find_value_list(to_list(enumerable), default, fun)
  end

  defp find_value_list([], default, _fun), do: default

  defp find_value_list([x | rest], default, fun) do
    v = fun.(x)
    if truthy?(v), do: v, else: find_value_list(rest, default, fun)
  end

  def at(enumerable, index), do: at(enumerable, index, nil)

  def at(enumerable, index, default) when is_integer(index) do
    case fetch(enumerable, index) do
      {:ok, x} -> x
      :error -> default
    end
  end

  def fetch(%{__struct__: Range, first: first, last: last, step: step}, index)
      when is_integer(index) do
    n = range_count(first, last, step)
    i = if index < 0, do: n + index, else: index

    if i >= 0 and i < n do
      {:ok, first + i * step}
    else
      :error
    end
  end

  def fetch(enumerable, index)
      when (is_struct(enumerable, Stream) or is_function(enumerable, 2)) and is_integer(index) and
             index >= 0 do
    step = fn x, i -> if i == index, do: {:halt, {:ok, x}}, else: {:cont, i + 1} end

    case lazy_while(enumerable, 0, step) do
      {:ok, x} -> {:ok, x}
      _ -> :error
    end
  end

  def fetch(enumerable, index) when is_integer(index) do
    list = to_list(enumerable)
    i = if index < 0, do: length(list) + index, else: index
    if i < 0, do: :error, else: Ember.EnumLists.fetch_list(list, i)
  end

  def fetch!(enumerable, index) do
    case fetch(enumerable, index) do
      {:ok, x} -> x
      :error -> raise Enum.OutOfBoundsError
    end
  end

  # ==== min / max ====

  def max(enumerable), do: max(enumerable, fn a, b -> a >= b end, fn -> raise Enum.EmptyError end)

  def max(enumerable, fallback) when is_function(fallback, 0) do
    max(enumerable, fn a, b -> a >= b end, fallback)
  end

  def max(enumerable, sorter), do: max(enumerable, sorter, fn -> raise Enum.EmptyError end)

  def max(enumerable, sorter, fallback) do
    pick_by(to_list(enumerable), fn x -> x end, to_sorter(sorter, fn a, b -> a >= b end), fallback)
  end

  def min(enumerable), do: min(enumerable, fn a, b -> a <= b end, fn -> raise Enum.EmptyError end)

  def min(enumerable, fallback) when is_function(fallback, 0) do
    min(enumerable, fn a, b -> a <= b end, fallback)
  end

  def min(enumerable, sorter), do: min(enumerable, sorter, fn -> raise Enum.EmptyError end)

  def min(enumerable, sorter, fallback) do
    pick_by(to_list(enumerable), fn x -> x end, to_sorter(sorter, fn a, b -> a <= b end), fallback)
  end

  def max_by(enumerable, fun), do: max_by(enumerable, fun, fn a, b -> a >= b end)

  def max_by(enumerable, fun, fallback) when is_function(fallback, 0) do
    max_by(enumerable, fun, fn a, b -> a >= b end, fallback)
  end

  def max_by(enumerable, fun, sorter) do
    max_by(enumerable, fun, sorter, fn -> raise Enum.EmptyError end)
  end

  def max_by(enumerable, fun, sorter, fallback) do
    pick_by(to_list(enumerable), fun, to_sorter(sorter, fn a, b -> a >= b end), fallback)
  end

  def min_by(enumerable, fun), do: min_by(enumerable, fun, fn a, b -> a <= b end)

  def min_by(enumerable, fun, fallback) when is_function(fallback, 0) do
    min_by(enumerable, fun, fn a, b -> a <= b end, fallback)
  end

  def min_by(enumerable, fun, sorter) do
    min_by(enumerable, fun, sorter, fn -> raise Enum.EmptyError end)
  end

  def min_by(enumerable, fun, sorter, fallback) do
    pick_by(to_list(enumerable), fun, to_sorter(sorter, fn a, b -> a <= b end), fallback)
  end

  defp to_sorter(:asc, _default), do: fn a, b -> a <= b end
  defp to_sorter(:desc, _default), do: fn a, b -> a >= b end
  defp to_sorter(fun, _default) when is_function(fun, 2), do: fun

  # The first element whose key wins every comparison: keeps the current best while
  # sorter.(best_key, key) holds, as Elixir's max_by/min_by do.
  defp pick_by([], _fun, _sorter, fallback), do: fallback.()

  defp pick_by([x | rest], fun, sorter, _fallback) do
    pick_rest(rest, fun, sorter, x, fun.(x))
  end

  defp pick_rest([], _fun, _sorter, best, _best_key), do: best

  defp pick_rest([x | rest], fun, sorter, best, best_key) do
    key = fun.(x)

    if sorter.(best_key, key) do
      pick_rest(rest, fun, sorter, best, best_key)
    else
      pick_rest(rest, fun, sorter, x, key)
    end
  end

  def min_max(enumerable) do
    case to_list(enumerable) do
      [] -> raise Enum.EmptyError
      list -> {:lists.min(list), :lists.max(list)}
    end
  end

  def min_max_by(enumerable, fun) do
    case to_list(enumerable) do
      [] -> raise Enum.EmptyError
      list ->
        min = pick_by(list, fun, fn a, b -> a <= b end, nil)
        {min, pick_by(list, fun, fn a, b -> a >= b end, nil)}
    end
  end

  # ==== Sorting ====

  def sort(enumerable), do: :lists.sort(to_list(enumerable))

  def sort(enumerable, :asc), do: :lists.sort(to_list(enumerable))

  def sort(enumerable, :desc) do
    :lists.reverse(:lists.sort(:lists.reverse(to_list(enumerable))))
  end

  def sort(enumerable, fun) when is_function(fun, 2), do: Ember.EnumLists.merge_sort(to_list(enumerable), fun)

  # A module with compare/2 (Date, Time, NaiveDateTime ...), alone or as {:asc | :desc, module}.
  def sort(enumerable, {:asc, module}) when is_atom(module), do: sort(enumerable, module)

  def sort(enumerable, {:desc, module}) when is_atom(module) do
    Ember.EnumLists.merge_sort(to_list(enumerable), fn a, b -> module.compare(a, b) != :lt end)
  end

  def sort(enumerable, module) when is_atom(module) do
    Ember.EnumLists.merge_sort(to_list(enumerable), fn a, b -> module.compare(a, b) != :gt end)
  end

  def sort_by(enumerable, mapper), do: sort_by(enumerable, mapper, :asc)

  def sort_by(enumerable, mapper, :asc) do
    pairs = Ember.EnumLists.map_list(to_list(enumerable), fn x -> {x, mapper.(x)} end, [])
    Ember.EnumLists.firsts(List.keysort(pairs, 1), [])
  end

  def sort_by(enumerable, mapper, :desc) do
    pairs = Ember.EnumLists.map_list(to_list(enumerable), fn x -> {x, mapper.(x)} end, [])
    :lists.reverse(Ember.EnumLists.firsts(List.keysort(:lists.reverse(pairs), 1), []))
  end

  def sort_by(enumerable, mapper, sorter) when is_function(sorter, 2) do
    pairs = Ember.EnumLists.map_list(to_list(enumerable), fn x -> {x, mapper.(x)} end, [])
    sorted = Ember.EnumLists.merge_sort(pairs, fn {_, a}, {_, b} -> sorter.(a, b) end)
    Ember.EnumLists.firsts(sorted, [])
  end

  def reverse(enumerable), do: :lists.reverse(to_list(enumerable))
  def reverse(enumerable, tail), do: :lists.reverse(to_list(enumerable), to_list(tail))

  # ==== Joining ====

  def join(enumerable), do: join(enumerable, "")

  def join(enumerable, joiner) when is_binary(joiner) do
    IO.iodata_to_binary(join_list(to_list(enumerable), joiner, []))
  end

  defp join_list([], _joiner, acc), do: :lists.reverse(acc)
  defp join_list([x], _joiner, acc), do: :lists.reverse([chars(x) | acc])
  defp join_list([x | rest], joiner, acc), do: join_list(rest, joiner, [joiner, chars(x) | acc])

  defp chars(x) when is_binary(x), do: x
  defp chars(x), do: Kernel.to_string(x)

  def map_join(enumerable, mapper), do: map_join(enumerable, "", mapper)

  def map_join(enumerable, joiner, mapper) when is_binary(joiner) do
    join(map(enumerable, mapper), joiner)
  end

  def intersperse(enumerable, separator) do
    case to_list(enumerable) do
      [] -> []
      [first | rest] -> Ember.EnumLists.intersperse_list(rest, separator, [first])
    end
  end

  # ==== Indexing and zipping ====

  def with_index(enumerable), do: with_index(enumerable, 0)

  def with_index(enumerable, offset) when is_integer(offset) do
    Ember.EnumLists.index_list(to_list(enumerable), offset, fn x, i -> {x, i} end, [])
  end

  def with_index(enumerable, fun) when is_function(fun, 2) do
    if lazy?(enumerable) do
      step = fn x, {out, i} -> {[fun.(x, i) | out], i + 1} end
      :lists.reverse(elem(lazy_fold(enumerable, {[], 0}, step), 0))
    else
      Ember.EnumLists.index_list(to_list(enumerable), 0, fun, [])
    end
  end

  # A stream among the enumerables is zipped lazily (it may be infinite).
  def zip(left, right) do
    if lazy?(left) or lazy?(right) do
      to_list(Stream.zip(left, right))
    else
      zip_lists([to_list(left), to_list(right)], fn t -> t end)
    end
  end

  def zip(enumerables) do
    enumerables = to_list(enumerables)

    if any_list(enumerables, &lazy?/1) do
      to_list(Stream.zip(enumerables))
    else
      zip_lists(map(enumerables, &to_list/1), fn t -> t end)
    end
  end

  def zip_with(left, right, fun) do
    if lazy?(left) or lazy?(right) do
      to_list(Stream.zip_with(left, right, fun))
    else
      zip_lists([to_list(left), to_list(right)], fn {a, b} -> fun.(a, b) end)
    end
  end

  def zip_with(enumerables, fun) do
    enumerables = to_list(enumerables)

    if any_list(enumerables, &lazy?/1) do
      to_list(Stream.zip_with(enumerables, fun))
    else
      zip_lists(map(enumerables, &to_list/1), fn t -> fun.(Tuple.to_list(t)) end)
    end
  end

  defp zip_lists([], _fun), do: []
  defp zip_lists(lists, fun), do: zip_rows(lists, fun, [])

  defp zip_rows(lists, fun, acc) do
    case heads_tails(lists, [], []) do
      {:ok, heads, tails} -> zip_rows(tails, fun, [fun.(List.to_tuple(heads)) | acc])
      :done -> :lists.reverse(acc)
    end
  end

  defp heads_tails([], heads, tails), do: {:ok, :lists.reverse(heads), :lists.reverse(tails)}
  defp heads_tails([[x | rest] | lists], heads, tails) do
    heads_tails(lists, [x | heads], [rest | tails])
  end

  defp heads_tails(_, _heads, _tails), do: :done

  def unzip(enumerable), do: Ember.EnumLists.unzip_list(to_list(enumerable), [], [])

  # ==== Taking and dropping ====

  def take(_enumerable, 0), do: []

  def take(%{__struct__: Range, first: first, last: last, step: step}, n)
      when is_integer(n) and n > 0 do
    total = range_count(first, last, step)
    k = if n < total, do: n, else: total
    if k == 0, do: [], else: :lists.seq(first, first + (k - 1) * step, step)
  end

  def take(enumerable, n)
      when (is_struct(enumerable, Stream) or is_function(enumerable, 2)) and is_integer(n) and
             n > 0 do
    step = fn
      x, {out, 1} -> {:halt, {[x | out], 0}}
      x, {out, k} -> {:cont, {[x | out], k - 1}}
    end

    :lists.reverse(elem(lazy_while(enumerable, {[], n}, step), 0))
  end

  def take(enumerable, n) when is_integer(n) and n > 0, do: Ember.EnumLists.take_list(to_list(enumerable), n, [])

  def take(enumerable, n) when is_integer(n) do
    list = to_list(enumerable)
    Ember.EnumLists.drop_list(list, length(list) + n)
  end

  def drop(enumerable, n) when is_integer(n) and n >= 0, do: Ember.EnumLists.drop_list(to_list(enumerable), n)

  def drop(enumerable, n) when is_integer(n) do
    list = to_list(enumerable)
    Ember.EnumLists.take_list(list, Kernel.max(length(list) + n, 0), [])
  end

  def take_while(enumerable, fun)
      when is_struct(enumerable, Stream) or is_function(enumerable, 2) do
    step = fn x, out -> if truthy?(fun.(x)), do: {:cont, [x | out]}, else: {:halt, out} end
    :lists.reverse(lazy_while(enumerable, [], step))
  end

  def take_while(enumerable, fun), do: take_while_list(to_list(enumerable), fun, [])

  defp take_while_list([], _fun, acc), do: :lists.reverse(acc)

  defp take_while_list([x | rest], fun, acc) do
    if truthy?(fun.(x)), do: take_while_list(rest, fun, [x | acc]), else: :lists.reverse(acc)
  end

  def drop_while(enumerable, fun), do: drop_while_list(to_list(enumerable), fun)

  defp drop_while_list([], _fun), do: []

  defp drop_while_list([x | rest] = list, fun) do
    if truthy?(fun.(x)), do: drop_while_list(rest, fun), else: list
  end

  def take_every(enumerable, 0) do
    _ = to_list(enumerable)
    []
  end

  def take_every(enumerable, nth) when is_integer(nth) and nth > 0 do
    Ember.EnumLists.every_list(to_list(enumerable), nth, 0, true, [])
  end

  def drop_every(enumerable, 0), do: to_list(enumerable)

  def drop_every(enumerable, nth) when is_integer(nth) and nth > 0 do
    Ember.EnumLists.every_list(to_list(enumerable), nth, 0, false, [])
  end

  def split(enumerable, n) when is_integer(n) and n >= 0 do
    Ember.EnumLists.split_list(to_list(enumerable), n, [])
  end

  def split(enumerable, n) when is_integer(n) do
    list = to_list(enumerable)
    Ember.EnumLists.split_list(list, Kernel.max(length(list) + n, 0), [])
  end

  def split_while(enumerable, fun), do: split_while_list(to_list(enumerable), fun, [])

  defp split_while_list([], _fun, acc), do: {:lists.reverse(acc), []}

  defp split_while_list([x | rest] = list, fun, acc) do
    if truthy?(fun.(x)) do
      split_while_list(rest, fun, [x | acc])
    else
      {:lists.reverse(acc), list}
    end
  end

  def split_with(enumerable, fun), do: split_with_list(to_list(enumerable), fun, [], [])

  defp split_with_list([], _fun, yes, no), do: {:lists.reverse(yes), :lists.reverse(no)}

  defp split_with_list([x | rest], fun, yes, no) do
    if truthy?(fun.(x)) do
      split_with_list(rest, fun, [x | yes], no)
    else
      split_with_list(rest, fun, yes, [x | no])
    end
  end

  # ==== Slicing ====

  # A stream sliced with non-negative bounds is read only up to the slice's end.
  def slice(enumerable, %{__struct__: Range, first: first, last: last} = range)
      when (is_struct(enumerable, Stream) or is_function(enumerable, 2)) and first >= 0 and
             last >= 0 do
    slice(take(enumerable, Kernel.max(first, last) + 1), range)
  end

  def slice(enumerable, %{__struct__: Range, first: first, last: last, step: step}) do
    list = to_list(enumerable)
    n = length(list)
    step = if step == -1 and first > last, do: 1, else: step
    first = if first < 0, do: Kernel.max(n + first, 0), else: first
    last = if last < 0, do: n + last, else: last

    if first >= n or last < first do
      []
    else
      take_every(Ember.EnumLists.take_list(Ember.EnumLists.drop_list(list, first), last - first + 1, []), step)
    end
  end

  def slice(enumerable, start, amount)
      when (is_struct(enumerable, Stream) or is_function(enumerable, 2)) and is_integer(start) and
             start >= 0 and is_integer(amount) do
    if amount <= 0, do: [], else: Ember.EnumLists.drop_list(take(enumerable, start + amount), start)
  end

  def slice(enumerable, start, amount) when is_integer(start) and is_integer(amount) do
    list = to_list(enumerable)
    n = length(list)
    start = if start < 0, do: Kernel.max(n + start, 0), else: start
    if start >= n or amount <= 0, do: [], else: Ember.EnumLists.take_list(Ember.EnumLists.drop_list(list, start), amount, [])
  end

  # ==== Chunking ====

  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])
  def chunk_every(enumerable, count, step), do: chunk_every(enumerable, count, step, [])

  def chunk_every(enumerable, count, step, leftover)
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    list = to_list(enumerable)
    Ember.EnumLists.chunk_list(list, length(list), count, step, leftover, [])
  end

  def chunk_by(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [x | rest] -> Ember.EnumLists.chunk_by_list(rest, fun, fun.(x), [x], [])
    end
  end

  # ==== Uniqueness and grouping ====

  # uniq, frequencies and group_by hash in C (:ember_enum) so they stay linear.
  def uniq(enumerable) do
    :ember_enum.uniq_pairs(Ember.EnumLists.map_list(to_list(enumerable), fn x -> {x, x} end, []))
  end

  def uniq_by(enumerable, fun) do
    :ember_enum.uniq_pairs(Ember.EnumLists.map_list(to_list(enumerable), fn x -> {fun.(x), x} end, []))
  end

  def dedup(enumerable), do: Ember.EnumLists.dedup_list(to_list(enumerable), fn x -> x end, [])
  def dedup_by(enumerable, fun), do: Ember.EnumLists.dedup_list(to_list(enumerable), fun, [])

  def group_by(enumerable, key_fun), do: group_by(enumerable, key_fun, fn x -> x end)

  def group_by(enumerable, key_fun, value_fun) do
    pairs = Ember.EnumLists.map_list(to_list(enumerable), fn x -> {key_fun.(x), value_fun.(x)} end, [])
    :ember_enum.group_pairs(pairs)
  end

  def frequencies(enumerable), do: :ember_enum.frequencies(to_list(enumerable))

  def frequencies_by(enumerable, fun) do
    :ember_enum.frequencies(Ember.EnumLists.map_list(to_list(enumerable), fun, []))
  end

  # ==== Collecting ====

  def into(enumerable, collectable) when is_list(collectable) do
    collectable ++ to_list(enumerable)
  end

  def into(enumerable, %{__struct__: MapSet} = set), do: MapSet.union(set, MapSet.new(enumerable))
  def into(enumerable, %{__struct__: _} = struct), do: not_collectable(enumerable, struct)

  def into(enumerable, collectable) when is_map(collectable) do
    pairs = to_list(enumerable)
    check_pairs(pairs)
    Map.merge(collectable, :maps.from_list(pairs))
  end

  def into(enumerable, collectable), do: not_collectable(enumerable, collectable)

  def into(enumerable, collectable, transform) do
    into(map(enumerable, transform), collectable)
  end

  defp check_pairs([]), do: :ok
  defp check_pairs([{_, _} | rest]), do: check_pairs(rest)
  defp check_pairs([_other | _]), do: raise(ArgumentError)

  defp not_collectable(_enumerable, value) do
    raise Protocol.UndefinedError, protocol: Collectable, value: value, description: ""
  end

  # ==== random ====

  # A random element, drawn with :rand (stdlib/erlang_rand.ex; the process's :rand_seed).
  def random(enumerable) do
    case to_list(enumerable) do
      [] -> raise Enum.EmptyError
      list -> :lists.nth(:rand.uniform(length(list)), list)
    end
  end

  # The elements in a random order: each gets a random key and the list is sorted by key.
  def shuffle(enumerable) do
    keyed = Ember.EnumLists.shuffle_keys(to_list(enumerable), [])
    Ember.EnumLists.for_each_second(:lists.keysort(1, keyed), [])
  end

  # ==== chunk_while ====

  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    {chunks, acc} = Ember.EnumLists.chunk_while_list(to_list(enumerable), acc, chunk_fun, [])

    case after_fun.(acc) do
      {:cont, _acc} -> :lists.reverse(chunks)
      {:cont, chunk, _acc} -> :lists.reverse([chunk | chunks])
    end
  end

  def concat(enumerables), do: concat_list(to_list(enumerables), [])

  def concat(left, right), do: to_list(left) ++ to_list(right)

  defp concat_list([], acc), do: :lists.append(:lists.reverse(acc))
  defp concat_list([e | rest], acc), do: concat_list(rest, [to_list(e) | acc])

  # ==== Deprecated in Elixir 1.14 but still working (Elixir warns at compile time) ====

  def chunk(enumerable, count), do: chunk(enumerable, count, count, nil)
  def chunk(enumerable, count, step), do: chunk_every(enumerable, count, step, :discard)
  def chunk(enumerable, count, step, leftover), do: chunk_every(enumerable, count, step, leftover || :discard)
  def filter_map(enumerable, filter, mapper), do: enumerable |> filter(filter) |> map(mapper)
  def partition(enumerable, fun), do: split_with(enumerable, fun)
  def uniq(enumerable, fun), do: uniq_by(enumerable, fun)
end
