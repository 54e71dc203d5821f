# A ring of 1000 processes passes a token around several times.
defmodule Ring do
  def node_loop(next) do
    receive do
      {:token, 0, origin} ->
        send(origin, :done)
        node_loop(next)

      {:token, hops, origin} ->
        send(next, {:token, hops - 1, origin})
        node_loop(next)

      {:stop, origin} ->
        send(next, {:stop, origin})
    end
  end

  # each process is spawned with the pid of the one after it; the last points to the first
  def build(1, first), do: spawn(fn -> node_loop(first) end)

  def build(n, first) do
    next = build(n - 1, first)
    spawn(fn -> node_loop(next) end)
  end

  def run(size, laps) do
    first =
      spawn(fn ->
        receive do
          {:next, next} -> node_loop(next)
        end
      end)

    second = build(size - 1, first)
    send(first, {:next, second})
    send(first, {:token, size * laps, self()})

    receive do
      :done -> IO.puts("token went #{laps} times around a ring of #{size}")
    end

    # a counter token that every node increments
    collector = self()
    counter =
      spawn(fn ->
        Enum.reduce(1..size, 0, fn _, acc ->
          receive do
            :hop -> acc + 1
          end
        end)
        |> then(&send(collector, {:count, &1}))
      end)

    for _ <- 1..size, do: send(counter, :hop)

    receive do
      {:count, c} -> IO.inspect(c, label: "hops counted")
    end

    ref = Process.monitor(first)
    send(first, {:stop, self()})

    receive do
      {:DOWN, ^ref, :process, ^first, reason} -> IO.inspect(reason, label: "first node")
    end
  end
end

Ring.run(1000, 3)
