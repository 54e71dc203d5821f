# Processes that exit (with any reason) or are killed log nothing; only exceptions log reports.
defmodule Quiet do
  def wait(fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def run do
    IO.inspect(wait(fn -> exit(:boom) end), label: "exit(:boom)")
    IO.inspect(wait(fn -> exit({:shutdown, :done}) end), label: "exit shutdown")
    IO.inspect(wait(fn -> exit(:normal) end), label: "exit(:normal)")
    IO.inspect(wait(fn -> exit("a string reason") end), label: "exit string")
    IO.inspect(wait(fn -> Process.exit(self(), :kill) end), label: "kill self")

    victim = spawn(fn -> receive do: (:never -> :ok) end)
    ref = Process.monitor(victim)
    Process.exit(victim, :some_reason)

    receive do
      {:DOWN, ^ref, :process, ^victim, reason} -> IO.inspect(reason, label: "killed by signal")
    end

    # an exit caught inside the process is just a value
    caught =
      wait(fn ->
        try do
          exit(:inner)
        catch
          :exit, r -> exit({:caught, r})
        end
      end)

    IO.inspect(caught, label: "caught and re-exited")
    Process.sleep(100)
    IO.puts("no reports above")
  end
end

Quiet.run()
