# Process.list/0 and :erlang.system_info(:schedulers_online), compared loosely.
defmodule Listing do
  def run do
    before = Process.list()
    IO.inspect(length(before) > 0, label: "some processes")
    IO.inspect(self() in before, label: "self listed")
    IO.inspect(:erlang.system_info(:schedulers_online) > 0, label: "schedulers online")
    IO.inspect(System.schedulers_online() > 0, label: "System.schedulers_online")

    pids = for _ <- 1..20, do: spawn(fn -> receive do: (:stop -> :ok) end)
    during = Process.list()
    IO.inspect(length(during) >= length(before) + 20, label: "grew by 20")
    IO.inspect(Enum.all?(pids, &(&1 in during)), label: "all new pids listed")

    refs = for p <- pids, do: Process.monitor(p)
    Enum.each(pids, &send(&1, :stop))
    for r <- refs, do: (receive do: ({:DOWN, ^r, :process, _, _} -> :ok))
    after_stop = Process.list()
    IO.inspect(Enum.any?(pids, &(&1 in after_stop)), label: "stopped pids listed")
  end
end

Listing.run()
