# GenServer.stop and {:stop, ...} replies run terminate/2 (when trapping exits, also on exit).
defmodule Resource do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name)

  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("#{name}: init")
    {:ok, name}
  end

  @impl true
  def handle_call(:close, _from, name), do: {:stop, :normal, :closing, name}

  @impl true
  def handle_cast(:shutdown, name), do: {:stop, {:shutdown, :requested}, name}

  @impl true
  def terminate(reason, name) do
    IO.puts("#{name}: terminate #{inspect(reason)}")
    :ignored
  end
end

defmodule Main do
  def wait_down(pid, ref \\ nil) do
    ref = ref || Process.monitor(pid)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def run do
    Process.flag(:trap_exit, true)

    {:ok, a} = Resource.start_link("a")
    IO.inspect(GenServer.stop(a), label: "stop a")

    {:ok, b} = Resource.start_link("b")
    IO.inspect(GenServer.stop(b, :shutdown), label: "stop b with :shutdown")

    {:ok, c} = Resource.start_link("c")
    ref = Process.monitor(c)
    IO.inspect(GenServer.call(c, :close), label: "close c")
    IO.inspect(wait_down(c, ref), label: "c down")

    {:ok, d} = Resource.start_link("d")
    ref = Process.monitor(d)
    GenServer.cast(d, :shutdown)
    IO.inspect(wait_down(d, ref), label: "d down")

    # an exit signal from the linked parent reaches a trapping server as terminate/2
    {:ok, e} = Resource.start_link("e")
    ref = Process.monitor(e)
    Process.exit(e, :shutdown)
    IO.inspect(wait_down(e, ref), label: "e down")

    # collect the EXIT messages of the linked servers
    exits =
      for pid <- [a, b, c, d, e] do
        receive do
          {:EXIT, ^pid, reason} -> reason
        end
      end

    IO.inspect(exits, label: "EXIT reasons")
  end
end

Main.run()
