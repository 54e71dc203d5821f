# :counters: 16 processes adding to shared counters (deterministic totals), both kinds,
# wrap-around, info and OTP's argument errors.
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.message(e))
  end
end

for opts <- [[], [:atomics], [:write_concurrency]] do
  c = :counters.new(3, opts)
  IO.inspect(elem(c, 0))
  IO.inspect(:counters.info(c).size, label: "size")
  parent = self()

  for i <- 1..16 do
    spawn(fn ->
      for _ <- 1..2000 do
        :counters.add(c, 1, 1)
        :counters.sub(c, 2, 2)
        :counters.add(c, 3, i)
      end

      send(parent, :done)
    end)
  end

  for _ <- 1..16, do: receive(do: (:done -> :ok))
  IO.inspect(Enum.map(1..3, &:counters.get(c, &1)))
end

c = :counters.new(2, [])
IO.inspect(:counters.info(c))
:ok = :counters.put(c, 1, 9_223_372_036_854_775_807)
:ok = :counters.add(c, 1, 1)
IO.inspect(:counters.get(c, 1), label: "wrapped")
:ok = :counters.sub(c, 2, 5)
IO.inspect(:counters.get(c, 2))

IO.puts("-- errors")
t.(fn -> :counters.new(0, []) end)
t.(fn -> :counters.new(:x, []) end)
t.(fn -> :counters.new(2, [:bad]) end)
t.(fn -> :counters.new(2, :x) end)
t.(fn -> :counters.new(2, [:atomics, :write_concurrency]) end)
t.(fn -> :counters.add(c, 3, 1) end)
t.(fn -> :counters.add(c, 0, 1) end)
t.(fn -> :counters.add(c, 1, :x) end)
t.(fn -> :counters.add(c, 1, 18_446_744_073_709_551_616) end)
t.(fn -> :counters.put(c, 1, 1.5) end)
t.(fn -> :counters.put(c, 1, 9_223_372_036_854_775_808) end)
t.(fn -> :counters.get(c, :x) end)
t.(fn -> :counters.get(:x, 1) end)
t.(fn -> :counters.get({:atomics, :x}, 1) end)
