# Process.exit(pid, :kill) cannot be trapped; the monitor sees :killed.
defmodule Killer do
  def run do
    parent = self()

    victim = spawn(fn ->
      Process.flag(:trap_exit, true)
      send(parent, :trapping)
      loop()
    end)

    receive do
      :trapping -> :ok
    end

    ref = Process.monitor(victim)
    Process.exit(victim, :please_stop)
    send(victim, {:ping, self()})

    receive do
      {:pong, msgs} -> IO.inspect(msgs, label: "trapped so far")
    end

    Process.exit(victim, :kill)

    receive do
      {:DOWN, ^ref, :process, ^victim, reason} -> IO.inspect(reason, label: "down reason")
    end

    IO.inspect(Process.alive?(victim), label: "alive")

    # a linked, trapping parent sees :killed as well
    Process.flag(:trap_exit, true)
    linked = spawn_link(fn -> loop() end)
    Process.exit(linked, :kill)

    receive do
      {:EXIT, ^linked, reason} -> IO.inspect(reason, label: "EXIT reason")
    end
  end

  def loop(seen \\ []) do
    receive do
      {:ping, from} ->
        send(from, {:pong, Enum.reverse(seen)})
        loop(seen)

      {:EXIT, _from, reason} ->
        loop([reason | seen])
    end
  end
end

Killer.run()
