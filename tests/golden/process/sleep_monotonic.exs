# Process.sleep/1 and monotonic clocks: elapsed time is at least the slept duration.
defmodule Clock do
  def run do
    t0 = System.monotonic_time(:millisecond)
    m0 = :erlang.monotonic_time(:millisecond)
    n0 = System.monotonic_time()
    IO.inspect(Process.sleep(50), label: "sleep returns")
    t1 = System.monotonic_time(:millisecond)
    m1 = :erlang.monotonic_time(:millisecond)
    n1 = System.monotonic_time()
    IO.inspect(t1 - t0 >= 50, label: "System.monotonic_time ms")
    IO.inspect(m1 - m0 >= 50, label: ":erlang.monotonic_time ms")
    IO.inspect(System.convert_time_unit(n1 - n0, :native, :millisecond) >= 50, label: "native")
    IO.inspect(is_integer(n0), label: "integer")

    # sleeping in another process does not block this one
    parent = self()
    spawn(fn ->
      Process.sleep(100)
      send(parent, :slow)
    end)
    spawn(fn -> send(parent, :fast) end)

    first =
      receive do
        msg -> msg
      end

    IO.inspect(first, label: "first")

    receive do
      :slow -> IO.puts("slow arrived")
    end

    t2 = System.monotonic_time(:millisecond)
    IO.inspect(t2 - t1 >= 100, label: "waited for slow")
    Process.sleep(0)
    IO.puts("sleep(0) ok")
  end
end

Clock.run()
