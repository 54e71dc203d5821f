defmodule Session do
  use GenServer

  @idle 50

  def start(user, parent), do: GenServer.start(__MODULE__, {user, parent})
  def touch(pid), do: GenServer.call(pid, :touch)

  @impl true
  def init({user, parent}), do: {:ok, %{user: user, parent: parent, touches: 0}, @idle}

  @impl true
  def handle_call(:touch, _from, state) do
    state = %{state | touches: state.touches + 1}
    {:reply, state.touches, state, @idle}
  end

  @impl true
  def handle_info(:timeout, state) do
    send(state.parent, {:expired, state.user, state.touches})
    {:stop, :normal, state}
  end
end

defmodule Ticker do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, {n, self()})

  @impl true
  def init({n, parent}) do
    {:ok, tref} = :timer.send_interval(5, :tick)
    {:ok, %{left: n, parent: parent, tref: tref, seen: 0}}
  end

  @impl true
  def handle_info(:tick, %{left: 1} = state) do
    {:ok, :cancel} = :timer.cancel(state.tref)
    send(state.parent, {:ticks_done, state.seen + 1})
    {:noreply, %{state | left: 0, seen: state.seen + 1}}
  end

  def handle_info(:tick, state), do: {:noreply, %{state | left: state.left - 1, seen: state.seen + 1}}
end

{:ok, s} = Session.start("carol", self())
ref = Process.monitor(s)
IO.inspect(Session.touch(s), label: "touch")
IO.inspect(Session.touch(s), label: "touch")

receive do
  {:expired, user, touches} -> IO.puts("session of #{user} expired after #{touches} touches")
end

receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "session down")
end

{:ok, _t} = Ticker.start_link(5)
receive do
  {:ticks_done, n} -> IO.inspect(n, label: "ticks")
end

tref = Process.send_after(self(), :never, 10_000)
IO.inspect(is_integer(Process.cancel_timer(tref)), label: "cancel pending timer")
IO.inspect(Process.cancel_timer(tref), label: "cancel again")
IO.inspect(Process.read_timer(tref), label: "read cancelled")

receive do
  :never -> IO.puts("should not happen")
after
  30 -> IO.puts("no message after cancel")
end

:timer.sleep(1)
{:ok, _} = :timer.send_after(10, :later)
receive do
  :later -> IO.puts(":timer.send_after delivered")
end

{micros, value} = :timer.tc(fn -> Enum.sum(1..1000) end)
IO.inspect({is_integer(micros), value}, label: "tc")
IO.inspect(:timer.seconds(2), label: "seconds")
IO.inspect(:timer.minutes(1), label: "minutes")
