# Process creation: spawns N processes (default 1,000,000; N = the first command-line
# argument) that each wait in `receive`, then sends every one a message and collects all N
# replies. Each process replies with its index, so the checksum is N*(N+1)/2.
# Run with N = 0 as well, bench/run.sh divides the peak-RSS difference by N: bytes per live
# process (all N are alive, blocked in receive, once spawn_all/2 has returned).
# Lines starting with "# " are timings (they vary from run to run and are not compared).
defmodule SpawnBench do
  def worker(i) do
    receive do
      {:ping, from} -> send(from, {:pong, i})
    end
  end

  # Spawns processes N, N-1, ..., 1 and returns their pids in the order 1..N.
  def spawn_all(0, acc), do: acc

  def spawn_all(i, acc) do
    pid = spawn(fn -> worker(i) end)
    spawn_all(i - 1, [pid | acc])
  end

  def ping_all([], _me), do: :ok

  def ping_all([pid | rest], me) do
    send(pid, {:ping, me})
    ping_all(rest, me)
  end

  def collect(0, sum), do: sum

  def collect(n, sum) do
    receive do
      {:pong, i} -> collect(n - 1, sum + i)
    end
  end

  def arg_n([]), do: 1000000
  def arg_n([s | _]), do: String.to_integer(s)

  def main(n) do
    t0 = System.monotonic_time(:nanosecond)
    pids = spawn_all(n, [])
    t1 = System.monotonic_time(:nanosecond)
    ping_all(pids, self())
    sum = collect(n, 0)
    t2 = System.monotonic_time(:nanosecond)
    IO.puts("#{n} processes, checksum #{sum}")
    IO.puts("# spawn_ms #{div(t1 - t0, 1000000)}")
    IO.puts("# message_ms #{div(t2 - t1, 1000000)}")
    IO.puts("# spawn_ns_per_process #{div(t1 - t0, max2(n, 1))}")
    IO.puts("# roundtrip_ns_per_process #{div(t2 - t1, max2(n, 1))}")
  end

  def max2(a, b) when a > b, do: a
  def max2(_a, b), do: b
end

SpawnBench.main(SpawnBench.arg_n(System.argv()))
