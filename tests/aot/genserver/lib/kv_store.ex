# A key-value GenServer compiled ahead of time; the script starts and uses it.
defmodule KvStore do
  use GenServer

  def start_link(initial \\ %{}), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)

  def put(key, value), do: GenServer.cast(__MODULE__, {:put, key, value})
  def get(key, default \\ nil), do: GenServer.call(__MODULE__, {:get, key, default})
  def keys, do: GenServer.call(__MODULE__, :keys)
  def delete(key), do: GenServer.call(__MODULE__, {:delete, key})

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_call({:get, key, default}, _from, state), do: {:reply, Map.get(state, key, default), state}
  def handle_call(:keys, _from, state), do: {:reply, state |> Map.keys() |> Enum.sort(), state}

  def handle_call({:delete, key}, _from, state) do
    {value, rest} = Map.pop(state, key)
    {:reply, value, rest}
  end

  @impl true
  def handle_cast({:put, key, value}, state), do: {:noreply, Map.put(state, key, value)}

  @impl true
  def handle_info({:bump, key}, state), do: {:noreply, Map.update(state, key, 1, &(&1 + 1))}
end
