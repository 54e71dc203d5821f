# Task.Supervisor for Ember: a DynamicSupervisor whose children are tasks (restart :temporary)
# started through Task.__supervised__/3 (stdlib/task.ex). async/async_nolink return %Task{}
# structs awaited with Task.await/yield exactly like Task.async ones; async links the task to
# the caller as well, async_nolink does not. async_stream runs like Task.async_stream (eagerly,
# see Task) with the tasks linked to the caller rather than placed under the supervisor.
defmodule Task.Supervisor do
  def child_spec(options) do
    id = Keyword.get(options, :name, Task.Supervisor)
    %{id: id, start: {Task.Supervisor, :start_link, [options]}, type: :supervisor}
  end

  def start_link(options \\ []) do
    DynamicSupervisor.start_link(Keyword.put_new(options, :strategy, :one_for_one))
  end

  def async(supervisor, fun, options \\ []) when is_function(fun, 0) do
    _ = options
    Task.__supervised_async__(supervisor, :async_link, :erlang, :apply, [fun, []])
  end

  def async(supervisor, module, fun, args, options \\ []) do
    _ = options
    Task.__supervised_async__(supervisor, :async_link, module, fun, args)
  end

  def async_nolink(supervisor, fun, options \\ []) when is_function(fun, 0) do
    _ = options
    Task.__supervised_async__(supervisor, :async_nolink, :erlang, :apply, [fun, []])
  end

  def async_nolink(supervisor, module, fun, args, options \\ []) do
    _ = options
    Task.__supervised_async__(supervisor, :async_nolink, module, fun, args)
  end

  def start_child(supervisor, fun, options \\ []) when is_function(fun, 0) do
    start_child(supervisor, :erlang, :apply, [fun, []], options)
  end

  def start_child(supervisor, module, fun, args, options \\ []) do
    restart = Keyword.get(options, :restart, :temporary)
    start = {Task, :__supervised__, [self(), :start, task_work({module, fun, args})]}
    DynamicSupervisor.start_child(supervisor, %{id: Task, start: start, restart: restart})
  end

  defp task_work({:erlang, :apply, [fun, []]}) when is_function(fun, 0), do: fun
  defp task_work(mfa), do: mfa

  def children(supervisor) do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(supervisor), is_pid(pid), do: pid
  end

  def terminate_child(supervisor, pid), do: DynamicSupervisor.terminate_child(supervisor, pid)

  def async_stream(_supervisor, enumerable, fun, options \\ []) when is_function(fun, 1) do
    Task.async_stream(enumerable, fun, options)
  end

  def async_stream(_supervisor, enumerable, module, fun, args, options \\ []) do
    Task.async_stream(enumerable, module, fun, args, options)
  end
end
