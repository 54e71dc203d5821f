# Task.async/await: several tasks run in parallel and their results come back in order.
defmodule Work do
  def slow_square(n) do
    # later tasks finish first, but await returns results in the order we ask
    Process.sleep((6 - n) * 10)
    n * n
  end

  def run do
    task = Task.async(fn -> 1 + 1 end)
    IO.inspect(Task.await(task), label: "single task")

    tasks = for n <- 1..5, do: Task.async(fn -> slow_square(n) end)
    IO.inspect(Enum.map(tasks, &Task.await/1), label: "awaited in order")

    tasks = for n <- 1..3, do: Task.async(Work, :slow_square, [n])
    IO.inspect(Task.await_many(tasks), label: "await_many")

    # a task's owner is the caller
    t = Task.async(fn -> :ok end)
    IO.inspect(t.owner == self(), label: "owner is self")
    IO.inspect(is_pid(t.pid) and is_reference(t.ref), label: "pid and ref")
    Task.await(t)

    # tasks can be nested and use the process dictionary of their own
    outer =
      Task.async(fn ->
        Process.put(:where, :outer)
        inner = Task.async(fn -> Process.get(:where, :not_set) end)
        {Process.get(:where), Task.await(inner)}
      end)

    IO.inspect(Task.await(outer), label: "nested")

    # the reply message is consumed: the mailbox is empty afterwards
    Task.async(fn -> :x end) |> Task.await()
    IO.inspect(Process.info(self(), :message_queue_len), label: "mailbox")
  end
end

Work.run()
