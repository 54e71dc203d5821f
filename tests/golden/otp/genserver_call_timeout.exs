# GenServer.call with a timeout: the caller exits with {:timeout, {GenServer, :call, ...}}.
defmodule SlowServer do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: :slow)

  @impl true
  def init(:ok), do: {:ok, 0}

  @impl true
  def handle_call({:sleep, ms}, _from, n) do
    Process.sleep(ms)
    {:reply, {:slept, ms}, n + 1}
  end

  def handle_call(:count, _from, n), do: {:reply, n, n}
end

defmodule Main do
  def run do
    {:ok, _} = SlowServer.start_link([])
    IO.inspect(GenServer.call(:slow, {:sleep, 1}), label: "fast call")

    result =
      try do
        GenServer.call(:slow, {:sleep, 300}, 50)
      catch
        :exit, reason -> {:caught_exit, reason}
      end

    {:caught_exit, {:timeout, {GenServer, :call, [:slow, {:sleep, 300}, 50]}}} = result
    IO.inspect(elem(elem(result, 1), 0), label: "exit reason")

    # the server keeps running and handles the next call after the slow one;
    # the late reply does not end up in our mailbox
    IO.inspect(GenServer.call(:slow, :count, 5_000), label: "count")
    IO.inspect(Process.info(self(), :message_queue_len), label: "mailbox")

    # calling a server that does not exist
    missing =
      try do
        GenServer.call(:no_such_server, :hello)
      catch
        :exit, {reason, {GenServer, :call, _}} -> reason
      end

    IO.inspect(missing, label: "missing server")
  end
end

Main.run()
