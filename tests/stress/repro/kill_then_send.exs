# Repro: a message sent after Process.exit(pid, :kill) must never be received by pid (signals from
# one sender arrive in order, and the kill takes effect first). The victim busy-polls its
# mailbox (receive ... after 0) so it is running when both arrive. BEAM: "pongs after kill: 0".
# Ember with --schedulers 2 or 4 answers ~20% of them.
defmodule K do
  def poll do
    receive do
      {:ping, from} -> send(from, :pong)
      poll()
    after
      0 -> poll()
    end
  end
  def run(0, bad), do: bad
  def run(n, bad) do
    pid = spawn(fn -> poll() end)
    send(pid, {:ping, self()})
    receive do
      :pong -> :ok
    end
    Process.exit(pid, :kill)
    send(pid, {:ping, self()})
    bad = receive do
      :pong -> bad + 1
    after
      20 -> bad
    end
    run(n - 1, bad)
  end
end
IO.puts("pongs after kill: #{K.run(200, 0)}")
