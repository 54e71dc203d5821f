# An ETS table belongs to the process that created it and goes away when that process exits
defmodule OwnerTest do
  def run do
    parent = self()
    {pid, ref} =
      spawn_monitor(fn ->
        t = :ets.new(:owned_table, [:named_table, :public])
        :ets.insert(t, {:k, :v})
        send(parent, {:made, t})
        receive do
          :stop -> :ok
        end
      end)
    receive do
      {:made, t} -> IO.inspect(t)
    end
    IO.inspect(:ets.lookup(:owned_table, :k))
    IO.inspect(:ets.info(:owned_table, :size))
    IO.inspect(:ets.info(:owned_table, :owner) == pid)
    send(pid, :stop)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason)
    end
    IO.inspect(:ets.info(:owned_table))
    IO.inspect(:ets.info(:owned_table, :size))
    IO.inspect(:ets.whereis(:owned_table))
    try do
      :ets.lookup(:owned_table, :k)
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
    # The name is free again
    t2 = :ets.new(:owned_table, [:named_table])
    IO.inspect(t2)
    IO.inspect(:ets.insert(:owned_table, {:again, 1}))
    IO.inspect(:ets.lookup(:owned_table, :again))

    # A crashing owner loses its table too; an unnamed table's id stops working
    {pid2, ref2} =
      spawn_monitor(fn ->
        t = :ets.new(:anon, [:bag])
        :ets.insert(t, {1, 2})
        send(parent, {:anon, t})
        receive do
          :crash -> exit(:boom)
        end
      end)
    tid = receive do
      {:anon, t} -> t
    end
    IO.inspect(is_reference(tid))
    IO.inspect(:ets.lookup(tid, 1))
    send(pid2, :crash)
    receive do
      {:DOWN, ^ref2, :process, ^pid2, reason} -> IO.inspect(reason)
    end
    IO.inspect(:ets.info(tid, :size))
    try do
      :ets.insert(tid, {3, 4})
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
  end
end

OwnerTest.run()
