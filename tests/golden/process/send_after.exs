# Process.send_after/3, Process.cancel_timer/1 and Process.read_timer/1.
defmodule Timers do
  def run do
    t0 = System.monotonic_time(:millisecond)
    ref = Process.send_after(self(), :tick, 30)
    IO.inspect(is_reference(ref), label: "timer ref")

    receive do
      :tick -> IO.puts("tick")
    end

    IO.inspect(System.monotonic_time(:millisecond) - t0 >= 30, label: "waited at least 30 ms")

    # timers fire in order of their deadlines, not creation
    Process.send_after(self(), {:t, 3}, 150)
    Process.send_after(self(), {:t, 1}, 10)
    Process.send_after(self(), {:t, 2}, 80)

    order =
      for _ <- 1..3 do
        receive do
          {:t, n} -> n
        end
      end

    IO.inspect(order, label: "order")

    # cancel before it fires: returns the remaining milliseconds
    long = Process.send_after(self(), :never, 10_000)
    remaining = Process.read_timer(long)
    IO.inspect(is_integer(remaining) and remaining <= 10_000, label: "read_timer")
    left = Process.cancel_timer(long)
    IO.inspect(is_integer(left), label: "cancel running timer gives integer")
    IO.inspect(Process.cancel_timer(long), label: "cancel again")
    IO.inspect(Process.read_timer(long), label: "read cancelled")

    # cancel after it fired: false, and the message is still in the mailbox
    short = Process.send_after(self(), :fired, 0)

    receive do
      :fired -> IO.puts("fired")
    end

    IO.inspect(Process.cancel_timer(short), label: "cancel fired timer")

    receive do
      :never -> IO.puts("cancelled timer delivered!")
    after
      50 -> IO.puts("cancelled timer never delivered")
    end

    # send_after to another process, and to a registered name
    parent = self()
    pid = spawn(fn ->
      receive do
        :wake -> send(parent, :woken)
      end
    end)

    Process.send_after(pid, :wake, 20)

    receive do
      :woken -> IO.puts("other process woken")
    end

    Process.register(self(), :timer_main)
    Process.send_after(:timer_main, :by_name, 5)

    receive do
      :by_name -> IO.puts("timer to a name")
    end
  end
end

Timers.run()
