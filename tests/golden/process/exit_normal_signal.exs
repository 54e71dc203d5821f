# Process.exit(pid, :normal) is ignored by a non-trapping process; other reasons kill it.
defmodule NormalSignal do
  def server do
    receive do
      {:ping, from} ->
        send(from, :pong)
        server()
    end
  end

  def ping(pid) do
    send(pid, {:ping, self()})

    receive do
      :pong -> :pong
    after
      5000 -> :no_answer
    end
  end

  def run do
    pid = spawn(fn -> server() end)
    ref = Process.monitor(pid)
    IO.inspect(Process.exit(pid, :normal), label: "Process.exit returns")
    IO.inspect(ping(pid), label: "after :normal signal")
    IO.inspect(Process.alive?(pid), label: "alive")

    Process.exit(pid, :shutdown)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "after :shutdown")
    end

    # a trapping process receives the :normal signal as a message
    parent = self()

    trapper = spawn(fn ->
      Process.flag(:trap_exit, true)
      send(parent, :ready)

      receive do
        {:EXIT, from, reason} -> send(parent, {:trapped, from == parent, reason})
      end
    end)

    receive do
      :ready -> :ok
    end

    Process.exit(trapper, :normal)

    receive do
      {:trapped, from_parent, reason} -> IO.inspect({from_parent, reason}, label: "trapped")
    end

    # a process that sends :normal to itself does exit
    {me, mref} =
      spawn_monitor(fn ->
        Process.exit(self(), :normal)
        send(parent, :still_here)
      end)

    receive do
      {:DOWN, ^mref, :process, ^me, reason} -> IO.inspect(reason, label: "self :normal")
    end

    receive do
      :still_here -> IO.puts("unexpected")
    after
      0 -> IO.puts("no message after self exit")
    end
  end
end

NormalSignal.run()
