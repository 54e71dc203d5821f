# The plain list loops behind Enum (stdlib/enum.ex): map, filter, reduce, take/drop, chunking,
# sorting (a stable merge sort), zipping and friends over proper lists, each a tail-recursive
# function with an accumulator. Enum converts its enumerable (ranges, maps, streams ...) and
# calls these; they are not meant to be called from elsewhere.
defmodule Ember.EnumLists do
  @moduledoc false

  def map_list([], _fun, acc), do: :lists.reverse(acc)

  def map_list([x | rest], fun, acc), do: map_list(rest, fun, [fun.(x) | acc])

  def reduce_list([], acc, _fun), do: acc

  def reduce_list([x | rest], acc, fun), do: reduce_list(rest, fun.(x, acc), fun)

  def reduce_while_list([], acc, _fun), do: acc

  def reduce_while_list([x | rest], acc, fun) do
    case fun.(x, acc) do
      {:cont, acc2} -> reduce_while_list(rest, acc2, fun)
      {:halt, acc2} -> acc2
    end
  end

  def map_reduce_list([], acc, _fun, out), do: {:lists.reverse(out), acc}

  def map_reduce_list([x | rest], acc, fun, out) do
    {y, acc2} = fun.(x, acc)
    map_reduce_list(rest, acc2, fun, [y | out])
  end

  def scan_step(acc, out), do: {[acc | out], {:acc, acc}}

  def scan_list([], _acc, _fun, out), do: :lists.reverse(out)

  def scan_list([x | rest], acc, fun, out) do
    acc2 = fun.(x, acc)
    scan_list(rest, acc2, fun, [acc2 | out])
  end

  def each_list([], _fun), do: :ok

  def each_list([x | rest], fun) do
    fun.(x)
    each_list(rest, fun)
  end

  def map_every_list([], _nth, _fun, _i, acc), do: :lists.reverse(acc)

  def map_every_list([x | rest], nth, fun, i, acc) do
    if nth > 0 and rem(i, nth) == 0 do
      map_every_list(rest, nth, fun, i + 1, [fun.(x) | acc])
    else
      map_every_list(rest, nth, fun, i + 1, [x | acc])
    end
  end

  def sum_list([], acc), do: acc

  def sum_list([x | rest], acc), do: sum_list(rest, acc + x)

  def product_list([], acc), do: acc

  def product_list([x | rest], acc), do: product_list(rest, acc * x)

  def fetch_list([], _i), do: :error

  def fetch_list([x | _], 0), do: {:ok, x}

  def fetch_list([_ | rest], i), do: fetch_list(rest, i - 1)

  def firsts([], acc), do: :lists.reverse(acc)

  def firsts([{x, _} | rest], acc), do: firsts(rest, [x | acc])

  # Stable top-down merge sort: an element of the left half goes first when fun.(l, r).
  def merge_sort([], _fun), do: []

  def merge_sort([x], _fun), do: [x]

  def merge_sort(list, fun) do
    {left, right} = :lists.split(div(length(list), 2), list)
    merge(merge_sort(left, fun), merge_sort(right, fun), fun, [])
  end

  def merge([], right, _fun, acc), do: :lists.reverse(acc, right)

  def merge(left, [], _fun, acc), do: :lists.reverse(acc, left)

  def merge([l | ls] = left, [r | rs] = right, fun, acc) do
    if fun.(l, r) do
      merge(ls, right, fun, [l | acc])
    else
      merge(left, rs, fun, [r | acc])
    end
  end

  def intersperse_list([], _sep, acc), do: :lists.reverse(acc)

  def intersperse_list([x | rest], sep, acc), do: intersperse_list(rest, sep, [x, sep | acc])

  def index_list([], _i, _fun, acc), do: :lists.reverse(acc)

  def index_list([x | rest], i, fun, acc), do: index_list(rest, i + 1, fun, [fun.(x, i) | acc])

  def unzip_list([], as, bs), do: {:lists.reverse(as), :lists.reverse(bs)}

  def unzip_list([{a, b} | rest], as, bs), do: unzip_list(rest, [a | as], [b | bs])

  def take_list([], _n, acc), do: :lists.reverse(acc)

  def take_list(_list, 0, acc), do: :lists.reverse(acc)

  def take_list([x | rest], n, acc), do: take_list(rest, n - 1, [x | acc])

  def drop_list(list, n) when n <= 0, do: list

  def drop_list([], _n), do: []

  def drop_list([_ | rest], n), do: drop_list(rest, n - 1)

  def every_list([], _nth, _i, _keep, acc), do: :lists.reverse(acc)

  def every_list([x | rest], nth, i, keep, acc) do
    if (rem(i, nth) == 0) == keep do
      every_list(rest, nth, i + 1, keep, [x | acc])
    else
      every_list(rest, nth, i + 1, keep, acc)
    end
  end

  def split_list([], _n, acc), do: {:lists.reverse(acc), []}

  def split_list(list, 0, acc), do: {:lists.reverse(acc), list}

  def split_list([x | rest], n, acc), do: split_list(rest, n - 1, [x | acc])

  # Chunks start every [step] elements; the first chunk that runs past the end is the last,
  # padded from [leftover] (or dropped with :discard).
  def chunk_list(list, n, count, step, leftover, acc) do
    cond do
      n >= count ->
        chunk = take_list(list, count, [])
        chunk_list(drop_list(list, step), n - step, count, step, leftover, [chunk | acc])

      n > 0 and leftover != :discard ->
        :lists.reverse([list ++ take_list(leftover, count - n, []) | acc])

      true ->
        :lists.reverse(acc)
    end
  end

  def chunk_by_list([], _fun, _key, chunk, acc), do: :lists.reverse([:lists.reverse(chunk) | acc])

  def chunk_by_list([x | rest], fun, key, chunk, acc) do
    k = fun.(x)

    if k === key do
      chunk_by_list(rest, fun, key, [x | chunk], acc)
    else
      chunk_by_list(rest, fun, k, [x], [:lists.reverse(chunk) | acc])
    end
  end

  def dedup_list([], _fun, _acc), do: []

  def dedup_list([x | rest], fun, _acc), do: dedup_rest(rest, fun, fun.(x), [x])

  def dedup_rest([], _fun, _key, acc), do: :lists.reverse(acc)

  def dedup_rest([x | rest], fun, key, acc) do
    k = fun.(x)
    if k === key, do: dedup_rest(rest, fun, key, acc), else: dedup_rest(rest, fun, k, [x | acc])
  end

  def shuffle_keys([], acc), do: acc

  def shuffle_keys([x | rest], acc), do: shuffle_keys(rest, [{:rand.uniform(), x} | acc])

  def for_each_second([], acc), do: :lists.reverse(acc)

  def for_each_second([{_, x} | rest], acc), do: for_each_second(rest, [x | acc])

  def chunk_while_list([], acc, _fun, chunks), do: {chunks, acc}

  def chunk_while_list([x | rest], acc, fun, chunks) do
    case fun.(x, acc) do
      {:cont, chunk, acc} -> chunk_while_list(rest, acc, fun, [chunk | chunks])
      {:cont, acc} -> chunk_while_list(rest, acc, fun, chunks)
      {:halt, acc} -> {chunks, acc}
    end
  end
end
