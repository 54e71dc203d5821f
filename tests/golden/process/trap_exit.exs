# spawn_link with trap_exit: exits of linked processes arrive as {:EXIT, pid, reason} messages.
defmodule Trap do
  def wait_exit(pid) do
    receive do
      {:EXIT, ^pid, reason} -> reason
    end
  end

  def run do
    IO.inspect(Process.flag(:trap_exit, true), label: "previous trap_exit")
    IO.inspect(Process.flag(:trap_exit, true), label: "now trap_exit")

    p1 = spawn_link(fn -> :done end)
    IO.inspect(wait_exit(p1), label: "normal return")

    p2 = spawn_link(fn -> exit(:boom) end)
    IO.inspect(wait_exit(p2), label: "exit(:boom)")

    p3 = spawn_link(fn -> exit({:shutdown, :because}) end)
    IO.inspect(wait_exit(p3), label: "exit shutdown tuple")

    p4 = spawn_link(fn -> exit(:normal) end)
    IO.inspect(wait_exit(p4), label: "exit(:normal)")

    p5 = spawn_link(fn -> receive do: (:never -> :ok) end)
    Process.exit(p5, :kill)
    IO.inspect(wait_exit(p5), label: "killed")

    p6 = spawn_link(fn -> receive do: (:never -> :ok) end)
    Process.exit(p6, :custom)
    IO.inspect(wait_exit(p6), label: "Process.exit custom")

    IO.puts("main still alive")
  end
end

Trap.run()
