# Stress: 1,000,000 processes alive at once, each waits for one message and replies.
# Size divided by STRESS_SCALE (default 1). Final line: "ok spawn n=N sum=S" (S = sum of i*i).
defmodule SpawnMillion do
  def scale do
    case System.get_env("STRESS_SCALE") do
      nil -> 1
      "" -> 1
      s -> String.to_integer(s)
    end
  end

  def worker(i) do
    receive do
      {:ping, from} -> send(from, {:pong, i, i * i})
    end
  end

  def spawn_all(0, acc), do: acc
  def spawn_all(i, acc), do: spawn_all(i - 1, [{i, spawn(fn -> worker(i) end)} | acc])

  def ping_all([]), do: :ok

  def ping_all([{_i, pid} | rest]) do
    send(pid, {:ping, self()})
    ping_all(rest)
  end

  def collect(0, count, sum, isum), do: {count, sum, isum}

  def collect(left, count, sum, isum) do
    receive do
      {:pong, i, v} -> collect(left - 1, count + 1, sum + v, isum + i)
    after
      30_000 -> {count, sum, isum}
    end
  end

  def run do
    n = div(1_000_000, scale())
    pids = spawn_all(n, [])
    ping_all(pids)
    {count, sum, isum} = collect(n, 0, 0, 0)
    want_sum = div(n * (n + 1) * (2 * n + 1), 6)
    want_isum = div(n * (n + 1), 2)

    if count == n and sum == want_sum and isum == want_isum do
      IO.puts("ok spawn n=#{count} sum=#{sum}")
    else
      IO.puts("FAIL spawn n=#{count}/#{n} sum=#{sum}/#{want_sum} isum=#{isum}/#{want_isum}")
    end
  end
end

SpawnMillion.run()
