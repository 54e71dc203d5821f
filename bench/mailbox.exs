# Mailbox throughput: the main process sends the integers 1..1,000,000 to one receiver, which
# sums them; a final {:done, from} asks for the sum (messages from one sender arrive in order).
# With one scheduler the sender runs a whole time slice before the receiver gets to run, so
# the receiver's mailbox fills up and drains in batches.
# Lines starting with "# " are timings (they vary from run to run and are not compared).
defmodule Mailbox do
  def receiver(acc) do
    receive do
      {:done, from} -> send(from, {:sum, acc})
      n -> receiver(acc + n)
    end
  end

  def send_all(_pid, i, n) when i > n, do: :ok

  def send_all(pid, i, n) do
    send(pid, i)
    send_all(pid, i + 1, n)
  end

  def main(n) do
    t0 = System.monotonic_time(:nanosecond)
    pid = spawn(fn -> receiver(0) end)
    send_all(pid, 1, n)
    t1 = System.monotonic_time(:nanosecond)
    send(pid, {:done, self()})

    receive do
      {:sum, sum} ->
        t2 = System.monotonic_time(:nanosecond)
        IO.puts("#{n} messages, sum #{sum}")
        IO.puts("# send_ms #{div(t1 - t0, 1000000)}")
        IO.puts("# total_ms #{div(t2 - t0, 1000000)}")
        IO.puts("# ns_per_message #{div(t2 - t0, n)}")
    end
  end
end

Mailbox.main(1000000)
