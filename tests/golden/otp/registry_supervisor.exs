# A Registry under a Supervisor (child_spec/1), workers and a supervisor named through it, and
# a restarted worker registering its via name again.
defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: via(id))
  def via(id), do: {:via, Registry, {Reg.S, {:worker, id}}}
  def init(id), do: {:ok, id}
  def handle_call(:id, _from, id), do: {:reply, id, id}
end

defmodule Main do
  def run do
    children = [
      {Registry, keys: :unique, name: Reg.S},
      %{id: :w1, start: {Worker, :start_link, [1]}},
      %{id: :w2, start: {Worker, :start_link, [2]}}
    ]

    sup_name = {:via, Registry, {Reg.S, :sup}}
    {:ok, sup} = Supervisor.start_link([Supervisor.child_spec({Registry, keys: :duplicate, name: Reg.S2}, id: :r2)], strategy: :one_for_one, name: Reg.Top)
    IO.inspect(is_pid(sup))
    {:ok, inner} = Supervisor.start_link(children, strategy: :one_for_one)
    IO.inspect(Supervisor.count_children(inner))
    IO.inspect(GenServer.call(Worker.via(1), :id))
    IO.inspect(GenServer.call(Worker.via(2), :id))
    IO.inspect(Registry.count(Reg.S))

    {:ok, named} = Supervisor.start_link([], strategy: :one_for_one, name: sup_name)
    IO.inspect(GenServer.whereis(sup_name) == named)
    IO.inspect(Supervisor.which_children(sup_name))

    [{old, nil}] = Registry.lookup(Reg.S, {:worker, 1})
    ref = Process.monitor(old)
    Process.exit(old, :kill)

    receive do
      {:DOWN, ^ref, :process, ^old, reason} -> IO.inspect(reason, label: "worker down")
    end

    new = wait_for_new(old)
    IO.inspect(new != old)
    IO.inspect(GenServer.call(Worker.via(1), :id))
  end

  # The supervisor restarts the worker, which registers again: poll the registry until it has.
  defp wait_for_new(old) do
    case Registry.lookup(Reg.S, {:worker, 1}) do
      [{pid, nil}] when pid != old -> pid
      _ -> Process.sleep(1); wait_for_new(old)
    end
  end
end

Main.run()
