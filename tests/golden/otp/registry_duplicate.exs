# Registry with duplicate keys: several entries per key, dispatch, match, unregister_match,
# count_match, and cleanup when owners die.
# (The code runs inside a function: OTP 25's compiler fails on this receive at top level.)
defmodule RegistryDuplicate do
  def run do
    {:ok, _} = Registry.start_link(keys: :duplicate, name: Reg.D)
    {:ok, _} = Registry.register(Reg.D, :topic, {:info, 1})
    {:ok, _} = Registry.register(Reg.D, :topic, {:debug, 2})
    {:ok, _} = Registry.register(Reg.D, :other, :x)
    IO.inspect(Enum.sort(Registry.values(Reg.D, :topic, self())))
    IO.inspect(Registry.count(Reg.D))
    IO.inspect(Enum.sort(Registry.keys(Reg.D, self())))
    IO.inspect(length(Registry.match(Reg.D, :topic, {:info, :_})))
    IO.inspect(Registry.count_match(Reg.D, :topic, {:_, :_}))
    IO.inspect(Registry.count_match(Reg.D, :topic, {:warn, :_}))

    me = self()

    Registry.dispatch(Reg.D, :topic, fn entries ->
      for {pid, value} <- Enum.sort(entries), do: send(pid, {:event, value})
    end)
    |> IO.inspect()

    for _ <- 1..2 do
      receive do
        {:event, v} -> IO.inspect(v, label: "event")
      end
    end

    IO.inspect(Registry.dispatch(Reg.D, :nobody, fn _ -> send(me, :called) end))

    receive do
      :called -> IO.puts("dispatch called for an empty key")
    after
      0 -> IO.puts("no dispatch for an empty key")
    end

    try do
      Registry.update_value(Reg.D, :topic, & &1)
    rescue
      e -> IO.inspect(e)
    end

    IO.inspect(Registry.unregister_match(Reg.D, :topic, {:debug, :_}))
    IO.inspect(Registry.values(Reg.D, :topic, self()))
    IO.inspect(Enum.sort(Registry.keys(Reg.D, self())))

    # Children register under :topic and die; wait until the registry has dropped them.
    parent = self()

    kids =
      for i <- 1..3 do
        spawn(fn ->
          {:ok, _} = Registry.register(Reg.D, :topic, {:extra, i})
          {:ok, _} = Registry.register(Reg.D, :topic, {:kid, i})
          :ok = Registry.unregister_match(Reg.D, :topic, {:extra, :_})
          send(parent, {:ready, self()})
          receive do
            :stop -> :ok
          end
        end)
      end

    for kid <- kids do
      receive do
        {:ready, ^kid} -> :ok
      end
    end

    IO.inspect(Registry.count_match(Reg.D, :topic, {:kid, :_}))

    for kid <- kids do
      ref = Process.monitor(kid)
      send(kid, :stop)

      receive do
        {:DOWN, ^ref, :process, ^kid, :normal} -> :ok
      end
    end

    # The registry learns of the deaths through its own monitors: poll until it has.
    wait = fn wait ->
      if Registry.count(Reg.D) == 2, do: :ok, else: (Process.sleep(1); wait.(wait))
    end

    IO.inspect(wait.(wait))
    IO.inspect(Registry.lookup(Reg.D, :topic) == [{self(), {:info, 1}}])
    IO.inspect(Enum.sort(Registry.keys(Reg.D, self())))
    IO.inspect(Registry.keys(Reg.D, hd(kids)))
  end
end

RegistryDuplicate.run()
