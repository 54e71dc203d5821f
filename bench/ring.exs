# Message passing around a ring: 10,000 processes, each knowing the next one; a token carrying
# a hop count goes round and round until it has made 1,000,000 hops (100 laps). The process
# holding it then reports to the main process. Measures send + receive + context switch.
# Lines starting with "# " are timings (they vary from run to run and are not compared).
defmodule Ring do
  # A ring member first learns its successor, then forwards the token.
  def start(index, main) do
    receive do
      {:next, next} -> loop(index, next, main)
    end
  end

  def loop(index, next, main) do
    receive do
      {:token, count, hops} -> pass(index, next, main, count, hops)
    end
  end

  def pass(index, _next, main, count, hops) when count == hops do
    send(main, {:done, count, index})
  end

  def pass(index, next, main, count, hops) do
    send(next, {:token, count + 1, hops})
    loop(index, next, main)
  end

  # Spawns members n..1; returns their pids in the order 1..n.
  def spawn_ring(0, _main, acc), do: acc

  def spawn_ring(i, main, acc) do
    pid = spawn(fn -> start(i, main) end)
    spawn_ring(i - 1, main, [pid | acc])
  end

  # Tells member k about member k+1, and the last one about the first.
  def link_ring([last], first), do: send(last, {:next, first})

  def link_ring([a, b | rest], first) do
    send(a, {:next, b})
    link_ring([b | rest], first)
  end

  def main(size, hops) do
    t0 = System.monotonic_time(:nanosecond)
    pids = spawn_ring(size, self(), [])
    [first | _] = pids
    link_ring(pids, first)
    t1 = System.monotonic_time(:nanosecond)
    send(first, {:token, 0, hops})

    receive do
      {:done, count, index} ->
        t2 = System.monotonic_time(:nanosecond)
        IO.puts("ring of #{size} processes: #{count} hops, token ends at process #{index}")
        IO.puts("# setup_ms #{div(t1 - t0, 1000000)}")
        IO.puts("# hops_ms #{div(t2 - t1, 1000000)}")
        IO.puts("# ns_per_hop #{div(t2 - t1, hops)}")
    end
  end
end

Ring.main(10000, 1000000)
