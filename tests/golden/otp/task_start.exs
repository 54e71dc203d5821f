# Task.start/1 and Task.start_link/1 run fire-and-forget work.
defmodule Fire do
  def run do
    parent = self()
    {:ok, pid} = Task.start(fn -> send(parent, {:hello_from, self()}) end)

    receive do
      {:hello_from, ^pid} -> IO.puts("started task said hello")
    end

    {:ok, pid2} = Task.start_link(fn ->
      receive do
        {:double, n, from} -> send(from, {:doubled, n * 2})
      end
    end)

    ref = Process.monitor(pid2)
    send(pid2, {:double, 21, self()})

    receive do
      {:doubled, v} -> IO.inspect(v, label: "doubled")
    end

    receive do
      {:DOWN, ^ref, :process, ^pid2, reason} -> IO.inspect(reason, label: "start_link task exit")
    end

    # many fire-and-forget tasks reporting back
    for i <- 1..20, do: Task.start(fn -> send(parent, {:n, i}) end)
    total = Enum.reduce(1..20, 0, fn _, acc -> receive do: ({:n, i} -> acc + i) end)
    IO.inspect(total, label: "total")
  end
end

Fire.run()
