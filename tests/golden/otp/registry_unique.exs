# Registry with unique keys: register, lookup, errors, update_value, meta, and cleanup when
# an owner dies (synchronised with a monitor; unique lookups skip dead owners).
# (The code runs inside a function: OTP 25's compiler fails on this receive at top level.)
defmodule RegistryUnique do
  def run do
    {:ok, sup} = Registry.start_link(keys: :unique, name: Reg.U, meta: [color: :red])
    IO.inspect(is_pid(sup))
    {:ok, owner} = Registry.register(Reg.U, :a, 1)
    # (Elixir answers a partition pid, not the registry supervisor pid.)
    IO.inspect(is_pid(owner))
    IO.inspect(Registry.lookup(Reg.U, :a) == [{self(), 1}])
    IO.inspect(Registry.lookup(Reg.U, :missing))
    {:error, {:already_registered, pid}} = Registry.register(Reg.U, :a, 2)
    IO.inspect(pid == self())
    IO.inspect(Registry.update_value(Reg.U, :a, &(&1 + 10)))
    IO.inspect(Registry.update_value(Reg.U, :nope, &(&1 + 10)))
    IO.inspect(Registry.values(Reg.U, :a, self()))
    {:ok, _} = Registry.register(Reg.U, {:b, 2}, "bee")
    IO.inspect(Enum.sort(Registry.keys(Reg.U, self())))
    IO.inspect(Registry.count(Reg.U))
    IO.inspect(Registry.meta(Reg.U, :color))
    IO.inspect(Registry.meta(Reg.U, :size))
    IO.inspect(Registry.put_meta(Reg.U, :size, 3))
    IO.inspect(Registry.meta(Reg.U, :size))
    IO.inspect(Registry.unregister(Reg.U, :a))
    IO.inspect(Registry.unregister(Reg.U, :a))
    IO.inspect(Registry.lookup(Reg.U, :a))

    # Another process takes :a; its entry goes away when it dies.
    parent = self()

    child =
      spawn(fn ->
        send(parent, {:registered, Registry.register(Reg.U, :a, :child)})
        receive do
          :stop -> :ok
        end
      end)

    receive do
      {:registered, {:ok, _}} -> IO.puts("child registered")
    end

    [{^child, :child}] = Registry.lookup(Reg.U, :a)
    {:error, {:already_registered, ^child}} = Registry.register(Reg.U, :a, :me)
    IO.inspect(Registry.keys(Reg.U, child))
    ref = Process.monitor(child)
    send(child, :stop)

    receive do
      {:DOWN, ^ref, :process, ^child, reason} -> IO.inspect(reason, label: "down")
    end

    IO.inspect(Registry.lookup(Reg.U, :a))
    IO.inspect(Registry.whereis_name({Reg.U, :a}))

    # Errors.
    for fun <- [
          fn -> Registry.lookup(Reg.Nope, :a) end,
          fn -> Registry.register(Reg.Nope, :a, 1) end,
          fn -> Registry.start_link(keys: :other, name: Reg.X) end,
          fn -> Registry.start_link(name: Reg.X) end,
          fn -> Registry.start_link(keys: :unique, name: "x") end,
          fn -> Registry.send({Reg.U, :nobody}, :hi) end
        ] do
      try do
        fun.()
      rescue
        e -> IO.inspect(e)
      end
    end

    IO.inspect(Registry.child_spec(keys: :unique, name: Reg.Child))
  end
end

RegistryUnique.run()
