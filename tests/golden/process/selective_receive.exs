# Selective receive: matching messages are taken out of order, the rest stay queued in order.
defmodule Mailbox do
  def flush(acc) do
    receive do
      msg -> flush([msg | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def run do
    for m <- [{:low, 1}, {:high, 1}, {:low, 2}, :noise, {:high, 2}, {:low, 3}, {:high, 3}] do
      send(self(), m)
    end

    # take all :high messages first
    highs =
      for _ <- 1..3 do
        receive do
          {:high, n} -> n
        end
      end

    IO.inspect(highs, label: "high")
    IO.inspect(Process.info(self(), :message_queue_len), label: "queue")

    # now a specific one from the middle
    receive do
      {:low, 2} -> IO.puts("took low 2")
    end

    IO.inspect(flush([]), label: "rest in order")
    IO.inspect(flush([]), label: "empty")

    # a message sent by another process while we wait selectively
    parent = self()
    spawn(fn ->
      send(parent, {:tag, :first})
      send(parent, {:wanted, 42})
      send(parent, {:tag, :last})
    end)

    receive do
      {:wanted, v} -> IO.inspect(v, label: "wanted")
    end

    receive do
      {:tag, :last} -> IO.puts("took last tag")
    end

    IO.inspect(flush([]), label: "left")
  end
end

Mailbox.run()
