# Supervisor :one_for_all restarts every child when one crashes.
defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  def child_spec(name) do
    %{id: name, start: {__MODULE__, :start_link, [name]}}
  end

  @impl true
  def init(name), do: {:ok, name}

  @impl true
  def handle_cast(:crash, name), do: {:stop, :crashed_on_purpose, name}
end

defmodule Main do
  def wait_for_restart(name, old) do
    case Process.whereis(name) do
      pid when is_pid(pid) and pid != old -> pid
      _ -> Process.sleep(5); wait_for_restart(name, old)
    end
  end

  def run do
    names = [:w1, :w2, :w3]
    children = Enum.map(names, &{Worker, &1})
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_all)
    old = Enum.map(names, &Process.whereis/1)
    IO.inspect(Enum.all?(old, &is_pid/1), label: "all started")

    refs = Enum.map(old, &Process.monitor/1)
    GenServer.cast(:w2, :crash)

    reasons =
      for ref <- refs do
        receive do
          {:DOWN, ^ref, :process, _, reason} -> reason
        end
      end

    Logger.flush()
    IO.inspect(reasons, label: "down reasons")

    new = Enum.zip(names, old) |> Enum.map(fn {n, o} -> wait_for_restart(n, o) end)
    IO.inspect(Enum.zip(old, new) |> Enum.map(fn {o, n} -> n != o end), label: "all restarted")

    IO.inspect(Supervisor.count_children(sup), label: "count_children")
    Supervisor.stop(sup)
    IO.inspect(Enum.map(names, &Process.whereis/1), label: "after Supervisor.stop")
  end
end

Main.run()
