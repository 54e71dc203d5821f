# Monitors: {:DOWN, ref, :process, pid, reason} for normal exits, exits with a reason and
# exceptions (checked last, see below); a monitor on a dead process reports :noproc.
defmodule Watcher do
  # spawn_monitor: a process that finishes at once must still report its own reason
  def watch(fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def run do
    IO.inspect(watch(fn -> :ok end), label: "returns")
    IO.inspect(watch(fn -> exit(:bye) end), label: "exit(:bye)")
    IO.inspect(watch(fn -> exit({:error, [1, 2]}) end), label: "exit tuple")

    # monitoring a process that is already gone
    dead = spawn(fn -> :ok end)
    ref0 = Process.monitor(dead)

    receive do
      {:DOWN, ^ref0, :process, ^dead, _} -> :ok
    end

    ref = Process.monitor(dead)

    receive do
      {:DOWN, ^ref, :process, ^dead, reason} -> IO.inspect(reason, label: "dead pid")
    end

    # two monitors on one process give two DOWN messages
    pid = spawn(fn -> receive do: (:go -> :ok) end)
    m1 = Process.monitor(pid)
    m2 = Process.monitor(pid)
    IO.inspect(m1 == m2, label: "same ref")
    send(pid, :go)

    n =
      Enum.count([m1, m2], fn m ->
        receive do
          {:DOWN, ^m, :process, ^pid, :normal} -> true
        end
      end)

    IO.inspect(n, label: "DOWN messages")

    # an exception: the reason is {exception, stacktrace} and a report is logged; the logger
    # prints it asynchronously, so nothing is printed after this point
    case watch(fn -> raise "monitored failure" end) do
      {%RuntimeError{message: "monitored failure"}, stack} when is_list(stack) -> :ok
      other -> raise "unexpected reason #{inspect(other)}"
    end

    Process.sleep(300)
    Logger.flush()
  end
end

Watcher.run()
