defmodule Parallel do
  def pmap(collection, fun) do
    parent = self()

    collection
    |> Enum.map(fn item ->
      ref = make_ref()
      spawn_link(fn -> send(parent, {ref, fun.(item)}) end)
      ref
    end)
    |> Enum.map(fn ref ->
      receive do
        {^ref, result} -> result
      end
    end)
  end

  def pmap_indexed(collection, fun) do
    me = self()

    collection
    |> Enum.with_index()
    |> Enum.each(fn {item, idx} -> spawn(fn -> send(me, {:result, idx, fun.(item)}) end) end)

    collection
    |> Enum.map(fn _ -> receive do {:result, idx, r} -> {idx, r} end end)
    |> Enum.sort_by(&elem(&1, 0))
    |> Enum.map(&elem(&1, 1))
  end
end

defmodule Slow do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)
end

inputs = [20, 5, 15, 1, 10, 18, 3]
IO.inspect(Parallel.pmap(inputs, &Slow.fib/1), label: "pmap fib")
IO.inspect(Parallel.pmap_indexed(inputs, &Slow.fib/1), label: "indexed fib")
IO.inspect(Parallel.pmap(1..10, &(&1 * &1)), label: "squares")
IO.inspect(Parallel.pmap(~w(apple banana cherry), &String.reverse/1), label: "reversed")
IO.inspect(Parallel.pmap(%{a: 1, b: 2}, fn {k, v} -> {v, k} end), label: "map entries")
IO.inspect(Parallel.pmap([], &(&1)), label: "empty")

words = String.split("the quick brown fox jumps over the lazy dog the end")
counts =
  words
  |> Enum.chunk_every(3)
  |> Parallel.pmap(&Enum.frequencies/1)
  |> Enum.reduce(%{}, fn m, acc -> Map.merge(acc, m, fn _k, a, b -> a + b end) end)
IO.inspect(counts, label: "word counts")

{time_checked, sum} = {:ok, 1..200 |> Parallel.pmap(&(&1 * 2)) |> Enum.sum()}
IO.puts("#{time_checked}: sum=#{sum}")
