# A GenServer counter: start_link, call, cast, handle_info and a client API.
defmodule Counter do
  use GenServer

  # Client API

  def start_link(initial) do
    GenServer.start_link(__MODULE__, initial)
  end

  def increment(pid, by \\ 1), do: GenServer.cast(pid, {:increment, by})
  def value(pid), do: GenServer.call(pid, :value)
  def reset(pid), do: GenServer.call(pid, :reset)

  # Server callbacks

  @impl true
  def init(initial) do
    {:ok, initial}
  end

  @impl true
  def handle_call(:value, _from, count) do
    {:reply, count, count}
  end

  def handle_call(:reset, _from, count) do
    {:reply, {:was, count}, 0}
  end

  @impl true
  def handle_cast({:increment, by}, count) do
    {:noreply, count + by}
  end

  @impl true
  def handle_info(:tick, count) do
    {:noreply, count + 100}
  end
end

defmodule Main do
  def run do
    {:ok, pid} = Counter.start_link(10)
    IO.inspect(Counter.value(pid), label: "initial")
    Counter.increment(pid)
    Counter.increment(pid, 5)
    IO.inspect(Counter.value(pid), label: "after casts")
    send(pid, :tick)
    IO.inspect(Counter.value(pid), label: "after :tick")
    IO.inspect(Counter.reset(pid), label: "reset")
    IO.inspect(Counter.value(pid), label: "after reset")

    # casts from many processes
    parent = self()
    for _ <- 1..100, do: spawn(fn -> Counter.increment(pid); send(parent, :sent) end)
    for _ <- 1..100, do: (receive do: (:sent -> :ok))
    IO.inspect(Counter.value(pid), label: "after 100 casts")

    IO.inspect(GenServer.cast(pid, {:increment, 1}), label: "cast returns")
    IO.inspect(GenServer.stop(pid), label: "stop")
    IO.inspect(Process.alive?(pid), label: "alive")
  end
end

Main.run()
