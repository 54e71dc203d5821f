defmodule Counter do
  use GenServer

  def start_link(opts) do
    GenServer.start_link(__MODULE__, Keyword.get(opts, :start, 0), name: __MODULE__)
  end

  def increment, do: GenServer.call(__MODULE__, :increment)
  def value, do: GenServer.call(__MODULE__, :value)
  def crash!, do: GenServer.cast(__MODULE__, :crash)

  @impl true
  def init(start) do
    if observer = Process.whereis(:observer), do: send(observer, {:counter_started, start})
    {:ok, start}
  end

  @impl true
  def handle_call(:increment, _from, n), do: {:reply, n + 1, n + 1}
  def handle_call(:value, _from, n), do: {:reply, n, n}

  @impl true
  def handle_cast(:crash, _n), do: raise(ArgumentError, "boom")
end

defmodule Greeter do
  use GenServer

  def start_link(greeting), do: GenServer.start_link(__MODULE__, greeting, name: __MODULE__)
  def greet(name), do: GenServer.call(__MODULE__, {:greet, name})

  @impl true
  def init(greeting), do: {:ok, greeting}

  @impl true
  def handle_call({:greet, name}, _from, greeting), do: {:reply, "#{greeting}, #{name}!", greeting}
end

defmodule Settings do
  use Agent

  def start_link(initial), do: Agent.start_link(fn -> initial end, name: __MODULE__)
  def get(key), do: Agent.get(__MODULE__, &Map.get(&1, key))
  def put(key, value), do: Agent.update(__MODULE__, &Map.put(&1, key, value))
end

defmodule App do
  def start do
    children = [
      {Counter, start: 10},
      {Greeter, "Hello"},
      {Settings, %{mode: :dev}}
    ]

    Supervisor.start_link(children, strategy: :one_for_one, name: App.Supervisor)
  end

  def await_new_pid(name, old) do
    case Process.whereis(name) do
      nil -> Process.sleep(1); await_new_pid(name, old)
      ^old -> Process.sleep(1); await_new_pid(name, old)
      pid -> pid
    end
  end
end

Process.register(self(), :observer)
{:ok, sup} = App.start()
receive do {:counter_started, n} -> IO.puts("Counter starting at #{n}") end
IO.inspect(Process.alive?(sup), label: "supervisor alive")

IO.inspect(Counter.increment(), label: "inc")
IO.inspect(Counter.increment(), label: "inc")
IO.puts(Greeter.greet("Joe"))
Settings.put(:mode, :prod)
IO.inspect(Settings.get(:mode), label: "mode")

counts = Supervisor.count_children(App.Supervisor)
IO.inspect(counts, label: "count_children")

ids =
  App.Supervisor
  |> Supervisor.which_children()
  |> Enum.map(fn {id, _pid, type, modules} -> {id, type, modules} end)
  |> Enum.sort()
IO.inspect(ids, label: "children")

old = Process.whereis(Counter)
ref = Process.monitor(old)
Counter.crash!()
receive do
  {:DOWN, ^ref, :process, _, reason} ->
    {exception, _stack} = reason
    IO.inspect(exception, label: "counter died with")
end

receive do {:counter_started, n} -> IO.puts("Counter restarted at #{n}") end
new = App.await_new_pid(Counter, old)
IO.inspect(new != old, label: "restarted with new pid")
IO.inspect(Counter.value(), label: "value after restart")
IO.inspect(Settings.get(:mode), label: "settings untouched")
IO.puts(Greeter.greet("Mike"))

:ok = Supervisor.stop(App.Supervisor)
IO.inspect(Process.alive?(sup), label: "supervisor alive after stop")
IO.inspect(Process.whereis(Greeter), label: "greeter after stop")
