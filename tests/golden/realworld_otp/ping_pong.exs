defmodule PingPong do
  def start(max) do
    parent = self()
    pong = spawn(fn -> pong_loop(0) end)
    ref = Process.monitor(pong)
    _ping = spawn(fn -> ping_loop(pong, max, 0, parent) end)
    {ref, pong}
  end

  defp ping_loop(pong, max, count, parent) when count >= max do
    send(pong, {:stop, self()})
    receive do
      {:pong_total, n} -> send(parent, {:finished, count, n})
    end
  end

  defp ping_loop(pong, max, count, parent) do
    send(pong, {:ping, self(), count})
    receive do
      {:pong, ^count} ->
        if rem(count, 25) == 0, do: IO.puts("ping #{count} <-> pong")
        ping_loop(pong, max, count + 1, parent)
    end
  end

  defp pong_loop(count) do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, n})
        pong_loop(count + 1)

      {:stop, from} ->
        send(from, {:pong_total, count})
    end
  end
end

{ref, _pong} = PingPong.start(100)

receive do
  {:finished, pings, pongs} -> IO.puts("done: #{pings} pings, #{pongs} pongs")
end

receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "pong exited")
end

# a ring of processes passing a token
defmodule Ring do
  def start(n, rounds) do
    parent = self()
    first = spawn(fn -> first_node(parent, rounds) end)
    last = Enum.reduce(2..n, first, fn _, next -> spawn(fn -> relay(next) end) end)
    send(first, {:init, last})
    receive do
      {:ring_done, hops} -> hops
    end
  end

  defp first_node(parent, rounds) do
    receive do
      {:init, next} ->
        send(next, {:token, 0})
        loop_first(parent, next, rounds)
    end
  end

  defp loop_first(parent, next, 1) do
    receive do
      {:token, hops} ->
        send(next, :stop)
        send(parent, {:ring_done, hops})
    end
  end

  defp loop_first(parent, next, rounds) do
    receive do
      {:token, hops} ->
        send(next, {:token, hops})
        loop_first(parent, next, rounds - 1)
    end
  end

  defp relay(next) do
    receive do
      {:token, hops} -> send(next, {:token, hops + 1}); relay(next)
      :stop -> send(next, :stop)
    end
  end
end

IO.inspect(Ring.start(10, 5), label: "ring hops")
