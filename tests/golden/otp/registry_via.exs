# {:via, Registry, {registry, key}} names for GenServer and Agent, and a custom via module.
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
end

defmodule MyVia do
  # A via module keeping names in an Agent registered as MyVia.Names.
  def register_name(name, pid) do
    Agent.get_and_update(MyVia.Names, fn m ->
      if Map.has_key?(m, name), do: {:no, m}, else: {:yes, Map.put(m, name, pid)}
    end)
  end

  def unregister_name(name), do: Agent.update(MyVia.Names, &Map.delete(&1, name))
  def whereis_name(name), do: Agent.get(MyVia.Names, &Map.get(&1, name, :undefined))

  def send(name, msg) do
    case whereis_name(name) do
      :undefined -> :erlang.error(:badarg, [name, msg])
      pid -> Kernel.send(pid, msg)
    end
  end
end

{:ok, _} = Registry.start_link(keys: :unique, name: Reg.V)
name = {:via, Registry, {Reg.V, :counter}}
{:ok, pid} = GenServer.start_link(Counter, 5, name: name)
IO.inspect(GenServer.whereis(name) == pid)
IO.inspect(Registry.lookup(Reg.V, :counter) == [{pid, nil}])
GenServer.cast(name, :inc)
IO.inspect(GenServer.call(name, :get))
{:error, {:already_started, other}} = GenServer.start_link(Counter, 0, name: name)
IO.inspect(other == pid)
IO.inspect(GenServer.stop(name))
IO.inspect(GenServer.whereis(name))
IO.inspect(Registry.lookup(Reg.V, :counter))
IO.inspect(GenServer.cast(name, :inc))

try do
  GenServer.call(name, :get)
catch
  :exit, {reason, {GenServer, :call, [^name, :get, 5000]}} -> IO.inspect(reason, label: "exit")
end

agent_name = {:via, Registry, {Reg.V, :agent}}
{:ok, _} = Agent.start_link(fn -> [] end, name: agent_name)
Agent.update(agent_name, &[:a | &1])
IO.inspect(Agent.get(agent_name, & &1))
{:ok, _} = Agent.start_link(fn -> %{} end, name: MyVia.Names)
custom = {:via, MyVia, :c1}
{:ok, cpid} = GenServer.start_link(Counter, 40, name: custom)
GenServer.cast(custom, :inc)
IO.inspect(GenServer.call(custom, :get))
IO.inspect(GenServer.whereis(custom) == cpid)
{:error, {:already_started, ^cpid}} = GenServer.start(Counter, 0, name: custom)
IO.puts("already started")
:ok = GenServer.stop(custom)
# OTP does not unregister a via name when the server stops; the via module keeps it.
IO.inspect(is_pid(MyVia.whereis_name(:c1)))

try do
  GenServer.start_link(Counter, 0, name: {:via, "notamodule", :x})
rescue
  e -> IO.inspect(e)
end
