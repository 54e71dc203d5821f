defmodule PubSub do
  use GenServer

  def start_link(_opts \\ []), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)

  def subscribe(topic, pid \\ self()), do: GenServer.call(__MODULE__, {:subscribe, topic, pid})
  def unsubscribe(topic, pid \\ self()), do: GenServer.call(__MODULE__, {:unsubscribe, topic, pid})
  def publish(topic, msg), do: GenServer.call(__MODULE__, {:publish, topic, msg})
  def subscriber_count(topic), do: GenServer.call(__MODULE__, {:count, topic})
  def topics, do: GenServer.call(__MODULE__, :topics)

  @impl true
  def init(:ok), do: {:ok, %{topics: %{}, monitors: %{}}}

  @impl true
  def handle_call({:subscribe, topic, pid}, _from, state) do
    state =
      if Map.has_key?(state.monitors, pid) do
        state
      else
        ref = Process.monitor(pid)
        put_in(state.monitors[pid], ref)
      end

    topics = Map.update(state.topics, topic, [pid], fn pids -> Enum.uniq([pid | pids]) end)
    {:reply, :ok, %{state | topics: topics}}
  end

  def handle_call({:unsubscribe, topic, pid}, _from, state) do
    topics = Map.update(state.topics, topic, [], &List.delete(&1, pid))
    {:reply, :ok, %{state | topics: topics}}
  end

  def handle_call({:publish, topic, msg}, _from, state) do
    pids = Map.get(state.topics, topic, [])
    Enum.each(pids, &send(&1, {:pubsub, topic, msg}))
    {:reply, {:ok, length(pids)}, state}
  end

  def handle_call({:count, topic}, _from, state) do
    {:reply, state.topics |> Map.get(topic, []) |> length(), state}
  end

  def handle_call(:topics, _from, state) do
    {:reply, state.topics |> Enum.reject(fn {_, p} -> p == [] end) |> Enum.map(&elem(&1, 0)) |> Enum.sort(), state}
  end

  @impl true
  def handle_info({:DOWN, _ref, :process, pid, reason}, state) do
    if observer = Process.whereis(:observer), do: send(observer, {:removed, reason})
    topics = Map.new(state.topics, fn {t, pids} -> {t, List.delete(pids, pid)} end)
    {:noreply, %{state | topics: topics, monitors: Map.delete(state.monitors, pid)}}
  end
end

defmodule Subscriber do
  def start(name, topics, parent) do
    spawn(fn ->
      Enum.each(topics, &PubSub.subscribe/1)
      send(parent, {:ready, name})
      loop(name, parent, [])
    end)
  end

  defp loop(name, parent, seen) do
    receive do
      {:pubsub, topic, msg} ->
        send(parent, {:got, name, topic, msg})
        loop(name, parent, [msg | seen])

      :stop ->
        send(parent, {:seen, name, Enum.reverse(seen)})
    end
  end
end

{:ok, _} = PubSub.start_link()
Process.register(self(), :observer)
me = self()
alice = Subscriber.start(:alice, ["news", "sports"], me)
bob = Subscriber.start(:bob, ["news"], me)
for _ <- 1..2, do: (receive do {:ready, n} -> n end)

IO.inspect(PubSub.topics(), label: "topics")
IO.inspect(PubSub.subscriber_count("news"), label: "news subscribers")

{:ok, n} = PubSub.publish("news", "election results")
IO.puts("delivered to #{n}")
got = for _ <- 1..n, do: (receive do {:got, who, t, m} -> {who, t, m} end)
IO.inspect(Enum.sort(got), label: "received")

{:ok, 1} = PubSub.publish("sports", "final score 3-1")
receive do
  {:got, who, t, m} -> IO.puts("#{who} got #{t}: #{m}")
end

ref = Process.monitor(bob)
send(bob, :stop)
receive do {:seen, :bob, seen} -> IO.inspect(seen, label: "bob saw") end
receive do {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "bob exit") end
receive do {:removed, reason} -> IO.puts("pubsub removed subscriber: #{inspect(reason)}") end

IO.inspect(PubSub.subscriber_count("news"), label: "news subscribers after bob left")
{:ok, count} = PubSub.publish("news", "weather")
IO.inspect(count, label: "delivered")
PubSub.unsubscribe("sports", alice)
IO.inspect(PubSub.topics(), label: "topics now")
