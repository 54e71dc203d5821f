defmodule Loader do
  use GenServer
  require Logger

  def start_link(source), do: GenServer.start_link(__MODULE__, source)

  def data(pid), do: GenServer.call(pid, :data)
  def reload(pid), do: GenServer.cast(pid, :reload)
  def status(pid), do: GenServer.call(pid, :status)

  @impl true
  def init(source) do
    IO.puts("init: scheduling load of #{source}")
    {:ok, %{source: source, data: nil, loads: 0}, {:continue, :load}}
  end

  @impl true
  def handle_continue(:load, state) do
    IO.puts("continue: loading #{state.source}")
    data = state.source |> String.split(",") |> Enum.map(&String.to_integer/1)
    {:noreply, %{state | data: data, loads: state.loads + 1}, {:continue, :validate}}
  end

  def handle_continue(:after_status, state) do
    {:noreply, Map.update(state, :status_calls, 1, &(&1 + 1))}
  end

  def handle_continue(:validate, state) do
    valid = Enum.all?(state.data, &(&1 >= 0))
    IO.puts("continue: validated=#{valid}")
    {:noreply, Map.put(state, :valid, valid)}
  end

  @impl true
  def handle_call(:data, _from, state), do: {:reply, state.data, state}

  def handle_call(:status, _from, state) do
    {:reply, Map.take(state, [:loads, :valid, :status_calls]), state, {:continue, :after_status}}
  end

  @impl true
  def handle_cast(:reload, state), do: {:noreply, state, {:continue, :load}}

end

{:ok, pid} = Loader.start_link("1,2,3,42")
IO.inspect(Loader.data(pid), label: "data")
IO.inspect(Loader.status(pid), label: "status")
Loader.reload(pid)
IO.inspect(Loader.status(pid), label: "status after reload")

{:ok, pid2} = Loader.start_link("5,-1")
IO.inspect(Loader.status(pid2), label: "second loader")
IO.inspect(Enum.sum(Loader.data(pid) ++ Loader.data(pid2)), label: "total")
