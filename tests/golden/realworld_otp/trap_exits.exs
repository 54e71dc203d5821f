defmodule Helper do
  def watch(pid) do
    mref = Process.monitor(pid)
    IO.inspect(is_reference(mref), label: "monitor dead is ref")
    receive do
      {:DOWN, ^mref, :process, ^pid, reason} -> IO.inspect(reason, label: "monitor dead reason")
    end
  end
end

defmodule Watcher do
  def start do
    Process.flag(:trap_exit, true)
  end

  def collect(0, acc), do: Enum.sort(acc)

  def collect(n, acc) do
    receive do
      {:EXIT, _pid, reason} -> collect(n - 1, [reason | acc])
    end
  end
end

defmodule Main do
  def run do
    IO.inspect(Watcher.start(), label: "previous trap_exit")
    IO.inspect(Process.flag(:trap_exit, true), label: "now")

    spawn_link(fn -> :ok end)
    spawn_link(fn -> exit(:shutdown) end)
    spawn_link(fn -> exit({:shutdown, :done}) end)
    spawn_link(fn -> exit(:custom) end)
    spawn_link(fn -> exit({:error, "oops"}) end)

    reasons = Watcher.collect(5, [])
    Enum.each(reasons, fn r ->
      case r do
        {%ArgumentError{message: m}, stack} when is_list(stack) -> IO.puts("argument error: #{m}")
        {{:nocatch, v}, stack} when is_list(stack) -> IO.puts("uncaught throw: #{inspect(v)}")
        {{:badmatch, v}, stack} when is_list(stack) -> IO.puts("badmatch: #{inspect(v)}")
        other -> IO.puts("exit: #{inspect(other)}")
      end
    end)

    # killing a linked process
    pid = spawn_link(fn -> receive do: (_ -> :ok) end)
    Process.exit(pid, :kill)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "killed reason")
    end

    # normal exit signal is ignored by a non-trapping process
    pid = spawn(fn -> receive do: (:ping -> IO.puts("still alive after :normal signal")) end)
    ref = Process.monitor(pid)
    Process.exit(pid, :normal)
    send(pid, :ping)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "down")
    end

    # linking to a dead process
    dead = spawn(fn -> :ok end)
    ref = Process.monitor(dead)
    receive do {:DOWN, ^ref, _, _, _} -> :ok end
    Process.link(dead)
    receive do
      {:EXIT, ^dead, reason} -> IO.inspect(reason, label: "link to dead")
    after
      200 -> IO.puts("no exit message")
    end

    {pid, ref} = spawn_monitor(fn -> exit(:bye) end)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "spawn_monitor")
    end

    Helper.watch(dead)

    Process.flag(:trap_exit, false)
    IO.inspect(Process.info(self(), :trap_exit), label: "info trap_exit")
  end
end

Main.run()
