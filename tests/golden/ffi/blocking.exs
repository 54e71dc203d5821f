# ember-differs: FFI is an Ember extension (not in Elixir)
# A C call that blocks (libc usleep, 200 ms) runs on the I/O pool: while one process waits
# for it, two others finish a 100-step ping-pong on the same scheduler. `make test` also runs
# this area with EMBER_SCHEDULERS=1, where a call made on the scheduler thread would hold the
# ping-pong back until usleep returned. Checked by the order of the messages main receives.
defmodule Blocking do
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
    {:ok, c} = FFI.open("libc.so.6")
    usleep = FFI.function(c, "usleep", [:uint32], :int)

    spawn(fn ->
      send(main, :calling)
      send(main, {:usleep_done, FFI.call(usleep, [200_000])})
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

Blocking.run()
