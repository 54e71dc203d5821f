# Process.demonitor/1 and demonitor(ref, [:flush]) remove the monitor and any DOWN message.
defmodule Demon do
  def drain(acc \\ []) do
    receive do
      msg -> drain([msg | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def run do
    pid = spawn(fn -> receive do: (:go -> :ok) end)
    ref = Process.monitor(pid)
    IO.inspect(Process.demonitor(ref), label: "demonitor")
    send(pid, :go)
    ref2 = Process.monitor(pid)

    receive do
      {:DOWN, ^ref2, :process, ^pid, _} -> :ok
    end

    IO.inspect(drain(), label: "messages after demonitor")

    # the DOWN message is already queued: :flush removes it
    pid = spawn(fn -> :ok end)
    ref = Process.monitor(pid)
    helper = Process.monitor(pid)

    receive do
      {:DOWN, ^helper, :process, ^pid, _} -> :ok
    end

    send(self(), :keep_me)
    IO.inspect(Process.demonitor(ref, [:flush]), label: "demonitor flush")
    IO.inspect(drain(), label: "messages after flush")

    # demonitor of an unknown or already used ref is fine
    IO.inspect(Process.demonitor(make_ref()), label: "unknown ref")
    IO.inspect(Process.demonitor(ref, [:flush]), label: "again")
  end
end

Demon.run()
