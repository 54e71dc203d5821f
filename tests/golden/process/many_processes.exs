# 10,000 processes, each computes a square and replies; the results are summed.
defmodule Many do
  def run(n) do
    parent = self()
    pids = for i <- 1..n, do: spawn(fn -> send(parent, {:square, i * i}) end)
    IO.inspect(length(pids), label: "spawned")
    IO.inspect(length(Enum.uniq(pids)), label: "distinct pids")

    sum =
      Enum.reduce(1..n, 0, fn _, acc ->
        receive do
          {:square, s} -> acc + s
        end
      end)

    IO.inspect(sum, label: "sum of squares")
    IO.inspect(sum == div(n * (n + 1) * (2 * n + 1), 6), label: "matches formula")

    # a second round where every process waits for a go message and replies with its index
    waiting = for i <- 1..n, do: spawn(fn -> receive do: ({:go, from} -> send(from, {:idx, i})) end)
    Enum.each(waiting, &send(&1, {:go, parent}))

    ids =
      for _ <- 1..n do
        receive do
          {:idx, i} -> i
        end
      end

    IO.inspect(Enum.sort(ids) == Enum.to_list(1..n), label: "every index once")
  end
end

Many.run(10_000)
