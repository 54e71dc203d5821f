# Parallel speed-up: 16 processes each compute the naive fib(34) (18,454,929 calls each,
# 295 M in all) and send the result to the main process, which adds them up. Run it with one
# scheduler and with two (bench/run.sh: parallel:s1 and parallel:s2); the ratio of the two
# times is the speed-up.
# Lines starting with "# " are timings (they vary from run to run and are not compared).
defmodule Parallel do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def start(0, _n, _main), do: :ok

  def start(k, n, main) do
    spawn(fn -> send(main, {:fib, fib(n)}) end)
    start(k - 1, n, main)
  end

  def collect(0, sum), do: sum

  def collect(k, sum) do
    receive do
      {:fib, f} -> collect(k - 1, sum + f)
    end
  end

  def main(k, n) do
    t0 = System.monotonic_time(:nanosecond)
    start(k, n, self())
    sum = collect(k, 0)
    t1 = System.monotonic_time(:nanosecond)
    IO.puts("#{k} x fib(#{n}): sum #{sum}")
    IO.puts("# elapsed_ms #{div(t1 - t0, 1000000)}")
  end
end

Parallel.main(16, 34)
