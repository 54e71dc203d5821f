# A command that runs for a while (sleep 1) runs on the I/O pool: while one process waits for
# System.cmd, two others finish a 100-step ping-pong. `make test` also runs this area with
# EMBER_SCHEDULERS=1, where a command run on the scheduler thread would hold the ping-pong back
# until sleep returned. Checked by the order of the messages main receives, not by timing.
defmodule NonBlocking do
  def pong do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, n})
        pong()

      :stop ->
        :ok
    end
  end

  def ping(_ponger, 0, main), do: send(main, :pingpong_done)

  def ping(ponger, n, main) do
    send(ponger, {:ping, self(), n})

    receive do
      {:pong, ^n} -> ping(ponger, n - 1, main)
    end
  end

  def run do
    main = self()

    spawn(fn ->
      send(main, :calling)
      send(main, {:cmd_done, System.cmd("sh", ["-c", "sleep 1; echo slept"])})
    end)

    receive do
      :calling -> :ok
    end

    ponger = spawn(fn -> pong() end)
    spawn(fn -> ping(ponger, 100, main) end)

    first = receive do
      msg -> msg
    end

    second = receive do
      msg -> msg
    end

    send(ponger, :stop)
    IO.inspect([first, second], label: "order")
  end
end

NonBlocking.run()
