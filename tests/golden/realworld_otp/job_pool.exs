defmodule JobQueue do
  use GenServer

  def start_link(jobs), do: GenServer.start_link(__MODULE__, jobs, name: __MODULE__)
  def next_job, do: GenServer.call(__MODULE__, :next)
  def report(worker, job, result), do: GenServer.cast(__MODULE__, {:done, worker, job, result})
  def results, do: GenServer.call(__MODULE__, :results)

  @impl true
  def init(jobs), do: {:ok, %{pending: jobs, done: %{}}}

  @impl true
  def handle_call(:next, _from, %{pending: []} = state), do: {:reply, :empty, state}
  def handle_call(:next, _from, %{pending: [job | rest]} = state),
    do: {:reply, {:ok, job}, %{state | pending: rest}}

  def handle_call(:results, _from, state), do: {:reply, state.done, state}

  @impl true
  def handle_cast({:done, _worker, job, result}, state) do
    {:noreply, put_in(state, [:done, job], result)}
  end
end

defmodule Worker do
  def start(id, parent) do
    spawn_link(fn -> loop(id, parent, 0) end)
  end

  defp loop(id, parent, count) do
    case JobQueue.next_job() do
      {:ok, job} ->
        JobQueue.report(id, job, work(job))
        loop(id, parent, count + 1)

      :empty ->
        send(parent, {:worker_done, id, count})
    end
  end

  defp work({:square, n}), do: n * n
  defp work({:fact, n}), do: Enum.reduce(1..n, 1, &*/2)
  defp work({:upcase, s}), do: String.upcase(s)
end

jobs =
  Enum.map(1..6, &{:square, &1}) ++
    Enum.map([5, 10, 20], &{:fact, &1}) ++ [{:upcase, "hello"}, {:upcase, "elixir"}]

{:ok, _} = JobQueue.start_link(jobs)

workers = for id <- 1..4, do: {id, Worker.start(id, self())}
IO.puts("started #{length(workers)} workers for #{length(jobs)} jobs")

counts =
  for _ <- workers do
    receive do
      {:worker_done, id, count} -> {id, count}
    end
  end

total = counts |> Enum.map(&elem(&1, 1)) |> Enum.sum()
IO.puts("jobs processed: #{total}")

results = JobQueue.results()
for job <- jobs do
  IO.puts("#{inspect(job)} => #{inspect(Map.fetch!(results, job))}")
end

IO.inspect(map_size(results), label: "distinct results")

# Same work with Task.async_stream
stream_results =
  1..10
  |> Task.async_stream(fn n -> {n, n * n} end, max_concurrency: 3)
  |> Enum.map(fn {:ok, v} -> v end)

IO.inspect(stream_results, label: "async_stream")
IO.inspect(Enum.sum(for {_, sq} <- stream_results, do: sq), label: "sum of squares")
