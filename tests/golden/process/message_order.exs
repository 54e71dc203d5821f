# Messages between one sender and one receiver arrive in the order they were sent.
defmodule Order do
  def collect(0, acc), do: Enum.reverse(acc)

  def collect(n, acc) do
    receive do
      {:n, x} -> collect(n - 1, [x | acc])
    end
  end

  def run do
    parent = self()

    receiver =
      spawn(fn ->
        got = collect(1000, [])
        send(parent, {:in_order, got == Enum.to_list(1..1000), length(got)})
      end)

    sender = spawn(fn -> for i <- 1..1000, do: send(receiver, {:n, i}) end)
    _ = sender

    receive do
      {:in_order, ok, len} -> IO.inspect({ok, len}, label: "single sender")
    end

    # several senders interleave, but each sender's own messages stay in order
    senders = for s <- 1..5, do: spawn(fn -> for i <- 1..200, do: send(parent, {:from, s, i}) end)
    _ = senders

    msgs =
      for _ <- 1..1000 do
        receive do
          {:from, s, i} -> {s, i}
        end
      end

    per_sender = Enum.group_by(msgs, &elem(&1, 0), &elem(&1, 1))

    for s <- 1..5 do
      IO.inspect(per_sender[s] == Enum.to_list(1..200), label: "sender #{s} in order")
    end

    # messages to self are in order too
    for i <- 1..10, do: send(self(), i)
    IO.inspect(for(_ <- 1..10, do: (receive do: (i -> i))), label: "self")
  end
end

Order.run()
