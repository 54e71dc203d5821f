# Task.await with a timeout exits the caller; the exit can be caught with catch :exit.
defmodule Slow do
  def run do
    task = Task.async(fn -> Process.sleep(5_000) end)

    result =
      try do
        Task.await(task, 50)
      catch
        :exit, reason -> reason
      end

    {:timeout, {Task, :await, [%Task{}, 50]}} = result
    IO.inspect(elem(result, 0), label: "reason")
    {_, {mod, fun, [_task, timeout]}} = result
    IO.inspect({mod, fun, timeout}, label: "where")

    # Task.yield returns nil on timeout and leaves the task running; shutdown stops it
    task2 = Task.async(fn -> Process.sleep(5_000) end)
    IO.inspect(Task.yield(task2, 20), label: "yield")
    IO.inspect(Task.shutdown(task2), label: "shutdown")
    IO.inspect(Process.alive?(task2.pid), label: "alive after shutdown")

    task3 = Task.async(fn -> :quick end)
    IO.inspect(Task.yield(task3, 5000), label: "yield finished")

    # awaiting a task that already replied just takes the reply
    task4 = Task.async(fn -> 40 + 2 end)
    IO.inspect(Task.yield(task4, :infinity), label: "yield infinity")
  end
end

Slow.run()
