# :counters.add throughput: 16 processes each add 1 to one shared counter 1,000,000 times;
# the main process waits for all of them and prints the total and the operations per second.
# Run it on two schedulers (ember --schedulers 2; elixir --erl "+S 2"). Not in bench/run.sh's
# default list. Lines starting with "# " are timings (they vary from run to run).
defmodule Counters do
  def add_loop(_c, 0), do: :ok

  def add_loop(c, n) do
    :counters.add(c, 1, 1)
    add_loop(c, n - 1)
  end

  def wait(0), do: :ok

  def wait(k) do
    receive do
      :done -> wait(k - 1)
    end
  end

  def main(k, n) do
    c = :counters.new(1, [:write_concurrency])
    main = self()
    t0 = System.monotonic_time(:nanosecond)
    for _ <- 1..k, do: spawn(fn -> add_loop(c, n); send(main, :done) end)
    wait(k)
    t1 = System.monotonic_time(:nanosecond)
    IO.puts("#{k} x #{n} adds: total #{:counters.get(c, 1)}")
    IO.puts("# elapsed_ms #{div(t1 - t0, 1_000_000)}")
    IO.puts("# adds_per_sec #{div(k * n * 1_000_000_000, t1 - t0)}")
  end
end

Counters.main(16, 1_000_000)
