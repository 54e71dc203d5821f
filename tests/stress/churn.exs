# Stress: random spawn/link/kill churn for 30 s (duration divided by STRESS_SCALE).
# 8 workers (all trapping exits) randomly spawn linked children, some monitored; children are
# :sleeper (does not trap exits) or :trapper (traps exits and has a linked, monitored grandchild).
# Random operations: spawn, Process.exit(child, :kill), Process.exit(child, :shutdown),
# Process.exit(child, :normal), a :stop message, and a ping round trip. Every operation sets the
# expected outcome (which EXIT and DOWN messages with which reasons, which processes stay
# alive); checked continuously and at the end: believed-alive processes are alive and answer,
# dead ones are dead, every expected EXIT/DOWN arrives exactly once with the right reason, a
# trapper has seen exactly the exit signals sent to it, a message sent right after a fatal
# signal is never answered, and length(Process.list()) returns to
# its starting value once everything is shut down. Randomness is a fixed-seed LCG per worker
# (Ember has no :rand). Final line: "ok churn workers=8" (counts on earlier lines vary).
defmodule Churn do
  @workers 8
  @max_children 40

  def scale do
    case System.get_env("STRESS_SCALE") do
      nil -> 1
      "" -> 1
      s -> String.to_integer(s)
    end
  end

  def now, do: System.monotonic_time(:millisecond)

  # ---- random numbers: LCG, value in 0..k-1 ----
  def rand(st, k) do
    rng = rem(st.rng * 1_103_515_245 + 12_345, 2_147_483_648)
    {rem(div(rng, 65_536), k), %{st | rng: rng}}
  end

  # ---- children ----
  def child_start(:sleeper, parent) do
    send(parent, {:ready, self(), nil})
    sleeper_loop()
  end

  def child_start(:trapper, parent) do
    Process.flag(:trap_exit, true)
    gc = spawn_link(fn -> gc_loop() end)
    send(parent, {:ready, self(), gc})
    trapper_loop(gc, 0)
  end

  def sleeper_loop do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, self(), n, 0})
        sleeper_loop()

      :stop ->
        :ok
    end
  end

  def trapper_loop(gc, exits) do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, self(), n, exits})
        trapper_loop(gc, exits)

      {:EXIT, _from, _reason} ->
        trapper_loop(gc, exits + 1)

      :stop ->
        send(gc, :stop)
        :ok
    end
  end

  def gc_loop do
    receive do
      {:ping, from} ->
        send(from, {:gc_pong, self()})
        gc_loop()

      :stop ->
        :ok
    end
  end

  # ---- worker ----
  def worker(id, main, deadline) do
    Process.flag(:trap_exit, true)

    st = %{
      id: id,
      rng: id * 7919 + 17,
      children: %{},
      exit_wait: %{},
      down_wait: %{},
      exits_done: %{},
      downs_done: %{},
      dead: [],
      errors: [],
      pings: 0,
      ops: %{spawn: 0, kill: 0, shutdown: 0, normal: 0, stop: 0, ping: 0}
    }

    st = loop(st, deadline)
    st = finish(st)
    send(main, {:report, self(), id, st.ops, Enum.reverse(st.errors)})
  end

  def err(st, msg), do: %{st | errors: ["worker #{st.id}: " <> msg | st.errors]}

  def count(st, op), do: %{st | ops: Map.update!(st.ops, op, &(&1 + 1))}

  def loop(st, deadline) do
    if now() >= deadline do
      st
    else
      st = st |> drain() |> step()
      loop(st, deadline)
    end
  end

  def step(st) do
    {op, st} = rand(st, 100)
    n = map_size(st.children)

    cond do
      n == 0 -> spawn_child(st)
      op < 30 and n < @max_children -> spawn_child(st)
      op < 45 -> with_child(st, &kill_child/2)
      op < 55 -> with_child(st, &shutdown_child/2)
      op < 62 -> with_child(st, &normal_child/2)
      op < 72 -> with_child(st, &stop_child/2)
      true -> with_child(st, &ping_child/2)
    end
  end

  def with_child(st, fun) do
    keys = Map.keys(st.children)
    {i, st} = rand(st, length(keys))
    fun.(st, Enum.at(keys, i))
  end

  def spawn_child(st) do
    {k, st} = rand(st, 2)
    {m, st} = rand(st, 2)
    kind = if k == 0, do: :sleeper, else: :trapper
    parent = self()
    pid = spawn_link(fn -> child_start(kind, parent) end)

    receive do
      {:ready, ^pid, gc} ->
        mon = if m == 0, do: Process.monitor(pid), else: nil
        gc_mon = if gc, do: monitor_gc(gc), else: nil
        child = %{kind: kind, mon: mon, gc: gc, gc_mon: gc_mon, exits: 0}
        count(%{st | children: Map.put(st.children, pid, child)}, :spawn)
    after
      10_000 -> err(st, "child #{inspect(pid)} never became ready")
    end
  end

  # Monitors the grandchild and waits until the monitor is surely in place: a later kill of the
  # trapper reaches the grandchild by another path (trapper -> grandchild link) than the
  # monitor signal (worker -> grandchild), so without this round trip the DOWN could say :noproc.
  def monitor_gc(gc) do
    ref = Process.monitor(gc)
    send(gc, {:ping, self()})

    receive do
      {:gc_pong, ^gc} -> ref
    end
  end

  # The child is gone (or going) with `reason`; its grandchild (if any) with `gc_reason`.
  def expect_death(st, pid, reason, gc_reason) do
    # A message sent after the fatal signal must never be answered (signals from one sender
    # arrive in order): drain/1 reports a {:pong, _, :after_death, _}.
    send(pid, {:ping, self(), :after_death})
    child = Map.fetch!(st.children, pid)
    st = %{st | children: Map.delete(st.children, pid), exit_wait: Map.put(st.exit_wait, pid, reason)}
    st = if child.mon, do: %{st | down_wait: Map.put(st.down_wait, child.mon, {pid, reason})}, else: st

    if child.gc do
      %{st | down_wait: Map.put(st.down_wait, child.gc_mon, {child.gc, gc_reason})}
    else
      st
    end
  end

  def kill_child(st, pid) do
    Process.exit(pid, :kill)
    # the trapper's link kills its (non-trapping) grandchild with reason :killed
    count(expect_death(st, pid, :killed, :killed), :kill)
  end

  def shutdown_child(st, pid) do
    Process.exit(pid, :shutdown)
    st = count(st, :shutdown)

    case Map.fetch!(st.children, pid) do
      %{kind: :sleeper} -> expect_death(st, pid, :shutdown, nil)
      child -> %{st | children: Map.put(st.children, pid, %{child | exits: child.exits + 1})}
    end
  end

  def normal_child(st, pid) do
    Process.exit(pid, :normal)
    st = count(st, :normal)

    case Map.fetch!(st.children, pid) do
      # a non-trapping process ignores an exit signal with reason :normal
      %{kind: :sleeper} -> st
      child -> %{st | children: Map.put(st.children, pid, %{child | exits: child.exits + 1})}
    end
  end

  def stop_child(st, pid) do
    send(pid, :stop)
    # a trapper stops its grandchild (with :stop, so :normal) before it ends
    count(expect_death(st, pid, :normal, :normal), :stop)
  end

  def ping_child(st, pid) do
    n = st.pings + 1
    st = count(%{st | pings: n}, :ping)
    send(pid, {:ping, self(), n})
    want = Map.fetch!(st.children, pid).exits

    receive do
      {:pong, ^pid, ^n, ^want} -> st
      {:pong, ^pid, ^n, got} -> err(st, "trapper saw #{got} exit signals, sent #{want}")
    after
      10_000 -> err(st, "no answer to ping from #{inspect(pid)}")
    end
  end

  # ---- EXIT / DOWN accounting ----
  def drain(st) do
    receive do
      {:EXIT, pid, reason} -> st |> on_exit(pid, reason) |> drain()
      {:DOWN, ref, :process, pid, reason} -> st |> on_down(ref, pid, reason) |> drain()
      {:pong, _pid, :after_death, _} -> st |> err("answered a message sent after its exit signal") |> drain()
    after
      0 -> st
    end
  end

  def on_exit(st, pid, reason) do
    cond do
      Map.has_key?(st.exit_wait, pid) ->
        want = Map.fetch!(st.exit_wait, pid)
        st = %{st | exit_wait: Map.delete(st.exit_wait, pid), exits_done: Map.put(st.exits_done, pid, true),
          dead: [pid | st.dead]}
        st = if reason == want, do: st, else: err(st, "EXIT reason #{inspect(reason)}, want #{inspect(want)}")
        if Process.alive?(pid), do: err(st, "alive after its EXIT"), else: st

      Map.has_key?(st.exits_done, pid) ->
        err(st, "duplicate EXIT #{inspect(reason)}")

      true ->
        err(st, "unexpected EXIT #{inspect(reason)} (believed alive: #{Map.has_key?(st.children, pid)})")
    end
  end

  def on_down(st, ref, pid, reason) do
    cond do
      Map.has_key?(st.down_wait, ref) ->
        {want_pid, want} = Map.fetch!(st.down_wait, ref)
        st = %{st | down_wait: Map.delete(st.down_wait, ref), downs_done: Map.put(st.downs_done, ref, true),
          dead: [pid | st.dead]}
        st = if pid == want_pid, do: st, else: err(st, "DOWN for the wrong pid")
        st = if reason == want, do: st, else: err(st, "DOWN reason #{inspect(reason)}, want #{inspect(want)}")
        if Process.alive?(pid), do: err(st, "alive after its DOWN"), else: st

      Map.has_key?(st.downs_done, ref) ->
        err(st, "duplicate DOWN #{inspect(reason)}")

      true ->
        err(st, "unexpected DOWN #{inspect(reason)}")
    end
  end

  def wait_all(st) do
    if map_size(st.exit_wait) == 0 and map_size(st.down_wait) == 0 do
      st
    else
      receive do
        {:EXIT, pid, reason} -> st |> on_exit(pid, reason) |> wait_all()
        {:DOWN, ref, :process, pid, reason} -> st |> on_down(ref, pid, reason) |> wait_all()
        {:pong, _pid, :after_death, _} -> st |> err("answered a message sent after its exit signal") |> wait_all()
      after
        10_000 ->
          err(st, "timeout: #{map_size(st.exit_wait)} EXIT and #{map_size(st.down_wait)} DOWN missing")
      end
    end
  end

  def finish(st) do
    st = drain(st)
    pids = Map.keys(st.children)

    # everything believed alive is alive and answers
    st =
      Enum.reduce(pids, st, fn pid, st ->
        child = Map.fetch!(st.children, pid)
        st = if Process.alive?(pid), do: st, else: err(st, "believed-alive child is dead")
        st = if child.gc == nil or Process.alive?(child.gc), do: st, else: err(st, "grandchild is dead")
        ping_child(st, pid)
      end)

    # shut everything down and collect every EXIT and DOWN
    st = Enum.reduce(pids, st, fn pid, st -> kill_child(st, pid) end)
    st = wait_all(st)
    # nothing more may arrive: a second EXIT or DOWN would show up here
    st = drain(st)

    case Enum.filter(st.dead, &Process.alive?/1) do
      [] -> st
      alive -> err(st, "#{length(alive)} dead processes are alive")
    end
  end

  # ---- main ----
  def wait_count(initial, 0), do: length(Process.list()) == initial

  def wait_count(initial, tries) do
    if length(Process.list()) == initial do
      true
    else
      Process.sleep(20)
      wait_count(initial, tries - 1)
    end
  end

  def run do
    duration = div(30_000, scale())
    initial = length(Process.list())
    main = self()
    deadline = now() + duration

    workers =
      for id <- 1..@workers do
        pid = spawn(fn -> worker(id, main, deadline) end)
        {pid, Process.monitor(pid)}
      end

    reports =
      Enum.map(workers, fn {pid, _} ->
        receive do
          {:report, ^pid, _id, ops, errors} -> {ops, errors}
        after
          duration + 60_000 -> {%{}, ["no report from a worker"]}
        end
      end)

    downs =
      Enum.map(workers, fn {pid, ref} ->
        receive do
          {:DOWN, ^ref, :process, ^pid, :normal} -> []
          {:DOWN, ^ref, :process, ^pid, reason} -> ["worker ended with #{inspect(reason)}"]
        after
          10_000 -> ["worker never ended"]
        end
      end)

    errors = Enum.flat_map(reports, fn {_, e} -> e end) ++ Enum.concat(downs)
    errors = if Enum.any?(workers, fn {pid, _} -> Process.alive?(pid) end), do: ["a worker is alive" | errors], else: errors
    # an exiting process may still be listed for a moment, so poll (up to 10 s)
    errors = if wait_count(initial, 500), do: errors,
      else: ["Process.list has #{length(Process.list())} processes, started with #{initial}" | errors]

    totals =
      Enum.reduce(reports, %{}, fn {ops, _}, acc -> Map.merge(acc, ops, fn _k, a, b -> a + b end) end)

    IO.puts("churn ops: " <> Enum.map_join(Enum.sort(Map.to_list(totals)), " ", fn {k, v} -> "#{k}=#{v}" end))

    case errors do
      [] ->
        IO.puts("ok churn workers=#{@workers}")

      _ ->
        Enum.each(Enum.take(errors, 10), &IO.puts/1)
        IO.puts("FAIL churn: #{length(errors)} errors")
    end
  end
end

Churn.run()
