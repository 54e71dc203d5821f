defmodule JobRunner do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def run(name, fun_name, arg), do: GenServer.call(__MODULE__, {:run, name, fun_name, arg})
  def results(caller), do: GenServer.cast(__MODULE__, {:when_done, caller})

  @impl true
  def init(:ok), do: {:ok, %{tasks: %{}, results: %{}, waiting: nil}}

  @impl true
  def handle_call({:run, name, fun_name, arg}, _from, state) do
    task = Task.Supervisor.async_nolink(MyTasks, Jobs, fun_name, [arg])
    {:reply, :ok, put_in(state.tasks[task.ref], name)}
  end

  @impl true
  def handle_cast({:when_done, caller}, state), do: maybe_done(%{state | waiting: caller})

  @impl true
  def handle_info({ref, result}, state) when is_reference(ref) do
    Process.demonitor(ref, [:flush])
    {name, tasks} = Map.pop(state.tasks, ref)
    maybe_done(%{state | tasks: tasks, results: Map.put(state.results, name, {:ok, result})})
  end

  def handle_info({:DOWN, ref, :process, _pid, reason}, state) do
    {name, tasks} = Map.pop(state.tasks, ref)
    summary =
      case reason do
        {%{__exception__: true} = e, _stack} -> Exception.message(e)
        {reason, stack} when is_list(stack) -> "error #{inspect(reason)}"
        other -> inspect(other)
      end
    maybe_done(%{state | tasks: tasks, results: Map.put(state.results, name, {:failed, summary})})
  end

  defp maybe_done(%{waiting: pid, tasks: tasks} = state) when pid != nil and map_size(tasks) == 0 do
    send(pid, {:all_done, state.results})
    {:noreply, %{state | waiting: nil}}
  end

  defp maybe_done(state), do: {:noreply, state}
end

defmodule Jobs do
  def double(n), do: n * 2
  def parse(s) do
    case Integer.parse(s) do
      {n, ""} -> n
      _ -> raise ArgumentError, "not a number: #{inspect(s)}"
    end
  end
  def quit(reason), do: exit(reason)
end

children = [
  {Task.Supervisor, name: MyTasks},
  JobRunner
]

{:ok, _} = Supervisor.start_link(children, strategy: :one_for_one)

:ok = JobRunner.run(:a, :double, 21)
:ok = JobRunner.run(:b, :parse, "123")
:ok = JobRunner.run(:c, :parse, "12x")
JobRunner.results(self())

receive do
  {:all_done, results} ->
    results |> Enum.sort() |> Enum.each(fn {k, v} -> IO.puts("#{k}: #{inspect(v)}") end)
end

:ok = JobRunner.run(:d, :quit, :shutdown)
:ok = JobRunner.run(:e, :quit, {:shutdown, :early})
JobRunner.results(self())
receive do
  {:all_done, results} -> IO.inspect(Map.take(results, [:d, :e]), label: "exits")
end

t = Task.Supervisor.async(MyTasks, fn -> Enum.sum(1..100) end)
IO.inspect(Task.await(t), label: "supervised async")
IO.inspect(Task.Supervisor.children(MyTasks), label: "children left")
{:ok, pid} = Task.Supervisor.start_child(MyTasks, fn -> receive do: (:go -> :ok) end)
IO.inspect(length(Task.Supervisor.children(MyTasks)), label: "children with one running")
ref = Process.monitor(pid)
send(pid, :go)
receive do {:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "child finished") end
