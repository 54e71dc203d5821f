defmodule TrafficLight do
  use GenServer

  @transitions %{green: :yellow, yellow: :red, red: :green}

  defstruct state: :red, changes: 0, log: []

  def start_link(opts \\ []) do
    GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  end

  def next, do: GenServer.cast(__MODULE__, :next)
  def emergency, do: GenServer.cast(__MODULE__, :emergency)
  def current, do: GenServer.call(__MODULE__, :current)

  @impl true
  def init(opts) do
    {:ok, %__MODULE__{state: Keyword.get(opts, :initial, :red)}}
  end

  @impl true
  def handle_cast(:next, %__MODULE__{state: :flashing} = light), do: {:noreply, light}

  def handle_cast(:next, %__MODULE__{state: s} = light) do
    new = Map.fetch!(@transitions, s)
    {:noreply, %{light | state: new, changes: light.changes + 1, log: ["#{s} -> #{new}" | light.log]}}
  end

  def handle_cast(:emergency, light) do
    {:noreply, %{light | state: :flashing, log: ["#{light.state} -> flashing" | light.log]}}
  end

  @impl true
  def handle_call(:current, _from, light), do: {:reply, light.state, light}
end

{:ok, pid} = TrafficLight.start_link(initial: :green)
IO.inspect(TrafficLight.current(), label: "initial")

for _ <- 1..4 do
  TrafficLight.next()
  IO.puts("light is now #{TrafficLight.current()}")
end

state = :sys.get_state(TrafficLight)
IO.inspect(state.changes, label: "changes")
IO.inspect(Enum.reverse(state.log), label: "log")
IO.inspect(state, label: "full state")

TrafficLight.emergency()
TrafficLight.next()
IO.inspect(TrafficLight.current(), label: "after emergency")

:sys.replace_state(pid, fn s -> %{s | state: :red} end)
TrafficLight.next()
IO.inspect(TrafficLight.current(), label: "after manual reset")
IO.inspect(GenServer.whereis(TrafficLight) == pid, label: "whereis")
