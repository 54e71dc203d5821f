# Two processes play ping-pong a fixed number of times, then report to the main process.
defmodule PingPong do
  def player(name, parent) do
    receive do
      {:ball, 0, _from} ->
        send(parent, {:finished, name})

      {:ball, n, from} ->
        if rem(n, 25) == 0, do: send(parent, {:log, name, n})
        send(from, {:ball, n - 1, self()})
        player(name, parent)
    end
  end

  def run do
    parent = self()
    ping = spawn(fn -> player(:ping, parent) end)
    pong = spawn(fn -> player(:pong, parent) end)
    send(ping, {:ball, 100, pong})

    finisher = wait_finish([])
    IO.inspect(finisher, label: "log")
  end

  defp wait_finish(log) do
    receive do
      {:log, name, n} -> wait_finish([{name, n} | log])
      {:finished, name} -> Enum.reverse([{:finished, name} | log])
    end
  end
end

PingPong.run()
