# Erlang's :timer module, the parts Elixir code commonly calls. Calls to :timer.f reach this
# module through the VM's Erlang stand-in rule (vm/vm.c: `:timer` -> Ember.Erlang.Timer).
defmodule Ember.Erlang.Timer do
  def sleep(ms), do: Process.sleep(ms)

  # {microseconds, result} of running the function.
  def tc(fun) when is_function(fun, 0) do
    start = System.monotonic_time(:microsecond)
    result = fun.()
    {System.monotonic_time(:microsecond) - start, result}
  end

  def tc(fun, args) when is_function(fun) do
    start = System.monotonic_time(:microsecond)
    result = apply(fun, args)
    {System.monotonic_time(:microsecond) - start, result}
  end

  def tc(module, function, args) do
    start = System.monotonic_time(:microsecond)
    result = apply(module, function, args)
    {System.monotonic_time(:microsecond) - start, result}
  end

  def seconds(s), do: s * 1000
  def minutes(m), do: m * 60_000
  def hours(h), do: h * 3_600_000

  def send_after(ms, pid, msg), do: {:ok, Process.send_after(pid, msg, ms)}
  def send_after(ms, msg), do: send_after(ms, self(), msg)

  # An interval is a helper process that sends [msg] every [ms] until cancelled or until the
  # process it serves dies (OTP's timer server links them the same way).
  def send_interval(ms, msg), do: send_interval(ms, self(), msg)

  def send_interval(ms, dest, msg) do
    owner = self()
    pid = spawn(fn -> interval_start(owner, ms, dest, msg) end)
    {:ok, {:interval, pid}}
  end

  def apply_after(ms, module, function, args) do
    ref = make_ref()
    spawn(fn ->
      Process.sleep(ms)
      apply(module, function, args)
    end)
    {:ok, {:once, ref}}
  end

  def apply_interval(ms, module, function, args) do
    owner = self()
    pid = spawn(fn -> apply_loop(Process.monitor(owner), ms, module, function, args) end)
    {:ok, {:interval, pid}}
  end

  def exit_after(ms, pid, reason) do
    ref = make_ref()
    spawn(fn ->
      Process.sleep(ms)
      Process.exit(pid, reason)
    end)
    {:ok, {:once, ref}}
  end

  def kill_after(ms, pid), do: exit_after(ms, pid, :kill)

  def cancel({:interval, pid}) do
    send(pid, :cancel)
    {:ok, :cancel}
  end

  def cancel({:once, _ref}), do: {:ok, :cancel}

  def cancel(ref) when is_reference(ref) do
    Process.cancel_timer(ref)
    {:ok, :cancel}
  end

  def cancel(_), do: {:error, :badarg}

  defp interval_start(owner, ms, dest, msg) do
    interval_loop(Process.monitor(owner), ms, dest, msg)
  end

  defp interval_loop(ref, ms, dest, msg) do
    receive do
      :cancel -> :ok
      {:DOWN, ^ref, _, _, _} -> :ok
    after
      ms ->
        send(dest, msg)
        interval_loop(ref, ms, dest, msg)
    end
  end

  defp apply_loop(ref, ms, module, function, args) do
    receive do
      :cancel -> :ok
      {:DOWN, ^ref, _, _, _} -> :ok
    after
      ms ->
        spawn(module, function, args)
        apply_loop(ref, ms, module, function, args)
    end
  end
end
