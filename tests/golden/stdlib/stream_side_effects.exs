# Order of side effects: stages run element by element, Enum callbacks interleave, halts stop pulling.
log = fn tag -> fn x -> IO.puts("#{tag} #{inspect(x)}") end end
IO.puts("-- each/map/each consumed by Enum.take")
1..5
|> Stream.each(log.(:in))
|> Stream.map(&(&1 * 10))
|> Stream.each(log.(:out))
|> Enum.take(2)
|> IO.inspect()
IO.puts("-- Stream.take halts right after its last element")
1..5 |> Stream.each(log.(:pulled)) |> Stream.take(2) |> Enum.to_list() |> IO.inspect()
IO.puts("-- nothing runs until the stream is consumed")
lazy = Stream.map(1..3, fn x -> IO.puts("computing #{x}"); x end)
IO.puts("stream built")
IO.inspect(Enum.map(lazy, fn x -> IO.puts("enum #{x}"); x * 2 end))
IO.puts("-- filter before each")
1..6 |> Stream.filter(&(rem(&1, 2) == 0)) |> Stream.each(log.(:even)) |> Stream.run()
IO.puts("-- Enum.each, reduce, find and any? over a stream")
Enum.each(Stream.each([1, 2], log.(:source)), log.(:each))
Enum.reduce(Stream.each([1, 2], log.(:source)), 0, fn x, acc -> IO.puts("reduce #{x}"); acc + x end) |> IO.inspect()
Enum.find(Stream.each(1..10, log.(:tried)), &(&1 == 3)) |> IO.inspect()
Enum.any?(Stream.each(1..10, log.(:tried)), &(&1 > 1)) |> IO.inspect()
Enum.take_while(Stream.each(1..10, log.(:tried)), &(&1 < 3)) |> IO.inspect()
Enum.at(Stream.each(1..10, log.(:tried)), 1) |> IO.inspect()
for x <- Stream.each(1..2, log.(:for_source)), do: IO.puts("for body #{x}")
IO.puts("-- zip pulls one element from each side in turn")
Stream.zip(Stream.each(1..3, log.(:left)), Stream.each([:a, :b], log.(:right))) |> Enum.to_list() |> IO.inspect()
Enum.zip(Stream.each(1..2, log.(:left)), [:a, :b, :c]) |> IO.inspect()
IO.puts("-- iterate calls its function only for elements that are asked for")
Stream.iterate(1, fn x -> IO.puts("next after #{x}"); x * 3 end) |> Enum.take(3) |> IO.inspect()
Stream.unfold(1, fn n -> IO.puts("unfold #{n}"); {n, n + 1} end) |> Enum.take(2) |> IO.inspect()
IO.puts("-- resource: start, elements, after (also when halted early)")
countdown = fn from ->
  Stream.resource(
    fn -> IO.puts("open #{from}"); from end,
    fn 0 -> {:halt, 0}; n -> {[n], n - 1} end,
    fn n -> IO.puts("close at #{n}") end
  )
end
countdown.(3) |> Enum.to_list() |> IO.inspect()
countdown.(10) |> Stream.each(log.(:got)) |> Enum.take(2) |> IO.inspect()
Stream.zip(countdown.(2), countdown.(5)) |> Enum.to_list() |> IO.inspect()
IO.puts("-- transform/4 and transform/5 run their callbacks in order")
Stream.transform(1..5, fn -> IO.puts("start"); 0 end,
  fn x, acc -> {[x * 10], acc + x} end,
  fn acc -> IO.puts("after #{acc}") end)
|> Enum.take(2)
|> IO.inspect()
Stream.transform(1..3, fn -> 0 end,
  fn x, acc -> {[x], acc + x} end,
  fn acc -> {[{:total, acc}], acc} end,
  fn acc -> IO.puts("after #{acc}") end)
|> Enum.to_list()
|> IO.inspect()
IO.puts("-- flat_map over inner streams halts both")
Stream.flat_map(1..3, fn x -> Stream.each(x..(x + 2), log.(:inner)) end)
|> Stream.each(log.(:outer))
|> Enum.take(4)
|> IO.inspect()
IO.puts("-- chunk_every emits its leftover only when the source ends")
1..7 |> Stream.each(log.(:src)) |> Stream.chunk_every(3) |> Stream.each(log.(:chunk)) |> Enum.take(2) |> IO.inspect()
Stream.iterate(1, &(&1 + 1)) |> Stream.take(5) |> Stream.chunk_every(2) |> Enum.to_list() |> IO.inspect()
IO.puts("-- a resource is closed when the consumer raises")
try do
  countdown.(5) |> Enum.each(fn 3 -> raise ArgumentError, "three"; x -> IO.puts("saw #{x}") end)
rescue
  e in ArgumentError -> IO.puts("rescued: " <> e.message)
end
