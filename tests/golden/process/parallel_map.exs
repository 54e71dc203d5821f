# A parallel map built from spawn/send/receive: results collected in input order via pinned pids.
defmodule Parallel do
  def pmap(list, fun) do
    parent = self()

    list
    |> Enum.map(fn x -> spawn(fn -> send(parent, {self(), fun.(x)}) end) end)
    |> Enum.map(fn pid ->
      receive do
        {^pid, result} -> result
      end
    end)
  end

  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def run do
    IO.inspect(pmap(1..10, &(&1 * &1)), label: "squares")
    IO.inspect(pmap([20, 5, 15, 1, 10], &fib/1), label: "fibs")
    IO.inspect(pmap(~w(alpha beta gamma), &String.upcase/1), label: "upcased")
    IO.inspect(pmap([], &(&1 + 1)), label: "empty")

    # closures capturing variables and functions sent as messages
    offset = 100
    adders = pmap(1..3, fn n -> fn x -> x + n + offset end end)
    IO.inspect(Enum.map(adders, & &1.(1000)), label: "closures from processes")

    worker =
      spawn(fn ->
        receive do
          {:run, fun, from} -> send(from, {:ran, fun.()})
        end
      end)

    send(worker, {:run, fn -> Enum.sum(1..offset) end, self()})

    receive do
      {:ran, v} -> IO.inspect(v, label: "function sent to a process")
    end
  end
end

Parallel.run()
