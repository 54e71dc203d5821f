# Task.async_stream with max_concurrency: results are {:ok, value} in input order.
defmodule Stream1 do
  def run do
    results =
      1..10
      |> Task.async_stream(fn n -> n * 3 end)
      |> Enum.to_list()

    IO.inspect(results, label: "default")

    # track the maximum number of workers running at once with an Agent-free counter process
    parent = self()
    counter = spawn(fn -> count_loop(0, 0) end)

    values =
      1..12
      |> Task.async_stream(
        fn n ->
          send(counter, :enter)
          Process.sleep(10)
          send(counter, :leave)
          n * n
        end,
        max_concurrency: 3
      )
      |> Enum.map(fn {:ok, v} -> v end)

    IO.inspect(values, label: "squares")
    send(counter, {:max, parent})

    receive do
      {:max, m} -> IO.inspect(m <= 3, label: "never more than 3 at once")
    end

    # ordered: false still yields every result
    unordered =
      Task.async_stream([30, 10, 20], fn ms -> Process.sleep(ms); ms end, ordered: false)
      |> Enum.map(fn {:ok, v} -> v end)
      |> Enum.sort()

    IO.inspect(unordered, label: "unordered, sorted")

    sum = Task.async_stream(1..100, &(&1 * 2), max_concurrency: 8) |> Enum.reduce(0, fn {:ok, v}, acc -> acc + v end)
    IO.inspect(sum, label: "sum")
  end

  def count_loop(current, max) do
    receive do
      :enter -> count_loop(current + 1, max(max, current + 1))
      :leave -> count_loop(current - 1, max)
      {:max, from} -> send(from, {:max, max})
    end
  end
end

Stream1.run()
