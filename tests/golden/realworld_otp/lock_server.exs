defmodule Mutex do
  use GenServer

  def start_link(opts \\ []), do: GenServer.start_link(__MODULE__, :ok, opts)

  def lock(mutex), do: GenServer.call(mutex, :lock, :infinity)
  def unlock(mutex), do: GenServer.call(mutex, :unlock)
  def owner?(mutex), do: GenServer.call(mutex, :owner?)

  @impl true
  def init(:ok), do: {:ok, %{holder: nil, ref: nil, queue: :queue.new()}}

  @impl true
  def handle_call(:lock, {pid, _} = from, %{holder: nil} = state) do
    {:reply, :ok, grant(state, from, pid)}
  end

  def handle_call(:lock, from, state) do
    {:noreply, %{state | queue: :queue.in(from, state.queue)}}
  end

  def handle_call(:unlock, {pid, _}, %{holder: pid} = state) do
    Process.demonitor(state.ref, [:flush])
    {:reply, :ok, next(%{state | holder: nil, ref: nil})}
  end

  def handle_call(:unlock, _from, state), do: {:reply, {:error, :not_owner}, state}

  def handle_call(:owner?, {pid, _}, state), do: {:reply, state.holder == pid, state}

  @impl true
  def handle_info({:DOWN, ref, :process, _pid, _reason}, %{ref: ref} = state) do
    {:noreply, next(%{state | holder: nil, ref: nil})}
  end

  defp grant(state, _from, pid) do
    %{state | holder: pid, ref: Process.monitor(pid)}
  end

  defp next(state) do
    case :queue.out(state.queue) do
      {{:value, {pid, _} = from}, rest} ->
        GenServer.reply(from, :ok)
        grant(%{state | queue: rest}, from, pid)

      {:empty, _} ->
        state
    end
  end
end

{:ok, m} = Mutex.start_link()
parent = self()
{:ok, log} = Agent.start_link(fn -> [] end)

IO.inspect(Mutex.lock(m), label: "main lock")
IO.inspect(Mutex.owner?(m), label: "main owns")

workers =
  for i <- 1..3 do
    spawn(fn ->
      send(parent, {:waiting, i})
      :ok = Mutex.lock(m)
      Agent.update(log, &[{:enter, i} | &1])
      Agent.update(log, &[{:leave, i} | &1])
      if i == 2 do
        exit(:died_holding_lock)
      else
        :ok = Mutex.unlock(m)
      end
      send(parent, {:done, i})
    end)
  end

for i <- 1..3, do: (receive do {:waiting, ^i} -> :ok end)
# All three workers wait in the mutex's queue before main unlocks (polled, not slept on, so
# the order holds however slowly the workers run).
queued = fn queued ->
  if :queue.len(:sys.get_state(m).queue) < 3, do: (Process.sleep(1); queued.(queued)), else: :ok
end
queued.(queued)
IO.inspect(Mutex.unlock(m), label: "main unlock")
IO.inspect(Mutex.unlock(m), label: "main unlock again")

done = for _ <- [1, 3], do: (receive do {:done, i} -> i end)
IO.inspect(Enum.sort(done), label: "finished")

entries = Agent.get(log, &Enum.reverse/1)
IO.inspect(length(entries), label: "log entries")
pairs = entries |> Enum.chunk_every(2) |> Enum.all?(fn [{:enter, a}, {:leave, b}] -> a == b end)
IO.inspect(pairs, label: "no interleaving")
IO.inspect(Enum.count(workers, &Process.alive?/1), label: "alive workers")
IO.inspect(Mutex.lock(m), label: "lock after all")
