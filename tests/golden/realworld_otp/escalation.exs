defmodule Flaky do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)

  @impl true
  def init(:ok) do
    send(:main, :flaky_started)
    {:ok, 0}
  end

  @impl true
  def handle_cast(:boom, state), do: {:stop, {:boom, state}, state}
end

defmodule Main do
  def run do
    Process.register(self(), :main)
    Process.flag(:trap_exit, true)
    {:ok, sup} = Supervisor.start_link([Flaky], strategy: :one_for_one, max_restarts: 2, max_seconds: 5)
    receive do :flaky_started -> IO.puts("flaky started") end

    for i <- 1..3 do
      pid = Process.whereis(Flaky)
      ref = Process.monitor(pid)
      GenServer.cast(Flaky, :boom)
      result = receive do: ({:DOWN, ^ref, :process, ^pid, reason} -> reason)
      IO.puts("crash #{i}: #{inspect(result)}")
      if i < 3, do: receive(do: (:flaky_started -> IO.puts("flaky restarted")))
    end

    receive do
      {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
    end

    IO.inspect(Process.alive?(sup), label: "supervisor alive")
    IO.inspect(Process.whereis(Flaky), label: "flaky registered")
  end
end

Main.run()
