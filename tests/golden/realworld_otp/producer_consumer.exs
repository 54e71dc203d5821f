defmodule BoundedBuffer do
  use GenServer

  def start_link(capacity), do: GenServer.start_link(__MODULE__, capacity)
  def put(buf, item), do: GenServer.call(buf, {:put, item})
  def take(buf), do: GenServer.call(buf, :take)
  def stats(buf), do: GenServer.call(buf, :stats)

  @impl true
  def init(capacity) do
    {:ok, %{cap: capacity, items: :queue.new(), putters: :queue.new(), takers: :queue.new(), max_seen: 0, blocked_puts: 0}}
  end

  @impl true
  def handle_call({:put, item}, from, state) do
    cond do
      not :queue.is_empty(state.takers) ->
        {{:value, taker}, takers} = :queue.out(state.takers)
        GenServer.reply(taker, item)
        {:reply, :ok, %{state | takers: takers}}

      :queue.len(state.items) < state.cap ->
        items = :queue.in(item, state.items)
        {:reply, :ok, %{state | items: items, max_seen: max(state.max_seen, :queue.len(items))}}

      true ->
        {:noreply, %{state | putters: :queue.in({from, item}, state.putters), blocked_puts: state.blocked_puts + 1}}
    end
  end

  def handle_call(:take, from, state) do
    case :queue.out(state.items) do
      {{:value, item}, items} ->
        state = %{state | items: items}
        state =
          case :queue.out(state.putters) do
            {{:value, {putter, pitem}}, putters} ->
              GenServer.reply(putter, :ok)
              %{state | items: :queue.in(pitem, state.items), putters: putters}
            {:empty, _} -> state
          end
        {:reply, item, state}

      {:empty, _} ->
        {:noreply, %{state | takers: :queue.in(from, state.takers)}}
    end
  end

  def handle_call(:stats, _from, state), do: {:reply, Map.take(state, [:cap, :max_seen]), state}
end

{:ok, buf} = BoundedBuffer.start_link(3)
parent = self()

producer = spawn_link(fn ->
  for i <- 1..10, do: :ok = BoundedBuffer.put(buf, i * i)
  :ok = BoundedBuffer.put(buf, :done)
  send(parent, :producer_finished)
end)

consumer = fn consumer, acc ->
  case BoundedBuffer.take(buf) do
    :done -> Enum.reverse(acc)
    x -> consumer.(consumer, [x | acc])
  end
end

items = consumer.(consumer, [])
receive do :producer_finished -> IO.puts("producer finished") end
IO.inspect(items, label: "consumed")
IO.inspect(Enum.sum(items), label: "sum")
stats = BoundedBuffer.stats(buf)
IO.inspect(stats.max_seen <= stats.cap, label: "never exceeded capacity")
IO.inspect(is_pid(producer), label: "producer pid")
