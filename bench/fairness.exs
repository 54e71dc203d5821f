# Scheduling fairness / latency: the main process times 10,000 round trips to an echo process,
# first alone, then with 8 more processes spinning in endless tail recursion (they never
# receive). Meant to run on ONE scheduler (bench/run.sh does), where every round trip has to
# wait for the spinners' time slices: it shows that a busy process cannot starve the others and
# what preemption costs in latency. Prints p50 / p99 / max of the round trip in microseconds
# (on "# " lines, which vary from run to run and are not compared) and then "done 10000".
# The spinners never stop: the program ends when the main process ends, as on the BEAM.
defmodule Fairness do
  def echo do
    receive do
      {:ping, from} ->
        send(from, :pong)
        echo()
    end
  end

  def spin(n), do: spin(n + 1)

  def start_spinners(0), do: :ok

  def start_spinners(k) do
    spawn(fn -> spin(0) end)
    start_spinners(k - 1)
  end

  # Returns the list of round-trip times in nanoseconds.
  def round_trips(_echo, 0, acc), do: acc

  def round_trips(echo, k, acc) do
    t0 = System.monotonic_time(:nanosecond)
    send(echo, {:ping, self()})

    receive do
      :pong ->
        t1 = System.monotonic_time(:nanosecond)
        round_trips(echo, k - 1, [t1 - t0 | acc])
    end
  end

  # Nanoseconds as microseconds with one decimal.
  def us(ns), do: "#{div(ns, 1000)}.#{div(rem(ns, 1000), 100)}"

  def report(label, times, n) do
    sorted = Enum.sort(times)
    p50 = Enum.at(sorted, div(n * 50, 100) - 1)
    p99 = Enum.at(sorted, div(n * 99, 100) - 1)
    max = Enum.at(sorted, n - 1)
    IO.puts("# #{label}_p50_us #{us(p50)}")
    IO.puts("# #{label}_p99_us #{us(p99)}")
    IO.puts("# #{label}_max_us #{us(max)}")
  end

  def main(n, spinners) do
    echo = spawn(fn -> echo() end)
    alone = round_trips(echo, n, [])
    start_spinners(spinners)
    loaded = round_trips(echo, n, [])
    report("alone", alone, n)
    report("loaded", loaded, n)
    IO.puts("done #{n}")
  end
end

Fairness.main(10000, 8)
