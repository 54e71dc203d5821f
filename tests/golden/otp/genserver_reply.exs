# Deferred replies: handle_call returns {:noreply, ...} and GenServer.reply/2 answers later.
defmodule Barrier do
  use GenServer

  # callers block until `size` of them have arrived, then all get the arrival count
  def start_link(size), do: GenServer.start_link(__MODULE__, size)
  def arrive(pid, name), do: GenServer.call(pid, {:arrive, name})

  @impl true
  def init(size), do: {:ok, %{size: size, waiting: []}}

  @impl true
  def handle_call({:arrive, name}, from, %{size: size, waiting: waiting} = state) do
    waiting = [{from, name} | waiting]

    if length(waiting) == size do
      names = waiting |> Enum.map(&elem(&1, 1)) |> Enum.sort()
      for {f, _} <- waiting, do: GenServer.reply(f, {:released, names})
      {:noreply, %{state | waiting: []}}
    else
      {:noreply, %{state | waiting: waiting}}
    end
  end

  # a call answered from handle_info after a delay
  def handle_call({:later, value}, from, state) do
    Process.send_after(self(), {:answer, from, value}, 10)
    {:noreply, state}
  end

  @impl true
  def handle_info({:answer, from, value}, state) do
    GenServer.reply(from, {:late, value})
    {:noreply, state}
  end
end

defmodule Main do
  def run do
    {:ok, b} = Barrier.start_link(3)
    parent = self()

    for name <- [:carol, :alice, :bob] do
      spawn(fn -> send(parent, {name, Barrier.arrive(b, name)}) end)
    end

    for name <- [:alice, :bob, :carol] do
      receive do
        {^name, reply} -> IO.inspect(reply, label: Atom.to_string(name))
      end
    end

    IO.inspect(GenServer.call(b, {:later, 42}), label: "deferred")
  end
end

Main.run()
