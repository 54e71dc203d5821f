# Task for Ember, on the process primitives, following Elixir 1.14's Task:
#   * async/1,3 spawns a process linked to the caller (the owner), which monitors it and sends
#     it {owner, ref}; the task runs its function and answers {ref, result}, then exits
#     normally. await/yield receive that reply or the monitor's DOWN message.
#   * A task that raises or exits abnormally logs Elixir's "Task #PID<...> started from
#     #PID<...> terminating" report (Logger.error/1) and exits with {exception, stacktrace} (or
#     the exit reason); being linked, the owner dies with it unless it traps exits.
#   * start/1,3 and start_link/1,3 run a function for its side effects, returning {:ok, pid}.
#   * async_stream/3,5 is EAGER in Ember (it predates Stream; it returns a list): it runs the tasks with at most
#     :max_concurrency of them at a time and returns the list of {:ok, value} (or
#     {:exit, reason} for a task that died while the caller traps exits, or timed out with
#     on_timeout: :kill_task), in input order (ordered: true, the default) or completion order.
#     Enum functions and Enum.to_list/1 over it give Elixir's results; the work happens when
#     async_stream is called instead of when the stream is consumed.
defmodule Task do
  @enforce_keys [:mfa, :owner, :pid, :ref]
  defstruct [:mfa, :owner, :pid, :ref]

  def child_spec(arg) do
    %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}
  end

  # ==== Starting ====

  def async(fun) when is_function(fun, 0), do: do_async(fun, {:erlang, :apply, 2})

  def async(module, fun, args) when is_atom(module) and is_atom(fun) and is_list(args) do
    do_async({module, fun, args}, {module, fun, length(args)})
  end

  defp do_async(work, mfa) do
    owner = self()
    pid = spawn_link(fn -> async_body(owner, work) end)
    ref = Process.monitor(pid)
    send(pid, {owner, ref})
    %Task{mfa: mfa, owner: owner, pid: pid, ref: ref}
  end

  defp async_body(owner, work) do
    put_ancestry(owner)

    receive do
      {^owner, ref} -> send(owner, {ref, run(work, owner)})
    end
  end

  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  def start(module, fun, args) when is_atom(module) and is_atom(fun) and is_list(args) do
    owner = self()
    {:ok, spawn(fn -> start_body(owner, mfa_work(module, fun, args)) end)}
  end

  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, fun, args) when is_atom(module) and is_atom(fun) and is_list(args) do
    owner = self()
    {:ok, spawn_link(fn -> start_body(owner, mfa_work(module, fun, args)) end)}
  end

  defp mfa_work(:erlang, :apply, [fun, []]) when is_function(fun, 0), do: fun
  defp mfa_work(module, fun, args), do: {module, fun, args}

  defp start_body(owner, work) do
    put_ancestry(owner)
    run(work, owner)
  end

  # Task.Supervisor's start function, run inside the supervisor (so the task is linked to it):
  # mode :async_link / :async_nolink wait for {owner, ref} as async/1 tasks do (the first also
  # links to the owner), :start just runs the work.
  @doc false
  def __supervised__(owner, mode, work) do
    {:ok, spawn_link(fn -> supervised_body(owner, mode, work) end)}
  end

  defp supervised_body(owner, :async_link, work) do
    Process.link(owner)
    async_body(owner, work)
  end

  defp supervised_body(owner, :async_nolink, work), do: async_body(owner, work)
  defp supervised_body(owner, :start, work), do: start_body(owner, work)

  @doc false
  def __supervised_async__(supervisor, mode, module, fun, args) do
    owner = self()
    work = mfa_work(module, fun, args)
    spec = %{id: Task, start: {Task, :__supervised__, [owner, mode, work]}, restart: :temporary}
    {:ok, pid} = DynamicSupervisor.start_child(supervisor, spec)
    ref = Process.monitor(pid)
    send(pid, {owner, ref})
    mfa = if is_function(work), do: {:erlang, :apply, 2}, else: {module, fun, length(args)}
    %Task{mfa: mfa, owner: owner, pid: pid, ref: ref}
  end

  defp put_ancestry(owner) do
    Process.put(:"$ancestors", [owner])
    Process.put(:"$callers", [owner])
  end

  # Runs the task's work; on a crash, logs the report and exits with Elixir's reason.
  defp run(work, owner) do
    try do
      apply_work(work)
    rescue
      e -> crash(work, owner, {GenServer.__raw_error__(e), __STACKTRACE__}, {:exception, e, __STACKTRACE__})
    catch
      :exit, reason -> crash(work, owner, reason, __STACKTRACE__)
      :throw, value -> crash(work, owner, {{:nocatch, value}, __STACKTRACE__}, __STACKTRACE__)
    end
  end

  defp apply_work({:erlang, :apply, [fun, args]}) when is_function(fun), do: apply(fun, args)
  defp apply_work({module, fun, args}), do: apply(module, fun, args)
  defp apply_work(fun), do: fun.()

  defp crash(work, owner, reason, stack) do
    unless reason in [:normal, :shutdown] or match?({:shutdown, _}, reason) do
      Logger.error(
        "Task #{inspect(self())} started from #{inspect(owner_name(owner))} terminating\n" <>
          GenServer.__format_reason__(reason, stack) <> format_work(work)
      )
    end

    exit(reason)
  end

  defp owner_name(owner) do
    case Process.info(owner, :registered_name) do
      {:registered_name, name} when is_atom(name) -> name
      _ -> owner
    end
  end

  defp format_work({module, fun, args}) do
    "\nFunction: &#{inspect(module)}.#{fun}/#{length(args)}\n    Args: #{inspect(args)}"
  end

  defp format_work(fun), do: "\nFunction: #{inspect(fun)}\n    Args: []"

  # A task already finished with [result] (no process): await/yield return it at once.
  def completed(result) do
    ref = make_ref()
    owner = self()
    send(owner, {ref, result})
    %Task{mfa: {Task, :completed, 1}, owner: owner, pid: nil, ref: ref}
  end

  # Stops tracking the task: its reply (if already there) is returned, otherwise it keeps
  # running unlinked and its reply will be discarded.
  def ignore(%Task{owner: owner} = task) when owner != self() do
    raise ArgumentError, invalid_owner_error(task)
  end

  def ignore(%Task{ref: ref, pid: pid}) do
    receive do
      {^ref, reply} ->
        if pid, do: Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      0 ->
        Process.demonitor(ref, [:flush])
        if pid, do: Process.unlink(pid)
        nil
    end
  end

  # ==== Awaiting ====

  def await(task, timeout \\ 5000)

  def await(%Task{owner: owner} = task, _timeout) when owner != self() do
    raise ArgumentError, invalid_owner_error(task)
  end

  def await(%Task{ref: ref} = task, timeout) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  def await_many(tasks, timeout \\ 5000) when is_list(tasks) do
    Enum.each(tasks, fn task -> check_owner(task) end)
    deadline = deadline(timeout)
    Enum.map(tasks, fn task -> await_one(task, tasks, timeout, deadline) end)
  end

  defp await_one(%Task{ref: ref}, tasks, timeout, deadline) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {Task, :await_many, [tasks, timeout]}})
    after
      remaining(deadline) ->
        Enum.each(tasks, fn t -> Process.demonitor(t.ref, [:flush]) end)
        exit({:timeout, {Task, :await_many, [tasks, timeout]}})
    end
  end

  def yield(task, timeout \\ 5000)

  def yield(%Task{owner: owner} = task, _timeout) when owner != self() do
    raise ArgumentError, invalid_owner_error(task)
  end

  def yield(%Task{ref: ref}, timeout) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  def yield_many(tasks, timeout \\ 5000) when is_list(tasks) do
    Enum.each(tasks, fn task -> check_owner(task) end)
    deadline = deadline(timeout)
    Enum.map(tasks, fn task -> {task, yield(task, remaining(deadline))} end)
  end

  defp check_owner(%Task{owner: owner} = task) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))
  end

  defp invalid_owner_error(task) do
    "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
  end

  defp deadline(:infinity), do: :infinity
  defp deadline(timeout), do: :erlang.monotonic_time(:millisecond) + timeout

  defp remaining(:infinity), do: :infinity
  defp remaining(deadline), do: max(deadline - :erlang.monotonic_time(:millisecond), 0)

  # ==== Shutdown ====

  def shutdown(task, shutdown \\ 5000)

  def shutdown(%Task{pid: nil} = task, _) do
    raise ArgumentError, "task #{inspect(task)} does not have an associated task process"
  end

  def shutdown(%Task{owner: owner} = task, _) when owner != self() do
    raise ArgumentError, invalid_owner_error(task)
  end

  def shutdown(%Task{pid: pid} = task, :brutal_kill) do
    mon = Process.monitor(pid)
    Process.unlink(pid)
    Process.exit(pid, :kill)
    shutdown_result(task, shutdown_receive(task, mon, :brutal_kill, :infinity), :brutal_kill)
  end

  def shutdown(%Task{pid: pid} = task, timeout) do
    mon = Process.monitor(pid)
    Process.unlink(pid)
    Process.exit(pid, :shutdown)
    shutdown_result(task, shutdown_receive(task, mon, :shutdown, timeout), timeout)
  end

  defp shutdown_result(_task, {:down, _proc, _reason}, _), do: nil
  defp shutdown_result(_task, result, _), do: result

  defp shutdown_receive(%Task{ref: ref} = task, mon, type, timeout) do
    receive do
      {:DOWN, ^mon, _, _, :shutdown} when type in [:shutdown, :timeout_kill] ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, _, :killed} when type in [:brutal_kill, :timeout_kill] ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, proc, :noproc} ->
        reason = flush_noproc(ref, proc, type)
        flush_reply(ref) || reason

      {:DOWN, ^mon, _, proc, reason} ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref) || {:down, proc, reason}
    after
      timeout ->
        Process.exit(task.pid, :kill)
        shutdown_receive(task, mon, :timeout_kill, :infinity)
    end
  end

  defp flush_reply(ref) do
    receive do
      {^ref, reply} -> {:ok, reply}
    after
      0 -> nil
    end
  end

  defp flush_noproc(ref, proc, type) do
    receive do
      {:DOWN, ^ref, _, _, :shutdown} when type in [:shutdown, :timeout_kill] -> nil
      {:DOWN, ^ref, _, _, :killed} when type in [:brutal_kill, :timeout_kill] -> nil
      {:DOWN, ^ref, _, _, reason} -> {:exit, reason}
    after
      0 ->
        Process.demonitor(ref, [:flush])
        {:down, proc, :noproc}
    end
  end

  # ==== async_stream (eager) ====

  def async_stream(enumerable, fun, options \\ []) when is_function(fun, 1) do
    stream_run(Enum.to_list(enumerable), fn x -> {:erlang, :apply, [fun, [x]]} end, options)
  end

  def async_stream(enumerable, module, fun, args, options \\ []) when is_atom(module) do
    stream_run(Enum.to_list(enumerable), fn x -> {module, fun, [x | args]} end, options)
  end

  # work.(item) is the {module, fun, args} one task runs.
  defp stream_run(items, work, options) do
    config = %{
      work: work,
      max: Keyword.get(options, :max_concurrency, System.schedulers_online()),
      ordered: Keyword.get(options, :ordered, true),
      timeout: Keyword.get(options, :timeout, 5000),
      on_timeout: Keyword.get(options, :on_timeout, :exit),
      owner: self()
    }

    indexed = Enum.with_index(items)
    results = stream_loop(config, indexed, %{}, [])

    if config.ordered do
      results |> List.keysort(0) |> Enum.map(fn {_, result} -> result end)
    else
      results |> :lists.reverse() |> Enum.map(fn {_, result} -> result end)
    end
  end

  # running: monitor ref => {index, pid, deadline}; done: [{index, result}] newest first.
  defp stream_loop(_config, [], running, done) when map_size(running) == 0, do: done

  defp stream_loop(config, [{item, index} | rest] = pending, running, done) do
    if map_size(running) < config.max do
      {ref, pid} = stream_spawn(config, item)
      entry = {index, pid, deadline(config.timeout)}
      stream_loop(config, rest, Map.put(running, ref, entry), done)
    else
      stream_receive(config, pending, running, done)
    end
  end

  defp stream_loop(config, [], running, done), do: stream_receive(config, [], running, done)

  defp stream_receive(config, pending, running, done) do
    receive do
      {ref, value} when is_map_key(running, ref) ->
        Process.demonitor(ref, [:flush])
        {{index, _, _}, running} = Map.pop(running, ref)
        stream_loop(config, pending, running, [{index, {:ok, value}} | done])

      {:DOWN, ref, _, _, reason} when is_map_key(running, ref) ->
        {{index, _, _}, running} = Map.pop(running, ref)
        stream_loop(config, pending, running, [{index, {:exit, reason}} | done])
    after
      stream_wait(running) -> stream_timeout(config, pending, running, done)
    end
  end

  defp stream_spawn(config, item) do
    owner = self()
    work = config.work.(item)
    pid = spawn_link(fn -> async_body(owner, work) end)
    ref = Process.monitor(pid)
    send(pid, {owner, ref})
    {ref, pid}
  end

  defp stream_wait(running) do
    deadlines = for {_, {_, _, deadline}} <- running, deadline != :infinity, do: deadline
    if deadlines == [], do: :infinity, else: remaining(Enum.min(deadlines))
  end

  defp stream_timeout(config, pending, running, done) do
    now = :erlang.monotonic_time(:millisecond)

    expired =
      for {ref, {index, pid, deadline}} <- running, deadline != :infinity, deadline <= now do
        {ref, index, pid}
      end

    if config.on_timeout == :exit do
      Enum.each(running, fn {_, {_, pid, _}} -> Process.unlink(pid) end)
      Enum.each(running, fn {_, {_, pid, _}} -> Process.exit(pid, :kill) end)
      exit({:timeout, {Task.Supervised, :stream, [config.timeout]}})
    end

    Enum.reduce(expired, {running, done}, fn {ref, index, pid}, {run, acc} ->
      Process.unlink(pid)
      Process.exit(pid, :kill)
      Process.demonitor(ref, [:flush])
      {Map.delete(run, ref), [{index, {:exit, :timeout}} | acc]}
    end)
    |> then(fn {run, acc} -> stream_loop(config, pending, run, acc) end)
  end
end
