# A named ETS cache owned by a GenServer: reads go straight to the table, writes through the server
defmodule Cache do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def put(key, value), do: GenServer.call(__MODULE__, {:put, key, value})
  def fetch(key, fun) do
    case :ets.lookup(:cache_table, key) do
      [{^key, value}] ->
        {:hit, value}
      [] ->
        value = fun.()
        put(key, value)
        {:miss, value}
    end
  end
  def stats, do: GenServer.call(__MODULE__, :stats)

  @impl true
  def init(:ok) do
    table = :ets.new(:cache_table, [:named_table, :set, :protected, read_concurrency: true])
    {:ok, %{table: table, writes: 0}}
  end

  @impl true
  def handle_call({:put, key, value}, _from, state) do
    :ets.insert(state.table, {key, value})
    {:reply, :ok, %{state | writes: state.writes + 1}}
  end

  def handle_call(:stats, _from, state) do
    {:reply, {state.writes, :ets.info(state.table, :size)}, state}
  end
end

defmodule Main do
  def run do
    {:ok, pid} = Cache.start_link([])
    IO.inspect(Cache.fetch(:answer, fn -> 42 end))
    IO.inspect(Cache.fetch(:answer, fn -> raise "not called" end))
    IO.inspect(Cache.fetch("text", fn -> String.duplicate("ab", 3) end))
    IO.inspect(Cache.fetch("text", fn -> :unused end))
    IO.inspect(Cache.fetch({:user, 1}, fn -> %{name: "Ann", tags: [:a, :b]} end))
    IO.inspect(Cache.fetch({:user, 1}, fn -> :unused end))
    tasks = for i <- 1..20, do: Task.async(fn -> Cache.fetch(rem(i, 5), fn -> i * 100 end) end)
    results = Enum.map(tasks, &Task.await/1)
    IO.inspect(Enum.count(results, fn {kind, _} -> kind == :hit end) + Enum.count(results, fn {kind, _} -> kind == :miss end))
    IO.inspect(Enum.sort(for k <- 0..4, do: k in :ets.foldl(fn {key, _}, acc -> [key | acc] end, [], :cache_table)))
    {writes, size} = Cache.stats()
    IO.inspect(size)
    IO.inspect(writes >= size)
    IO.inspect(:ets.info(:cache_table, :owner) == pid)
    big = String.duplicate("x", 1000)
    Cache.put(:big, big)
    IO.inspect(byte_size(elem(hd(:ets.lookup(:cache_table, :big)), 1)))
    ref = Process.monitor(pid)
    GenServer.stop(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason)
    end
    IO.inspect(:ets.whereis(:cache_table))
  end
end

Main.run()
