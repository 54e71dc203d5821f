# Supervisor :one_for_one restarts only the crashed child; the name points to the new pid.
defmodule Counter do
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)
  def bump, do: GenServer.call(__MODULE__, :bump)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_call(:bump, _from, n), do: {:reply, n + 1, n + 1}

  @impl true
  def handle_info(:crash, _n), do: raise("counter crashed")
end

defmodule Logger2 do
  use Agent

  def start_link(_), do: Agent.start_link(fn -> [] end, name: __MODULE__)
  def log(msg), do: Agent.update(__MODULE__, &[msg | &1])
  def all, do: Agent.get(__MODULE__, &Enum.reverse/1)
end

defmodule Main do
  def wait_for_restart(name, old) do
    case Process.whereis(name) do
      pid when is_pid(pid) and pid != old -> pid
      _ -> Process.sleep(5); wait_for_restart(name, old)
    end
  end

  def run do
    children = [{Counter, 0}, Logger2]
    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
    IO.inspect(is_pid(sup), label: "supervisor started")

    IO.inspect(Counter.bump(), label: "bump")
    IO.inspect(Counter.bump(), label: "bump")
    Logger2.log(:before_crash)

    old = Process.whereis(Counter)
    other = Process.whereis(Logger2)
    ref = Process.monitor(old)
    send(Counter, :crash)

    receive do
      {:DOWN, ^ref, :process, ^old, {%RuntimeError{message: m}, _}} ->
        Logger.flush()
        IO.puts("counter died: " <> m)
    end

    new = wait_for_restart(Counter, old)
    IO.inspect(new != old, label: "new_pid != old_pid")
    IO.inspect(Counter.bump(), label: "bump after restart (state reset)")
    IO.inspect(Process.whereis(Logger2) == other, label: "sibling untouched")
    IO.inspect(Logger2.all(), label: "sibling state kept")
    IO.inspect(Process.alive?(sup), label: "supervisor alive")
  end
end

Main.run()
