# Process.alive?/1 before and after a process finishes.
defmodule Alive do
  def run do
    IO.inspect(Process.alive?(self()), label: "self alive")
    pid = spawn(fn ->
      receive do
        :go -> :ok
      end
    end)
    IO.inspect(Process.alive?(pid), label: "waiting child alive")
    ref = Process.monitor(pid)
    send(pid, :go)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "exit reason")
    end

    IO.inspect(Process.alive?(pid), label: "child alive after DOWN")

    pids = for i <- 1..5, do: spawn(fn -> receive do: (:go -> i) end)
    IO.inspect(Enum.all?(pids, &Process.alive?/1), label: "all alive")
    [first | _] = pids
    ref = Process.monitor(first)
    Process.exit(first, :kill)

    receive do
      {:DOWN, ^ref, :process, _, _} -> :ok
    end

    IO.inspect(Enum.map(pids, &Process.alive?/1), label: "after killing first")
    Enum.each(pids, &send(&1, :go))
  end
end

Alive.run()
