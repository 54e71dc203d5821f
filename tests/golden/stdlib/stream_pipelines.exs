# Realistic lazy pipelines: pagination with unfold, word frequencies, fibonacci, primes, batching.
defmodule FakeApi do
  @items Enum.map(1..23, &%{id: &1, name: "item-#{&1}"})
  def page(n, size) do
    IO.puts("GET /items?page=#{n}")
    Enum.slice(@items, (n - 1) * size, size)
  end
end

# Pages are fetched only as far as the consumer reads.
pages =
  Stream.unfold(1, fn page ->
    case FakeApi.page(page, 5) do
      [] -> nil
      items -> {items, page + 1}
    end
  end)

items = Stream.flat_map(pages, & &1)
IO.inspect(items |> Stream.map(& &1.id) |> Enum.take(7))
IO.inspect(items |> Enum.count())
IO.inspect(items |> Stream.filter(&(rem(&1.id, 10) == 0)) |> Enum.map(& &1.name))

text = """
the quick brown fox jumps over the lazy dog
The dog barks; the fox runs. A quick fox!
"""

top =
  text
  |> String.split("\n", trim: true)
  |> Stream.flat_map(&String.split(&1, [" ", ";", ".", "!"], trim: true))
  |> Stream.map(&String.downcase/1)
  |> Stream.reject(&(&1 in ["a", "the"]))
  |> Enum.frequencies()
  |> Enum.sort_by(fn {word, n} -> {-n, word} end)
  |> Enum.take(4)

IO.inspect(top)

fib = Stream.unfold({0, 1}, fn {a, b} -> {a, {b, a + b}} end)
IO.inspect(Enum.take(fib, 20))
IO.inspect(fib |> Stream.drop(90) |> Enum.at(0))
IO.inspect(fib |> Stream.filter(&(rem(&1, 2) == 0)) |> Stream.take_while(&(&1 < 4_000_000)) |> Enum.sum())

prime? = fn
  n when n < 2 -> false
  n -> Enum.all?(Stream.take_while(Stream.iterate(2, &(&1 + 1)), &(&1 * &1 <= n)), &(rem(n, &1) != 0))
end

IO.inspect(Stream.iterate(2, &(&1 + 1)) |> Stream.filter(prime?) |> Enum.take(15))
IO.inspect(Stream.iterate(2, &(&1 + 1)) |> Stream.filter(prime?) |> Enum.at(499))

# Batching records into groups of 4, numbering the batches.
1..10
|> Stream.map(&"rec#{&1}")
|> Stream.chunk_every(4)
|> Stream.with_index(1)
|> Enum.each(fn {batch, i} -> IO.puts("batch #{i}: #{Enum.join(batch, ",")}") end)

# A large lazy range: nothing but the needed elements is computed.
big = 1..10_000_000 |> Stream.map(&(&1 * &1)) |> Stream.filter(&(rem(&1, 7) == 1))
IO.inspect(Enum.take(big, 6))
IO.inspect(1..200_000 |> Stream.map(&(&1 * 2)) |> Stream.filter(&(rem(&1, 3) == 0)) |> Enum.sum())

# Moving averages over a sliding window, and running balances with scan.
readings = [10, 12, 11, 15, 20, 18, 17]
IO.inspect(readings |> Stream.chunk_every(3, 1, :discard) |> Enum.map(&(Enum.sum(&1) / 3)))
IO.inspect([100, -30, 45, -80, 10] |> Stream.scan(&(&1 + &2)) |> Stream.with_index() |> Enum.filter(fn {b, _} -> b < 100 end))

# Round-robin assignment with cycle and zip; dedup of consecutive log levels.
IO.inspect(Enum.zip(~w(t1 t2 t3 t4 t5), Stream.cycle([:alice, :bob])))
levels = [:info, :info, :warn, :warn, :info, :error, :error]
IO.inspect(levels |> Stream.dedup() |> Enum.join(" -> "))
IO.inspect(Stream.repeatedly(fn -> :tick end) |> Stream.with_index() |> Enum.take(3))
IO.inspect(Stream.resource(fn -> ~w(alpha beta gamma) end, fn [] -> {:halt, []}; [h | t] -> {[String.upcase(h)], t} end, fn _ -> :ok end) |> Enum.join(" "))
