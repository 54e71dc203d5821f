# init/1 return values: {:ok, state}, {:ok, state, {:continue, ...}}, {:stop, reason}, :ignore.
defmodule Configurable do
  use GenServer

  def start(arg), do: GenServer.start(__MODULE__, arg)

  @impl true
  def init({:ok, state}), do: {:ok, state}
  def init(:stop), do: {:stop, :bad_config}
  def init(:ignore), do: :ignore
  def init({:continue, state}), do: {:ok, state, {:continue, :load}}

  @impl true
  def handle_continue(:load, state), do: {:noreply, Map.put(state, :loaded, true)}

  @impl true
  def handle_call(:state, _from, state), do: {:reply, state, state}
end

defmodule Main do
  def run do
    {:ok, pid} = Configurable.start({:ok, %{name: "a"}})
    IO.inspect(GenServer.call(pid, :state), label: "ok")

    IO.inspect(Configurable.start(:stop), label: "stop")
    IO.inspect(Configurable.start(:ignore), label: "ignore")

    {:ok, pid3} = Configurable.start({:continue, %{name: "c"}})
    IO.inspect(GenServer.call(pid3, :state), label: "continue")

    # start_link with {:stop, reason}: the caller gets the error, and (trapping) the EXIT
    Process.flag(:trap_exit, true)
    IO.inspect(GenServer.start_link(Configurable, :stop), label: "start_link stop")

    receive do
      {:EXIT, _pid, reason} -> IO.inspect(reason, label: "EXIT")
    end
  end
end

Main.run()
