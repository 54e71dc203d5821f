# Repro: signals from one process to another must arrive in the order sent (Erlang guarantee).
# Process.exit(pid, :shutdown) then send(pid, {:ping, self()}): a trapping receiver must see
# {:EXIT, _, :shutdown} before the ping. BEAM prints [:shutdown, :ping] three times growing;
# the last line is "ok".
defmodule T do
  def loop(seen) do
    receive do
      {:EXIT, _, r} -> loop([r | seen])
      {:ping, from} ->
        send(from, {:pong, Enum.reverse([:ping | seen])})
        loop([:ping | seen])
    end
  end
end

me = self()

pid = spawn(fn ->
  Process.flag(:trap_exit, true)
  send(me, :ready)
  T.loop([])
end)

receive do
  :ready -> :ok
end

last =
  Enum.reduce(1..3, nil, fn _, _ ->
    Process.exit(pid, :shutdown)
    send(pid, {:ping, self()})
    receive do
      {:pong, seen} -> IO.inspect(seen)
    end
  end)

IO.puts(if last == [:shutdown, :ping, :shutdown, :ping, :shutdown, :ping], do: "ok", else: "FAIL")
