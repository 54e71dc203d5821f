# exit(:normal) inside a linked process reaches a trapping parent as {:EXIT, pid, :normal}
# and does not kill a non-trapping linked process.
defmodule ExitNormal do
  def run do
    Process.flag(:trap_exit, true)
    parent = self()

    pid = spawn_link(fn ->
      send(parent, :about_to_exit)
      exit(:normal)
      send(parent, :unreachable)
    end)

    receive do
      :about_to_exit -> IO.puts("child says goodbye")
    end

    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT")
    end

    receive do
      :unreachable -> IO.puts("code after exit ran")
    after
      0 -> IO.puts("code after exit did not run")
    end

    # exit(:normal) inside a try is caught by catch :exit
    result =
      try do
        exit(:normal)
      catch
        :exit, reason -> {:caught, reason}
      end

    IO.inspect(result, label: "caught")

    # a non-trapping linked partner survives exit(:normal)
    partner = spawn(fn ->
      receive do
        {:ping, from} -> send(from, :pong)
      end
    end)

    quitter = spawn(fn ->
      Process.link(partner)
      exit(:normal)
    end)

    ref = Process.monitor(quitter)

    receive do
      {:DOWN, ^ref, :process, ^quitter, _normal_or_noproc} -> :ok
    end

    send(partner, {:ping, self()})

    receive do
      :pong -> IO.puts("partner still answers")
    end
  end
end

ExitNormal.run()
