defmodule Room do
  use GenServer, restart: :transient

  def start_link(name), do: GenServer.start_link(__MODULE__, name)

  def join(room, user), do: GenServer.call(room, {:join, user})
  def members(room), do: GenServer.call(room, :members)
  def close(room), do: GenServer.cast(room, :close)

  @impl true
  def init(name) do
    IO.puts("room #{name} opened")
    {:ok, %{name: name, members: MapSet.new()}}
  end

  @impl true
  def handle_call({:join, user}, _from, state) do
    if MapSet.member?(state.members, user) do
      {:reply, {:error, :already_joined}, state}
    else
      {:reply, :ok, %{state | members: MapSet.put(state.members, user)}}
    end
  end

  def handle_call(:members, _from, state), do: {:reply, Enum.sort(state.members), state}

  @impl true
  def handle_cast(:close, state), do: {:stop, :normal, state}

  @impl true
  def terminate(reason, state) do
    IO.puts("room #{state.name} closing: #{inspect(reason)}")
    :ok
  end
end

defmodule RoomSupervisor do
  use DynamicSupervisor

  def start_link(_arg), do: DynamicSupervisor.start_link(__MODULE__, :ok, name: __MODULE__)

  def open_room(name), do: DynamicSupervisor.start_child(__MODULE__, {Room, name})

  @impl true
  def init(:ok), do: DynamicSupervisor.init(strategy: :one_for_one, max_children: 3)
end

{:ok, _} = RoomSupervisor.start_link([])

rooms =
  for name <- ["lobby", "elixir", "random"] do
    {:ok, pid} = RoomSupervisor.open_room(name)
    {name, pid}
  end
  |> Map.new()

IO.inspect(RoomSupervisor.open_room("overflow"), label: "fourth room")
IO.inspect(DynamicSupervisor.count_children(RoomSupervisor), label: "counts")

lobby = rooms["lobby"]
IO.inspect(Room.join(lobby, "ana"), label: "ana joins")
IO.inspect(Room.join(lobby, "bo"), label: "bo joins")
IO.inspect(Room.join(lobby, "ana"), label: "ana again")
IO.inspect(Room.members(lobby), label: "lobby members")

ref = Process.monitor(rooms["random"])
Room.close(rooms["random"])
receive do
  {:DOWN, ^ref, :process, _pid, reason} -> IO.inspect(reason, label: "random down")
end

IO.inspect(DynamicSupervisor.count_children(RoomSupervisor).active, label: "active after close")
{:ok, _} = RoomSupervisor.open_room("games")
IO.inspect(length(DynamicSupervisor.which_children(RoomSupervisor)), label: "children now")

:ok = DynamicSupervisor.terminate_child(RoomSupervisor, rooms["elixir"])
IO.inspect(DynamicSupervisor.terminate_child(RoomSupervisor, rooms["elixir"]), label: "terminate twice")
IO.inspect(DynamicSupervisor.count_children(RoomSupervisor), label: "final counts")
