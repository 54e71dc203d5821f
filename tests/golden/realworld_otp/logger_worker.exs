defmodule Inventory do
  use GenServer
  require Logger

  def start_link(items), do: GenServer.start_link(__MODULE__, items, name: __MODULE__)
  def remove(item, qty), do: GenServer.call(__MODULE__, {:remove, item, qty})
  def restock(item, qty), do: GenServer.cast(__MODULE__, {:restock, item, qty})
  def stock, do: GenServer.call(__MODULE__, :stock)

  @impl true
  def init(items) do
    Logger.info("Inventory starting with #{map_size(items)} items")
    {:ok, items}
  end

  @impl true
  def handle_call({:remove, item, qty}, _from, items) do
    case Map.get(items, item, 0) do
      have when have >= qty ->
        Logger.debug("removing #{qty} #{item}")
        {:reply, :ok, Map.put(items, item, have - qty)}

      have ->
        Logger.warning("not enough #{item}: wanted #{qty}, have #{have}")
        {:reply, {:error, :insufficient}, items}
    end
  end

  def handle_call(:stock, _from, items), do: {:reply, items, items}

  @impl true
  def handle_cast({:restock, item, qty}, items) when qty <= 0 do
    Logger.error("invalid restock of #{item}: #{qty}")
    {:noreply, items}
  end

  def handle_cast({:restock, item, qty}, items) do
    Logger.info("restocked #{item} +#{qty}")
    {:noreply, Map.update(items, item, qty, &(&1 + qty))}
  end

  @impl true
  def handle_info(msg, items) do
    Logger.warn("unexpected message: #{inspect(msg)}")
    {:noreply, items}
  end
end

require Logger
{:ok, pid} = Inventory.start_link(%{apples: 5, pears: 2})
IO.inspect(Inventory.remove(:apples, 3), label: "remove apples")
IO.inspect(Inventory.remove(:pears, 10), label: "remove pears")
Inventory.restock(:kiwis, 4)
Inventory.restock(:pears, 0)
send(pid, {:unexpected, 42})
IO.inspect(Inventory.stock(), label: "stock")
Logger.info("main done", user: "alice")
Logger.log(:notice, "a notice")
