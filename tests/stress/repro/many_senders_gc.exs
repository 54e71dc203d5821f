# Repro: receiving from many senders is quadratic. 100 senders x 500 messages to one receiver
# under --schedulers 1: every sender runs before the receiver, 50,000 messages queue up, and
# each one is adopted as its own heap fragment; the receiver's GC then checks every pointer
# against the whole fragment list (gc.c in_from_space), so it spends ~95% of its time in
# evacuate (perf). One sender x 50,000 messages is fast. Args: SENDERS PER_SENDER.
defmodule M do
  def recv(0), do: :ok

  def recv(n) do
    receive do
      {:m, _} -> recv(n - 1)
    end
  end

  def run(senders, per) do
    me = self()
    for _ <- 1..senders, do: spawn(fn -> Enum.each(1..per, fn i -> send(me, {:m, i}) end) end)
    t0 = System.monotonic_time(:millisecond)
    recv(senders * per)
    IO.puts(:stderr, "#{senders}x#{per}: #{System.monotonic_time(:millisecond) - t0} ms")
    IO.puts("ok")
  end
end

case System.argv() do
  [s, p] -> M.run(String.to_integer(s), String.to_integer(p))
  _ -> M.run(100, 500)
end
