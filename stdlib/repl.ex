# The interactive shell's processes (docs/repl.md). The C side (vm/repl.c) reads and compiles
# each input into its own module; the keeper below holds the bindings and results between
# inputs and hands each input to the evaluator, a long-lived process that runs user code (so
# self(), its mailbox and flush() persist from one input to the next, as in iex). Ctrl-C, or
# the evaluator dying of an exit signal, replaces the evaluator; the bindings survive.
defmodule Ember.Repl do
  @moduledoc false

  # iex's marker for "evaluated, but print nothing" (IEx.dont_display_result/0).
  @quiet :"do not show this result in output"
  @max_bindings 200

  # The keeper: the C side sends {:ember_repl_eval, module} and :ember_repl_interrupt and waits
  # for :ember_repl.ready/2 before it prompts again.
  def start do
    keeper(%{bindings: [], results: [], counter: 1, evaluator: start_evaluator()})
  end

  defp keeper(state) do
    :ember_repl.ready(Enum.map(state.bindings, &elem(&1, 0)), state.counter)
    keeper(next_input(state))
  end

  defp next_input(state) do
    {evaluator, ref} = state.evaluator

    receive do
      {:ember_repl_eval, module} ->
        evaluate(module, state)

      :ember_repl_interrupt ->
        next_input(state)

      # Killed between inputs (by a linked process): say so at once, as iex does.
      {:DOWN, ^ref, :process, _, reason} ->
        next_input(evaluator_died(evaluator, reason, state))
    end
  end

  # The evaluator is monitored for its whole life: {pid, monitor ref}.
  defp start_evaluator do
    keeper = self()
    spawn_monitor(fn -> evaluator(keeper) end)
  end

  defp evaluator_died(evaluator, reason, state) do
    IO.puts("** (EXIT from #{inspect(evaluator)}) shell process exited with reason: " <>
              Exception.format_exit(reason))
    %{state | evaluator: start_evaluator()}
  end

  defp evaluate(module, state) do
    %{evaluator: {evaluator, ref}, bindings: bindings} = state
    send(evaluator, {:ember_repl_run, ref, module, Enum.map(bindings, &elem(&1, 1)), state.results})

    receive do
      {:ember_repl_result, ^ref, outcome} ->
        record(outcome, state)

      :ember_repl_interrupt ->
        Process.demonitor(ref, [:flush])
        Process.exit(evaluator, :kill)
        IO.puts("** (EXIT) interrupted")
        %{state | evaluator: start_evaluator()}

      {:DOWN, ^ref, :process, _, reason} ->
        evaluator_died(evaluator, reason, state)
    end
  end

  defp record({:ok, value, bindings}, state) do
    if value != @quiet do
      IO.puts(inspect(value, pretty: true, width: 80))
    end

    n = state.counter
    %{state | bindings: Enum.take(bindings, -@max_bindings), results: [{n, value} | state.results],
              counter: n + 1}
  end

  defp record({:error, kind, reason, stack}, state) do
    message =
      cond do
        kind == :error and is_exception(reason) -> safe_message(reason)
        kind == :exit -> Exception.format_exit(reason)
        true -> nil
      end

    IO.write(:ember_repl.format_error(kind, reason, stack, message))
    state
  end

  defp safe_message(exception) do
    try do
      Exception.message(exception)
    catch
      _, _ -> nil
    end
  end

  # The evaluator: runs one input at a time in this same process. The results of earlier
  # inputs ride along for v/1.
  defp evaluator(keeper) do
    receive do
      {:ember_repl_run, ref, module, values, results} ->
        Process.put(:ember_repl_results, results)
        send(keeper, {:ember_repl_result, ref, run(module, values)})
        evaluator(keeper)
    end
  end

  defp run(module, values) do
    try do
      {value, bindings} = apply(module, :__script__, values)
      {:ok, value, bindings}
    catch
      kind, reason -> {:error, kind, reason, user_frames(__STACKTRACE__)}
    end
  end

  # The shell's own frames say nothing to the user.
  defp user_frames(stack) do
    Enum.reject(stack, fn entry -> elem(entry, 0) == Ember.Repl end)
  end
end

# The functions callable at the prompt without a module name (the compiler imports them into
# every input: compiler/repl_compile.c). Like IEx.Helpers.
defmodule Ember.Repl.Helpers do
  @moduledoc false
  @quiet :"do not show this result in output"

  def h do
    IO.puts("""
    Ember shell helpers:

      c(file)      compiles the modules in file and loads them; returns their names
      flush()      prints and discards every message in the shell's mailbox
      h()          prints this help
      i(term)      prints information about term
      pid(string)  the pid written as "0.index.serial"; pid(0, index, serial)
      r(module)    recompiles and reloads module from its source file
      v(n)         the result of input n (negative: counted back from the last); v() the last

    Ctrl-C interrupts a running evaluation; Ctrl-D on an empty line exits.
    """)

    @quiet
  end

  def v(n \\ -1) do
    results = Process.get(:ember_repl_results, [])

    found =
      if n < 0 do
        Enum.at(results, -n - 1)
      else
        List.keyfind(results, n, 0)
      end

    case found do
      {_, value} -> value
      nil -> raise RuntimeError, "v(#{n}) is out of bounds"
    end
  end

  def flush do
    receive do
      message ->
        IO.inspect(message)
        flush()
    after
      0 -> :ok
    end
  end

  def c(file) do
    Enum.map(Code.compile_file(file), &elem(&1, 0))
  end

  def r(module) do
    case :ember_code.source(module) do
      nil -> raise ArgumentError, "could not load nor find module: #{inspect(module)}"
      file -> {:reloaded, c(file)}
    end
  end

  def pid(text) when is_binary(text) do
    case String.split(text, ".") do
      [a, b, c] -> pid(String.to_integer(a), String.to_integer(b), String.to_integer(c))
      _ -> raise ArgumentError, "invalid pid: #{inspect(text)}"
    end
  end

  def pid(a, b, c), do: :erlang.list_to_pid(String.to_charlist("<#{a}.#{b}.#{c}>"))

  def i(term) do
    {type, modules} = describe(term)

    IO.puts("Term\n  #{inspect(term)}\nData type\n  #{type}\nReference modules\n  #{modules}")

    @quiet
  end

  defp describe(term) when is_integer(term), do: {"Integer", "Integer"}
  defp describe(term) when is_float(term), do: {"Float", "Float"}
  defp describe(term) when is_boolean(term), do: {"Atom", "Atom"}
  defp describe(term) when is_atom(term), do: {"Atom", "Atom"}
  defp describe(term) when is_binary(term), do: {"BitString", "String, :binary"}
  defp describe(term) when is_list(term), do: {"List", "List"}
  defp describe(term) when is_tuple(term), do: {"Tuple", "Tuple"}
  defp describe(%{__struct__: module}), do: {inspect(module), inspect(module) <> ", Map"}
  defp describe(term) when is_map(term), do: {"Map", "Map"}
  defp describe(term) when is_function(term), do: {"Function", "Function"}
  defp describe(term) when is_pid(term), do: {"PID", "Process"}
  defp describe(term) when is_reference(term), do: {"Reference", ""}
end
