# An abnormal exit propagates over links and kills non-trapping processes; a third process
# (main) watches with monitors and is not affected.
defmodule Chain do
  def idle do
    receive do
      :never -> :ok
    end
  end

  def run do
    parent = self()

    a = spawn(fn ->
      b = spawn_link(fn -> idle() end)
      c = spawn_link(fn -> idle() end)
      send(parent, {:children, b, c})
      receive do
        :crash -> exit(:chain_reaction)
      end
    end)

    {b, c} =
      receive do
        {:children, b, c} -> {b, c}
      end

    refs = for {name, pid} <- [a: a, b: b, c: c], into: %{}, do: {Process.monitor(pid), name}
    send(a, :crash)

    downs =
      for _ <- 1..3 do
        receive do
          {:DOWN, ref, :process, _pid, reason} -> {Map.fetch!(refs, ref), reason}
        end
      end

    IO.inspect(Enum.sort(downs), label: "downs")
    IO.inspect(Enum.map([a, b, c], &Process.alive?/1), label: "alive")

    # a normal exit does not kill linked processes
    d = spawn(fn ->
      e = spawn_link(fn -> idle() end)
      send(parent, {:child, e})
    end)

    e =
      receive do
        {:child, e} -> e
      end

    ref = Process.monitor(d)

    receive do
      {:DOWN, ^ref, :process, ^d, _already_gone_or_normal} -> :ok
    end

    IO.inspect(Process.alive?(e), label: "linked child survives normal exit")
    Process.exit(e, :kill)
  end
end

Chain.run()
