# Fairness: run with ONE scheduler. 8 processes spin in endless tail recursion while the main
# process completes 1,000 echo round trips with another process. Without preemption of the
# spinners this never finishes; the driver applies the timeout (no timing checks in here).
# Round trips divided by STRESS_SCALE (default 1). Final line: "fairness ok".
defmodule Fairness do
  def scale do
    case System.get_env("STRESS_SCALE") do
      nil -> 1
      "" -> 1
      s -> String.to_integer(s)
    end
  end

  defp spin(n), do: spin(n + 1)

  def start_spinner, do: spin(0)

  def echo do
    receive do
      {:echo, from, x} ->
        send(from, {:echoed, x})
        echo()

      :stop ->
        :ok
    end
  end

  def round_trips(_pid, i, n, acc) when i > n, do: acc

  def round_trips(pid, i, n, acc) do
    send(pid, {:echo, self(), i})

    receive do
      {:echoed, ^i} -> round_trips(pid, i + 1, n, acc + i)
    end
  end

  def run do
    n = max(div(1_000, scale()), 1)
    spinners = for _ <- 1..8, do: spawn(fn -> start_spinner() end)
    echo = spawn(fn -> echo() end)
    sum = round_trips(echo, 1, n, 0)
    send(echo, :stop)
    refs = Enum.map(spinners, &Process.monitor/1)
    Enum.each(spinners, &Process.exit(&1, :kill))

    killed =
      Enum.count(refs, fn ref ->
        receive do
          {:DOWN, ^ref, :process, _, :killed} -> true
        end
      end)

    if sum == div(n * (n + 1), 2) and killed == 8 do
      IO.puts("fairness ok")
    else
      IO.puts("FAIL fairness sum=#{sum} killed=#{killed}")
    end
  end
end

Fairness.run()
