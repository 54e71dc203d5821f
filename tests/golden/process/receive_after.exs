# receive ... after: 0 polls the mailbox, N waits, the timeout can be a variable.
defmodule Timeouts do
  def poll do
    receive do
      msg -> {:got, msg}
    after
      0 -> :empty
    end
  end

  def wait(ms) do
    receive do
      {:never, _} -> :impossible
    after
      ms -> {:timeout, ms}
    end
  end

  def run do
    IO.inspect(poll(), label: "poll empty")
    send(self(), :hello)
    IO.inspect(poll(), label: "poll with message")
    IO.inspect(poll(), label: "poll again")
    IO.inspect(wait(20), label: "wait")
    timeout = 5 * 2
    IO.inspect(wait(timeout), label: "variable timeout")

    # a message that arrives before the timeout wins
    parent = self()
    spawn(fn -> send(parent, :quick) end)

    result =
      receive do
        :quick -> :message_first
      after
        5_000 -> :timed_out
      end

    IO.inspect(result, label: "race")

    # non-matching messages do not stop the timeout, and stay queued
    send(self(), :unrelated)
    IO.inspect(wait(10), label: "wait with unrelated message")
    IO.inspect(poll(), label: "still queued")

    # receive with only an after clause is a sleep
    receive do
    after
      15 -> IO.puts("slept via receive")
    end

    # the after body can compute a value
    value =
      receive do
        :x -> 1
      after
        0 -> Enum.sum(1..10)
      end

    IO.inspect(value, label: "after value")
  end
end

Timeouts.run()
