# Registered names: register/whereis/unregister/registered and sending to a name.
defmodule Registry1 do
  def kv(state) do
    receive do
      {:put, k, v} ->
        kv(Map.put(state, k, v))

      {:get, k, from} ->
        send(from, {:value, Map.get(state, k)})
        kv(state)
    end
  end

  def run do
    IO.inspect(Process.whereis(:kv_store), label: "before")
    pid = spawn(fn -> kv(%{}) end)
    IO.inspect(Process.register(pid, :kv_store), label: "register")
    IO.inspect(Process.whereis(:kv_store) == pid, label: "whereis")
    IO.inspect(:kv_store in Process.registered(), label: "in registered")
    IO.inspect(Process.info(pid, :registered_name), label: "registered_name")

    send(:kv_store, {:put, :lang, "elixir"})
    send(:kv_store, {:put, :year, 2012})
    send(:kv_store, {:get, :lang, self()})

    receive do
      {:value, v} -> IO.inspect(v, label: "lang")
    end

    # a name can only be taken once
    other = spawn(fn -> :timer.sleep(:infinity) end)

    try do
      Process.register(other, :kv_store)
    rescue
      e in ArgumentError -> IO.puts("second register: #{inspect(e.__struct__)}")
    end

    IO.inspect(Process.unregister(:kv_store), label: "unregister")
    IO.inspect(Process.whereis(:kv_store), label: "after unregister")
    IO.inspect(:kv_store in Process.registered(), label: "in registered")
    IO.inspect(Process.info(pid, :registered_name), label: "registered_name after")

    # sending to an unregistered name raises
    try do
      send(:kv_store, :hello)
    rescue
      ArgumentError -> IO.puts("send to unknown name: ArgumentError")
    end

    # the main process can register itself
    Process.register(self(), :main_proc)
    IO.inspect(Process.info(self(), :registered_name), label: "self name")
    send(:main_proc, :note_to_self)

    receive do
      :note_to_self -> IO.puts("got note sent to :main_proc")
    end

    # a name is freed when its process exits
    ref = Process.monitor(other)
    Process.register(other, :sleeper)
    Process.exit(other, :kill)

    receive do
      {:DOWN, ^ref, :process, _, _} -> :ok
    end

    IO.inspect(Process.whereis(:sleeper), label: "name of dead process")
  end
end

Registry1.run()
