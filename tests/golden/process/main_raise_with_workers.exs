# The main process raises while workers are still running: the script fails as usual.
defmodule Failing do
  def worker(n) do
    receive do
      {:get, from} ->
        send(from, {:value, n})
        worker(n)
    end
  end

  def run do
    pids = for n <- 1..3, do: spawn(fn -> worker(n * 10) end)

    values =
      for pid <- pids do
        send(pid, {:get, self()})

        receive do
          {:value, v} -> v
        end
      end

    IO.inspect(values, label: "values")
    total = Enum.sum(values)

    if total > 50 do
      raise ArgumentError, "total too large: #{total}"
    end
  end
end

Failing.run()
