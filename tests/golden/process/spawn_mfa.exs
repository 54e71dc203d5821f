# spawn/3 with a module, function name and argument list; the child loops with state.
defmodule Accumulator do
  def start(initial), do: spawn(__MODULE__, :loop, [initial])

  def loop(total) do
    receive do
      {:add, n} ->
        loop(total + n)

      {:get, from} ->
        send(from, {:total, total})
        loop(total)

      :stop ->
        IO.puts("accumulator stopping at #{total}")
    end
  end

  def get(pid) do
    send(pid, {:get, self()})

    receive do
      {:total, t} -> t
    end
  end
end

defmodule Main do
  def run do
    acc = Accumulator.start(100)
    Enum.each(1..10, fn i -> send(acc, {:add, i}) end)
    IO.puts("total: #{Accumulator.get(acc)}")
    send(acc, {:add, -55})
    IO.puts("total: #{Accumulator.get(acc)}")
    ref = Process.monitor(acc)
    send(acc, :stop)

    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "down")
    end

    {pid, ref2} = spawn_monitor(IO, :puts, ["printed by IO.puts in another process"])

    receive do
      {:DOWN, ^ref2, :process, ^pid, :normal} -> IO.puts("io process done")
    end
  end
end

Main.run()
