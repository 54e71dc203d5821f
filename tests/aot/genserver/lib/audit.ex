# A second compiled GenServer that talks to KvStore from inside its own callbacks.
defmodule Audit do
  use GenServer

  def start_link, do: GenServer.start_link(__MODULE__, [])
  def record(pid, key), do: GenServer.call(pid, {:record, key})
  def log(pid), do: GenServer.call(pid, :log)

  @impl true
  def init(log), do: {:ok, log}

  @impl true
  def handle_call({:record, key}, _from, log) do
    value = KvStore.get(key, :missing)
    {:reply, value, [{key, value} | log]}
  end

  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), log}
end
