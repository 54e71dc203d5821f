defmodule Fetcher do
  def fetch(:slow), do: (Process.sleep(300); {:slow, :ok})
  def fetch(:crash), do: raise("fetch failed")
  def fetch(n) when is_integer(n), do: {n, n * 10}
end

tasks = Enum.map(1..5, fn n -> Task.async(fn -> Fetcher.fetch(n) end) end)
IO.inspect(Task.await_many(tasks), label: "await_many")

tasks = Enum.map([3, 1, 2], &Task.async(Fetcher, :fetch, [&1]))
results = Task.await_many(tasks, 1000)
IO.inspect(Map.new(results), label: "as map")

# yield_many with a slow task
tasks = [Task.async(fn -> Fetcher.fetch(7) end), Task.async(fn -> Fetcher.fetch(:slow) end)]
results = Task.yield_many(tasks, 100)

summary =
  Enum.map(results, fn {task, res} ->
    case res do
      {:ok, value} -> {:ok, value}
      nil ->
        Task.shutdown(task, :brutal_kill)
        :timeout
      {:exit, reason} -> {:exit, reason}
    end
  end)
IO.inspect(summary, label: "yield_many")

# Task.yield + Task.shutdown pattern
task = Task.async(fn -> Process.sleep(500); :too_late end)
result =
  case Task.yield(task, 50) || Task.shutdown(task) do
    {:ok, r} -> r
    nil -> :gave_up
  end
IO.inspect(result, label: "yield || shutdown")

quick = Task.async(fn -> :quick end)
Process.sleep(50)
IO.inspect(Task.yield(quick, 0), label: "yield finished")

# async_stream with ordered and timeouts
res =
  [50, 1, 400, 2]
  |> Task.async_stream(fn ms -> Process.sleep(ms); ms end, timeout: 200, on_timeout: :kill_task)
  |> Enum.to_list()
IO.inspect(res, label: "async_stream on_timeout")

res = Task.async_stream([4, 3, 2, 1], &(&1 * 100), ordered: false, max_concurrency: 1) |> Enum.to_list()
IO.inspect(res, label: "unordered max_concurrency 1")
