# Stress: a ring of 10,000 processes passes a token 1,000 times around (10M hops).
# Laps divided by STRESS_SCALE (default 1). Final line: "ok ring procs=P hops=H".
defmodule Ring do
  @procs 10_000

  def scale do
    case System.get_env("STRESS_SCALE") do
      nil -> 1
      "" -> 1
      s -> String.to_integer(s)
    end
  end

  def node_start(main, total) do
    receive do
      {:next, next} -> node_loop(next, main, total)
    end
  end

  def node_loop(next, main, total) do
    receive do
      {:token, h} when h == total ->
        send(main, {:done, h})
        node_loop(next, main, total)

      {:token, h} ->
        send(next, {:token, h + 1})
        node_loop(next, main, total)

      {:stop, n} ->
        send(next, {:stop, n + 1})
        :ok
    end
  end

  def run do
    laps = max(div(1_000, scale()), 1)
    total = @procs * laps
    me = self()
    pids = for _ <- 1..@procs, do: spawn(fn -> node_start(me, total) end)
    [first | rest] = pids
    Enum.zip(pids, rest ++ [first]) |> Enum.each(fn {p, next} -> send(p, {:next, next}) end)
    send(first, {:token, 0})

    hops =
      receive do
        {:done, h} -> h
      after
        60_000 -> :timeout
      end

    # Stop the ring: the stop message goes once around; the last node forwards it to a dead
    # process (the first one), which is harmless. Wait until every node is gone.
    refs = Enum.map(pids, &Process.monitor/1)
    send(first, {:stop, 0})

    downs =
      Enum.count(refs, fn ref ->
        receive do
          {:DOWN, ^ref, :process, _, :normal} -> true
        after
          30_000 -> false
        end
      end)

    if hops == total and downs == @procs do
      IO.puts("ok ring procs=#{@procs} hops=#{hops}")
    else
      IO.puts("FAIL ring hops=#{inspect(hops)}/#{total} stopped=#{downs}/#{@procs}")
    end
  end
end

Ring.run()
