# Process functions written in Ember. Most of Process is C built-ins ("Elixir.Process" rows of
# vm/builtins.def): spawning, links, monitors, registered names, timers, the dictionary, info.
defmodule Process do
  # Sleeps [timeout] milliseconds (or forever with :infinity) without blocking a scheduler:
  # an empty receive whose `after` fires.
  def sleep(timeout) when is_integer(timeout) and timeout >= 0 do
    receive do
    after
      timeout -> :ok
    end
  end

  def sleep(:infinity) do
    receive do
    after
      :infinity -> :ok
    end
  end

  def hibernate(module, function, args), do: apply(module, function, args)

  def spawn(fun, opts) when is_function(fun, 0), do: :erlang.spawn_opt(fun, opts)
  def spawn(module, function, args, _opts), do: Kernel.spawn(module, function, args)

  def exit(pid, reason, _opts), do: Process.exit(pid, reason)

  # The initial call of a process spawned with spawn(m, f, args) when m.f is a built-in or
  # does not exist (then the new process raises UndefinedFunctionError, as on BEAM).
  def __apply__(module, function, args), do: apply(module, function, args)
end
