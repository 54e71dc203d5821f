# Supervisor for Ember: a GenServer (Supervisor.Server below) that traps exits, starts its
# children in order and restarts them as Elixir's (OTP's) supervisor does.
#
#   * Child specs: a module (module.child_spec([])), {module, arg} (module.child_spec(arg)) or a
#     map %{id:, start: {m, f, a}, restart:, shutdown:, type:, modules:}. Defaults: restart
#     :permanent, type :worker, shutdown 5000 (:infinity for supervisors).
#   * A child's {:EXIT, pid, reason} restarts it when its restart type asks for it (:permanent
#     always, :transient for an abnormal reason, :temporary never; temporary children are then
#     forgotten). Strategies :one_for_one, :one_for_all and :rest_for_one choose which other
#     children are stopped (newest first) and started again (oldest first).
#   * More than max_restarts (3) restarts within max_seconds (5) stop every child and end the
#     supervisor with reason :shutdown.
#   * Stopping a child: monitor it, unlink it, Process.exit(pid, :shutdown) and wait for the
#     DOWN; after its shutdown timeout it is killed (:brutal_kill kills at once).
#   * Calls: :which_children, :count_children, {:start_child, spec}, {:terminate_child, id},
#     {:delete_child, id}, {:restart_child, id}. Children are listed newest first, like OTP.
defmodule Supervisor do
  @allowed_keys [:id, :start, :restart, :shutdown, :type, :modules, :significant]

  # ==== Starting ====

  def start_link(children, options) when is_list(children) and is_list(options) do
    {sup_opts, start_opts} = Keyword.split(options, [:strategy, :max_seconds, :max_restarts])
    start_link(Supervisor.Default, init(children, sup_opts), start_opts)
  end

  def start_link(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    GenServer.start_link(Supervisor.Server, {module, init_arg}, options)
  end

  def init(children, options) when is_list(children) and is_list(options) do
    strategy = Keyword.get(options, :strategy)

    unless strategy in [:one_for_one, :one_for_all, :rest_for_one] do
      if strategy == nil do
        raise ArgumentError, "expected :strategy option to be given"
      else
        raise ArgumentError, "unknown :strategy option #{inspect(strategy)}"
      end
    end

    flags = %{
      strategy: strategy,
      intensity: Keyword.get(options, :max_restarts, 3),
      period: Keyword.get(options, :max_seconds, 5)
    }

    {:ok, {flags, Enum.map(children, fn child -> init_child(child) end)}}
  end

  def child_spec(module_or_map, overrides) do
    Enum.reduce(overrides, init_child(module_or_map), fn {key, value}, acc ->
      if key in @allowed_keys do
        Map.put(acc, key, value)
      else
        raise ArgumentError, "unknown key #{inspect(key)} in child specification override"
      end
    end)
  end

  defp init_child(module) when is_atom(module), do: init_child({module, []})

  defp init_child({module, arg}) when is_atom(module), do: module.child_spec(arg)

  defp init_child(map) when is_map(map), do: map

  defp init_child(other) do
    raise ArgumentError,
          "invalid child specification: #{inspect(other)}\n\nA child specification must be " <>
            "a module, a {module, arg} tuple or a map with at least the :id and :start fields"
  end

  # ==== Client API ====

  def which_children(supervisor), do: GenServer.call(supervisor, :which_children, :infinity)

  def count_children(supervisor), do: GenServer.call(supervisor, :count_children, :infinity)

  def start_child(supervisor, child_spec) do
    GenServer.call(supervisor, {:start_child, child_spec(child_spec, [])}, :infinity)
  end

  def terminate_child(supervisor, id) do
    GenServer.call(supervisor, {:terminate_child, id}, :infinity)
  end

  def delete_child(supervisor, id), do: GenServer.call(supervisor, {:delete_child, id}, :infinity)

  def restart_child(supervisor, id) do
    GenServer.call(supervisor, {:restart_child, id}, :infinity)
  end

  def stop(supervisor, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(supervisor, reason, timeout)
  end
end

defmodule Supervisor.Default do
  @moduledoc false
  def init(args), do: args
end

defmodule Supervisor.Server do
  @moduledoc false
  # State: %{module, strategy, intensity, period, restarts: [monotonic ms], children: [child]}
  # with children newest first; a child is %{id, pid, start, restart, shutdown, type, modules}
  # where pid is :undefined while it is not running.

  def init({module, init_arg}) do
    Process.flag(:trap_exit, true)

    case module.init(init_arg) do
      {:ok, {flags, specs}} -> init_children(module, flags, specs)
      :ignore -> :ignore
      other -> {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  defp init_children(module, flags, specs) do
    state = %{
      module: module,
      strategy: Map.get(flags, :strategy, :one_for_one),
      intensity: Map.get(flags, :intensity, 3),
      period: Map.get(flags, :period, 5),
      restarts: [],
      children: []
    }

    case check_specs(specs, [], []) do
      {:ok, children} -> start_all(state, children)
      {:error, reason} -> {:stop, {:shutdown, reason}}
    end
  end

  # Normalizes specs into child records (oldest first), refusing duplicate ids.
  defp check_specs([], _ids, acc), do: {:ok, :lists.reverse(acc)}

  defp check_specs([spec | rest], ids, acc) do
    case normalize(spec) do
      {:ok, child} ->
        if child.id in ids do
          {:error, {:duplicate_child_name, child.id}}
        else
          check_specs(rest, [child.id | ids], [child | acc])
        end

      {:error, _} = error ->
        error
    end
  end

  defp normalize(%{id: id, start: {m, f, a}} = spec) when is_atom(m) and is_atom(f) and is_list(a) do
    type = Map.get(spec, :type, :worker)
    default_shutdown = if type == :supervisor, do: :infinity, else: 5000

    {:ok,
     %{
       id: id,
       pid: :undefined,
       start: {m, f, a},
       restart: Map.get(spec, :restart, :permanent),
       shutdown: Map.get(spec, :shutdown, default_shutdown),
       type: type,
       modules: Map.get(spec, :modules, [m])
     }}
  end

  defp normalize(spec), do: {:error, {:invalid_child_spec, spec}}

  # Starts children oldest first; on a failure stops the started ones and fails init.
  defp start_all(state, children) do
    case start_list(children, []) do
      {:ok, started} ->
        {:ok, %{state | children: started}}

      {:error, id, reason, started} ->
        stop_children(started)
        {:stop, {:shutdown, {:failed_to_start_child, id, reason}}}
    end
  end

  # Starts [children] (oldest first), prepending to [started] (newest first).
  defp start_list([], started), do: {:ok, started}

  defp start_list([child | rest], started) do
    case start_proc(child) do
      {:ok, pid, _info} -> start_list(rest, [%{child | pid: pid} | started])
      :ignore -> start_list(rest, keep_ignored(child, started))
      {:error, reason} -> {:error, child.id, reason, started}
    end
  end

  defp keep_ignored(%{restart: :temporary}, started), do: started
  defp keep_ignored(child, started), do: [%{child | pid: :undefined} | started]

  defp start_proc(%{start: {m, f, a}}) do
    try do
      case apply(m, f, a) do
        {:ok, pid} when is_pid(pid) -> {:ok, pid, nil}
        {:ok, pid, info} when is_pid(pid) -> {:ok, pid, info}
        :ignore -> :ignore
        {:error, _} = error -> error
        other -> {:error, other}
      end
    rescue
      e -> {:error, {:EXIT, {e, __STACKTRACE__}}}
    catch
      :exit, reason -> {:error, {:EXIT, reason}}
      :throw, value -> {:error, value}
    end
  end

  # ==== Calls ====

  def handle_call(:which_children, _from, state) do
    list = Enum.map(state.children, fn c -> {c.id, c.pid, c.type, c.modules} end)
    {:reply, list, state}
  end

  def handle_call(:count_children, _from, state) do
    children = state.children
    active = Enum.count(children, fn c -> is_pid(c.pid) end)
    sups = Enum.count(children, fn c -> c.type == :supervisor end)
    workers = length(children) - sups
    {:reply, %{specs: length(children), active: active, supervisors: sups, workers: workers}, state}
  end

  def handle_call({:start_child, spec}, _from, state) do
    case normalize(spec) do
      {:ok, child} -> start_new_child(child, state)
      {:error, reason} -> {:reply, {:error, reason}, state}
    end
  end

  def handle_call({:terminate_child, id}, _from, state) do
    case find_id(state, id) do
      nil ->
        {:reply, {:error, :not_found}, state}

      child ->
        stop_child(child)
        {:reply, :ok, replace_child(state, child, stopped(child))}
    end
  end

  def handle_call({:delete_child, id}, _from, state) do
    case find_id(state, id) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: :undefined} = child -> {:reply, :ok, replace_child(state, child, nil)}
      _ -> {:reply, {:error, :running}, state}
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    case find_id(state, id) do
      nil ->
        {:reply, {:error, :not_found}, state}

      %{pid: :undefined} = child ->
        case start_proc(child) do
          {:ok, pid, nil} ->
            {:reply, {:ok, pid}, replace_child(state, child, %{child | pid: pid})}

          {:ok, pid, info} ->
            {:reply, {:ok, pid, info}, replace_child(state, child, %{child | pid: pid})}

          :ignore ->
            {:reply, {:ok, :undefined}, state}

          {:error, _} = error ->
            {:reply, error, state}
        end

      _ ->
        {:reply, {:error, :running}, state}
    end
  end

  def handle_call(msg, _from, state), do: GenServer.__default_call__(msg, state)

  defp start_new_child(child, state) do
    case find_id(state, child.id) do
      %{pid: :undefined} ->
        {:reply, {:error, :already_present}, state}

      %{pid: pid} ->
        {:reply, {:error, {:already_started, pid}}, state}

      nil ->
        case start_proc(child) do
          {:ok, pid, nil} ->
            {:reply, {:ok, pid}, add_child(state, %{child | pid: pid})}

          {:ok, pid, info} ->
            {:reply, {:ok, pid, info}, add_child(state, %{child | pid: pid})}

          :ignore ->
            {:reply, {:ok, :undefined}, state |> add_child(child) |> drop_temporary(child)}

          {:error, _} = error ->
            {:reply, error, state}
        end
    end
  end

  defp add_child(state, child), do: %{state | children: [child | state.children]}

  defp drop_temporary(state, %{restart: :temporary} = child), do: replace_child(state, child, nil)
  defp drop_temporary(state, _child), do: state

  def handle_cast(msg, state), do: GenServer.__default_cast__(msg, state)

  # ==== Exits and restarts ====

  def handle_info({:EXIT, pid, reason}, state) do
    case Enum.find(state.children, fn c -> c.pid == pid end) do
      nil -> {:noreply, state}
      child -> child_exited(state, child, reason)
    end
  end

  def handle_info(msg, state), do: GenServer.__default_info__(Supervisor, msg, state)

  defp child_exited(state, child, reason) do
    if restart?(child.restart, reason) do
      restart(state, child)
    else
      {:noreply, replace_child(state, child, stopped(child))}
    end
  end

  defp restart?(:permanent, _reason), do: true
  defp restart?(:temporary, _reason), do: false
  defp restart?(:transient, :normal), do: false
  defp restart?(:transient, :shutdown), do: false
  defp restart?(:transient, {:shutdown, _}), do: false
  defp restart?(:transient, _reason), do: true

  # A temporary child is forgotten once stopped; others stay with pid :undefined.
  defp stopped(%{restart: :temporary}), do: nil
  defp stopped(child), do: %{child | pid: :undefined}

  defp restart(state, child) do
    now = :erlang.monotonic_time(:millisecond)
    window = state.period * 1000
    restarts = [now | Enum.filter(state.restarts, fn t -> now - t < window end)]

    if length(restarts) > state.intensity do
      {:stop, :shutdown, replace_child(state, child, %{child | pid: :undefined})}
    else
      state = %{state | restarts: restarts}
      restart_strategy(state.strategy, state, %{child | pid: :undefined})
    end
  end

  defp restart_strategy(:one_for_one, state, child) do
    restart_group(replace_child(state, child, child), [child])
  end

  defp restart_strategy(:one_for_all, state, child) do
    state = replace_child(state, child, child)
    restart_others(state, state.children)
  end

  defp restart_strategy(:rest_for_one, state, child) do
    state = replace_child(state, child, child)
    newer = Enum.take_while(state.children, fn c -> c.id != child.id end)
    restart_others(state, newer ++ [child])
  end

  # Stops the running children of [group] (newest first) and starts them all again.
  defp restart_others(state, group) do
    Enum.each(group, fn c -> if is_pid(c.pid), do: stop_child(c) end)

    state =
      Enum.reduce(group, state, fn c, acc ->
        new = if c.restart == :temporary and is_pid(c.pid), do: nil, else: %{c | pid: :undefined}
        replace_child(acc, c, new)
      end)

    ids = for c <- group, do: c.id
    restart_group(state, Enum.filter(state.children, fn c -> c.id in ids end))
  end

  # Starts [group] (newest first) oldest first; a failure counts as another restart.
  defp restart_group(state, group) do
    case start_list(:lists.reverse(group), []) do
      {:ok, started} ->
        {:noreply, Enum.reduce(started, state, fn c, acc -> replace_id(acc, c) end)}

      {:error, id, _reason, started} ->
        state = Enum.reduce(started, state, fn c, acc -> replace_id(acc, c) end)
        restart(state, find_id(state, id))
    end
  end

  # ==== Termination ====

  def terminate(_reason, state) do
    stop_children(state.children)
    :ok
  end

  def code_change(_old, state, _extra), do: {:ok, state}

  # Stops [children] in the order given (newest first).
  defp stop_children(children) do
    Enum.each(children, fn c -> if is_pid(c.pid), do: stop_child(c) end)
  end

  defp stop_child(%{pid: pid, shutdown: shutdown}) do
    ref = Process.monitor(pid)
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, _} -> wait_down(ref, :infinity, pid)
    after
      0 -> kill_child(pid, ref, shutdown)
    end
  end

  defp kill_child(pid, ref, :brutal_kill) do
    Process.exit(pid, :kill)
    wait_down(ref, :infinity, pid)
  end

  defp kill_child(pid, ref, timeout) do
    Process.exit(pid, :shutdown)
    wait_down(ref, timeout, pid)
  end

  defp wait_down(ref, timeout, pid) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    after
      timeout ->
        Process.exit(pid, :kill)
        wait_down(ref, :infinity, pid)
    end
  end

  # ==== Child list helpers ====

  defp find_id(state, id), do: Enum.find(state.children, fn c -> c.id == id end)

  # Replaces the child with [old]'s id by [new] (nil removes it).
  defp replace_child(state, old, new) do
    children =
      Enum.flat_map(state.children, fn c ->
        cond do
          c.id != old.id -> [c]
          new == nil -> []
          true -> [new]
        end
      end)

    %{state | children: children}
  end

  defp replace_id(state, child), do: replace_child(state, child, child)
end
