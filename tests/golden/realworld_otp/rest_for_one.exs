defmodule Store do
  use Agent

  def start_link(_), do: Agent.start_link(fn -> Main.started("Store started"); [] end, name: __MODULE__)
  def add(x), do: Agent.update(__MODULE__, &[x | &1])
  def all, do: Agent.get(__MODULE__, &Enum.reverse/1)
end

defmodule Indexer do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: __MODULE__)
  def index(x), do: GenServer.call(__MODULE__, {:index, x})

  @impl true
  def init(_) do
    Main.started("Indexer started, store has #{length(Store.all())} items")
    {:ok, 0}
  end

  @impl true
  def handle_call({:index, x}, _from, n) do
    Store.add(x)
    {:reply, n + 1, n + 1}
  end
end

defmodule Api do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: __MODULE__)

  @impl true
  def init(_) do
    Main.started("Api started")
    {:ok, nil}
  end
end

defmodule MyApp.Supervisor do
  use Supervisor

  def start_link(strategy) do
    Supervisor.start_link(__MODULE__, strategy, name: __MODULE__)
  end

  @impl true
  def init(strategy) do
    children = [
      Store,
      Indexer,
      %{id: :api, start: {Api, :start_link, [[]]}}
    ]

    Supervisor.init(children, strategy: strategy, max_restarts: 5, max_seconds: 10)
  end
end

defmodule Main do
  def started(msg), do: send(:main, {:started, msg})

  def expect(n) do
    for _ <- 1..n do
      receive do
        {:started, msg} -> IO.puts(msg)
      end
    end
  end

  def kill_and_wait(name) do
    pid = Process.whereis(name)
    ref = Process.monitor(pid)
    Process.exit(pid, :kill)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.puts("#{inspect(name)} down: #{inspect(reason)}")
    end
    wait_restart(name, pid)
  end

  defp wait_restart(name, old) do
    case Process.whereis(name) do
      pid when is_pid(pid) and pid != old -> :ok
      _ -> Process.sleep(2); wait_restart(name, old)
    end
  end

  def children do
    MyApp.Supervisor
    |> Supervisor.which_children()
    |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end)
  end

  def run do
    Process.register(self(), :main)
    {:ok, _} = MyApp.Supervisor.start_link(:rest_for_one)
    expect(3)
    IO.inspect(children(), label: "children")
    IO.inspect(Indexer.index("a"), label: "indexed")
    IO.inspect(Indexer.index("b"), label: "indexed")

    IO.puts("-- killing Indexer")
    kill_and_wait(Indexer)
    expect(2)
    IO.inspect(Store.all(), label: "store kept")

    IO.puts("-- killing Store")
    kill_and_wait(Store)
    expect(3)
    IO.inspect(Store.all(), label: "store after restart")

    IO.puts("-- terminate/restart/delete child")
    IO.inspect(Supervisor.terminate_child(MyApp.Supervisor, :api), label: "terminate api")
    IO.inspect(children(), label: "children")
    {:ok, _} = Supervisor.restart_child(MyApp.Supervisor, :api)
    expect(1)
    IO.inspect(Supervisor.delete_child(MyApp.Supervisor, :api), label: "delete running")
    :ok = Supervisor.terminate_child(MyApp.Supervisor, :api)
    IO.inspect(Supervisor.delete_child(MyApp.Supervisor, :api), label: "delete stopped")
    IO.inspect(Supervisor.count_children(MyApp.Supervisor), label: "counts")
    spec = Supervisor.child_spec({Agent, fn -> :extra end}, id: :extra_agent)
    IO.inspect(Map.take(spec, [:id, :type, :restart]), label: "spec")
    {:ok, extra} = Supervisor.start_child(MyApp.Supervisor, spec)
    IO.inspect(Agent.get(extra, & &1), label: "extra agent")
    IO.inspect(Supervisor.start_child(MyApp.Supervisor, spec) |> elem(0), label: "duplicate")
    IO.inspect(children(), label: "final children")
  end
end

Main.run()
