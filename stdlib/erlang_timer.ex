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

  def cancel(ref) do
    Process.cancel_timer(ref)
    {:ok, :cancel}
  end
end
