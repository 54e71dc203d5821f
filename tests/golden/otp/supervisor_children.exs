# Child specs as modules, {module, arg} tuples and %{id:, start:} maps; which_children and
# count_children; terminate/restart/delete_child.
defmodule Store do
  use Agent

  def start_link(initial), do: Agent.start_link(fn -> initial end)
end

defmodule Clock do
  use GenServer

  def start_link(_opts), do: GenServer.start_link(__MODULE__, 0)

  @impl true
  def init(n), do: {:ok, n}
end

defmodule Main do
  def summary(sup) do
    sup
    |> Supervisor.which_children()
    |> Enum.map(fn {id, pid, type, modules} -> {id, is_pid(pid), type, modules} end)
    |> Enum.sort()
  end

  def run do
    children = [
      Clock,
      {Store, %{}},
      %{id: :plain_task, start: {Task, :start_link, [fn -> Process.sleep(:infinity) end]}},
      Supervisor.child_spec({Store, [1, 2]}, id: :second_store)
    ]

    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: MySup)
    IO.inspect(Process.whereis(MySup) == sup, label: "named supervisor")
    IO.inspect(Supervisor.count_children(sup), label: "count")
    IO.inspect(length(Supervisor.which_children(sup)), label: "which_children length")
    IO.inspect(summary(sup), label: "children")

    IO.inspect(Supervisor.terminate_child(MySup, :second_store), label: "terminate_child")
    IO.inspect(Supervisor.count_children(MySup), label: "count after terminate")
    {:ok, pid} = Supervisor.restart_child(MySup, :second_store)
    IO.inspect(Agent.get(pid, & &1), label: "restarted store state")
    :ok = Supervisor.terminate_child(MySup, :second_store)
    IO.inspect(Supervisor.delete_child(MySup, :second_store), label: "delete_child")
    IO.inspect(Supervisor.terminate_child(MySup, :nope), label: "terminate unknown")

    {:ok, extra} = Supervisor.start_child(MySup, %{id: :extra, start: {Agent, :start_link, [fn -> :extra end]}})
    IO.inspect(Agent.get(extra, & &1), label: "start_child")
    IO.inspect(Supervisor.start_child(MySup, %{id: :extra, start: {Agent, :start_link, [fn -> 1 end]}}) |> elem(0), label: "duplicate id")
    IO.inspect(Supervisor.count_children(MySup), label: "final count")

    # the default child spec of a module and a tuple
    IO.inspect(Clock.child_spec([]), label: "Clock.child_spec")
    IO.inspect(Supervisor.child_spec({Store, :x}, restart: :temporary), label: "child_spec override")
    IO.inspect(Supervisor.stop(MySup), label: "stop")
  end
end

Main.run()
