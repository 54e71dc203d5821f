# The script ends while other processes are still running (or blocked): it exits with status 0.
defmodule Background do
  def forever do
    receive do
      :never -> :ok
    end
  end

  def spin(n), do: spin(n + 1)

  def run do
    for _ <- 1..10, do: spawn(&forever/0)
    spawn(fn -> spin(0) end)
    spawn(fn -> Process.sleep(60_000) end)
    parent = self()
    spawn(fn -> send(parent, :started) end)

    receive do
      :started -> IO.puts("background processes started")
    end

    IO.puts("main is done")
  end
end

Background.run()
