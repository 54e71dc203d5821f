# make_ref/0 and the pin operator in receive: replies are matched to their request.
defmodule Requests do
  def server do
    receive do
      {:square, from, ref, n} ->
        send(from, {ref, n * n})
        server()

      :stop ->
        :ok
    end
  end

  def request(server, n) do
    ref = make_ref()
    send(server, {:square, self(), ref, n})
    ref
  end

  def run do
    r1 = make_ref()
    r2 = make_ref()
    IO.inspect(is_reference(r1), label: "is_reference")
    IO.inspect(r1 == r2, label: "distinct")
    IO.inspect(r1 == r1, label: "same")

    srv = spawn(fn -> server() end)
    refs = Enum.map(1..5, fn n -> {n, request(srv, n)} end)

    # collect in reverse order using the pinned refs
    for {n, ref} <- Enum.reverse(refs) do
      receive do
        {^ref, result} -> IO.puts("#{n}^2 = #{result}")
      end
    end

    # a stale reply with an unknown ref is left alone
    stale = make_ref()
    send(self(), {stale, :old})
    fresh = request(srv, 12)

    receive do
      {^fresh, v} -> IO.inspect(v, label: "fresh")
    end

    receive do
      {^stale, v} -> IO.inspect(v, label: "stale")
    end

    pid = srv

    receive do
      {^pid, _} -> IO.puts("impossible")
    after
      0 -> IO.puts("no message from server pid")
    end

    send(srv, :stop)
  end
end

Requests.run()
