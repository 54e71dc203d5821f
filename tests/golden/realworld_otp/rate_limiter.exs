defmodule RateLimiter do
  use GenServer

  @refill_ms 300

  def start_link(opts) do
    capacity = Keyword.get(opts, :capacity, 3)
    GenServer.start_link(__MODULE__, capacity, name: Keyword.get(opts, :name, __MODULE__))
  end

  def acquire(server \\ __MODULE__), do: GenServer.call(server, :acquire)
  def tokens(server \\ __MODULE__), do: GenServer.call(server, :tokens)
  def subscribe_refill(server \\ __MODULE__), do: GenServer.cast(server, {:notify, self()})

  @impl true
  def init(capacity) do
    schedule_refill()
    {:ok, %{capacity: capacity, tokens: capacity, waiters: [], refills: 0}}
  end

  @impl true
  def handle_call(:acquire, _from, %{tokens: 0} = state) do
    {:reply, {:error, :rate_limited}, state}
  end

  def handle_call(:acquire, _from, %{tokens: t} = state) do
    {:reply, :ok, %{state | tokens: t - 1}}
  end

  def handle_call(:tokens, _from, state), do: {:reply, state.tokens, state}

  @impl true
  def handle_cast({:notify, pid}, state) do
    {:noreply, %{state | waiters: [pid | state.waiters]}}
  end

  @impl true
  def handle_info(:refill, state) do
    schedule_refill()
    state = %{state | tokens: state.capacity, refills: state.refills + 1}
    Enum.each(state.waiters, &send(&1, {:refilled, state.tokens}))
    {:noreply, %{state | waiters: []}}
  end

  defp schedule_refill, do: Process.send_after(self(), :refill, @refill_ms)
end

{:ok, _} = RateLimiter.start_link(capacity: 3)

# Sync to a refill boundary first so the next burst happens within one window
RateLimiter.subscribe_refill()
receive do
  {:refilled, n} -> IO.puts("window opened with #{n} tokens")
end

results = for i <- 1..5, do: {i, RateLimiter.acquire()}
Enum.each(results, fn {i, r} -> IO.puts("request #{i}: #{inspect(r)}") end)

{ok, limited} = Enum.split_with(results, fn {_, r} -> r == :ok end)
IO.puts("allowed=#{length(ok)} limited=#{length(limited)}")

RateLimiter.subscribe_refill()
receive do
  {:refilled, n} -> IO.puts("refilled to #{n}")
after
  1000 -> IO.puts("no refill?!")
end

IO.inspect(RateLimiter.acquire(), label: "after refill")
