# `use GenServer` default callbacks: a module with only init/1, and the child_spec it defines.
defmodule Minimal do
  use GenServer

  def start_link(opts) do
    GenServer.start_link(__MODULE__, opts, name: Keyword.get(opts, :name, __MODULE__))
  end

  @impl true
  def init(opts), do: {:ok, Keyword.get(opts, :state, :empty)}
end

defmodule Main do
  def run do
    IO.inspect(Minimal.child_spec(state: 1), label: "child_spec")
    {:ok, pid} = Minimal.start_link(state: :ready)
    IO.inspect(:sys.get_state(pid), label: "state via :sys")

    # the default handle_info logs the unexpected message and keeps running
    send(Minimal, :surprise)
    state = :sys.get_state(Minimal)
    # the server logged before answering; wait until the logger has printed it
    Logger.flush()
    IO.inspect(state, label: "still running")

    # the default handle_cast raises, which crashes the server
    Process.flag(:trap_exit, true)
    GenServer.cast(Minimal, :anything)

    receive do
      {:EXIT, ^pid, {%RuntimeError{message: msg}, _}} ->
        Logger.flush()
        IO.puts("linked server exited: " <> msg)
    end
  end
end

Main.run()
