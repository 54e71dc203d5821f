# DynamicSupervisor for Ember: a GenServer (DynamicSupervisor.Server below) that traps exits
# and supervises children started on demand with start_child/2, always :one_for_one. Children
# are kept in a map pid => child record, so which_children lists them in pid (start) order
# with id :undefined, like Elixir's. A child that exits is restarted according to its restart
# type (with the same start arguments); more than max_restarts restarts in max_seconds stop
# all children and end the supervisor with :shutdown. Children are stopped as in Supervisor:
# Process.exit(pid, :shutdown), then :kill after the shutdown timeout.
#
# Calls: {:start_child, spec}, {:terminate_child, pid}, :which_children, :count_children.
defmodule DynamicSupervisor do
  def child_spec(options) do
    id = Keyword.get(options, :name, DynamicSupervisor)
    %{id: id, start: {DynamicSupervisor, :start_link, [options]}, type: :supervisor}
  end

  def start_link(options) when is_list(options) do
    keys = [:extra_arguments, :max_children, :max_seconds, :max_restarts, :strategy]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    start_link(DynamicSupervisor.Default, init(sup_opts), start_opts)
  end

  def start_link(module, init_arg, options \\ []) do
    GenServer.start_link(DynamicSupervisor.Server, {module, init_arg}, options)
  end

  def init(options) when is_list(options) do
    strategy = Keyword.get(options, :strategy, :one_for_one)

    if strategy != :one_for_one do
      raise ArgumentError, "unknown :strategy option #{inspect(strategy)}"
    end

    flags = %{
      strategy: strategy,
      intensity: Keyword.get(options, :max_restarts, 3),
      period: Keyword.get(options, :max_seconds, 5),
      max_children: Keyword.get(options, :max_children, :infinity),
      extra_arguments: Keyword.get(options, :extra_arguments, [])
    }

    {:ok, flags}
  end

  def start_child(supervisor, spec) do
    GenServer.call(supervisor, {:start_child, Supervisor.child_spec(spec, [])}, :infinity)
  end

  def terminate_child(supervisor, pid) when is_pid(pid) do
    GenServer.call(supervisor, {:terminate_child, pid}, :infinity)
  end

  def which_children(supervisor), do: GenServer.call(supervisor, :which_children, :infinity)

  def count_children(supervisor), do: GenServer.call(supervisor, :count_children, :infinity)

  def stop(supervisor, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(supervisor, reason, timeout)
  end
end

defmodule DynamicSupervisor.Default do
  @moduledoc false
  def init(args), do: args
end

defmodule DynamicSupervisor.Server do
  @moduledoc false
  # State: %{flags..., restarts: [monotonic ms], children: %{pid => child}}; a child is
  # %{start: {m, f, a}, restart, shutdown, type, modules} with the extra arguments applied.

  def init({module, init_arg}) do
    Process.flag(:trap_exit, true)

    case module.init(init_arg) do
      {:ok, flags} when is_map(flags) -> {:ok, Map.merge(flags, %{restarts: [], children: %{}})}
      :ignore -> :ignore
      other -> {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    cond do
      state.max_children != :infinity and map_size(state.children) >= state.max_children ->
        {:reply, {:error, :max_children}, state}

      true ->
        start_new(normalize(spec, state.extra_arguments), state)
    end
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case Map.fetch(state.children, pid) do
      {:ok, child} ->
        stop_child(pid, child)
        {:reply, :ok, %{state | children: Map.delete(state.children, pid)}}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call(:which_children, _from, state) do
    list = for {pid, c} <- state.children, do: {:undefined, pid, c.type, c.modules}
    {:reply, list, state}
  end

  def handle_call(:count_children, _from, state) do
    children = Map.values(state.children)
    sups = Enum.count(children, fn c -> c.type == :supervisor end)
    total = length(children)
    {:reply, %{specs: total, active: total, supervisors: sups, workers: total - sups}, state}
  end

  def handle_call(msg, _from, state), do: GenServer.__default_call__(msg, state)

  def handle_cast(msg, state), do: GenServer.__default_cast__(msg, state)

  defp normalize(%{start: {m, f, a}} = spec, extra) do
    type = Map.get(spec, :type, :worker)

    %{
      start: {m, f, extra ++ a},
      restart: Map.get(spec, :restart, :permanent),
      shutdown: Map.get(spec, :shutdown, if(type == :supervisor, do: :infinity, else: 5000)),
      type: type,
      modules: Map.get(spec, :modules, [m])
    }
  end

  defp start_new(child, state) do
    case start_proc(child) do
      {:ok, pid, nil} -> {:reply, {:ok, pid}, put_child(state, pid, child)}
      {:ok, pid, info} -> {:reply, {:ok, pid, info}, put_child(state, pid, child)}
      other -> {:reply, other, state}
    end
  end

  defp put_child(state, pid, child), do: %{state | children: Map.put(state.children, pid, child)}

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
    end
  end

  def handle_info({:EXIT, pid, reason}, state) do
    case Map.pop(state.children, pid) do
      {nil, _} -> {:noreply, state}
      {child, children} -> child_exited(%{state | children: children}, child, reason)
    end
  end

  def handle_info(msg, state) do
    Logger.error("DynamicSupervisor received unexpected message: #{inspect(msg)}\n")
    {:noreply, state}
  end

  defp child_exited(state, child, reason) do
    if restart?(child.restart, reason), do: restart(state, child), else: {:noreply, state}
  end

  defp restart?(:permanent, _), do: true
  defp restart?(:temporary, _), do: false
  defp restart?(:transient, :normal), do: false
  defp restart?(:transient, :shutdown), do: false
  defp restart?(:transient, {:shutdown, _}), do: false
  defp restart?(:transient, _), do: true

  defp restart(state, child) do
    now = :erlang.monotonic_time(:millisecond)
    window = state.period * 1000
    restarts = [now | Enum.filter(state.restarts, fn t -> now - t < window end)]
    state = %{state | restarts: restarts}

    cond do
      length(restarts) > state.intensity ->
        {:stop, :shutdown, state}

      true ->
        case start_proc(child) do
          {:ok, pid, _} -> {:noreply, put_child(state, pid, child)}
          :ignore -> {:noreply, state}
          {:error, _} -> restart(state, child)
        end
    end
  end

  def terminate(_reason, state) do
    state.children |> Map.to_list() |> :lists.reverse() |> Enum.each(fn {pid, c} -> stop_child(pid, c) end)
    :ok
  end

  def code_change(_old, state, _extra), do: {:ok, state}

  defp stop_child(pid, child), do: Supervisor.Server.shutdown_child(pid, child.shutdown)
end
