# Exceeding max_restarts makes the supervisor give up and exit with :shutdown.
defmodule Fragile do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)

  @impl true
  def init(:ok), do: {:ok, :ok}

  @impl true
  def handle_info(:die, state), do: {:stop, :died, state}
end

defmodule Main do
  def crash_current(old) do
    case Process.whereis(Fragile) do
      pid when is_pid(pid) and pid != old ->
        ref = Process.monitor(pid)
        send(pid, :die)

        receive do
          {:DOWN, ^ref, :process, ^pid, reason} ->
            # the server logged its crash report before exiting: let the logger print it
            Logger.flush()
            {pid, reason}
        end

      _ ->
        Process.sleep(5)
        crash_current(old)
    end
  end

  def run do
    Process.flag(:trap_exit, true)
    {:ok, sup} = Supervisor.start_link([Fragile], strategy: :one_for_one, max_restarts: 2, max_seconds: 5)
    sup_ref = Process.monitor(sup)

    {p1, r1} = crash_current(nil)
    IO.inspect(r1, label: "crash 1")
    {p2, r2} = crash_current(p1)
    IO.inspect(r2, label: "crash 2")
    {_p3, r3} = crash_current(p2)
    IO.inspect(r3, label: "crash 3")

    receive do
      {:DOWN, ^sup_ref, :process, ^sup, reason} -> IO.inspect(reason, label: "supervisor down")
    end

    receive do
      {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor EXIT")
    end

    Logger.flush()
    IO.inspect(Process.whereis(Fragile), label: "Fragile after shutdown")
  end
end

Main.run()
