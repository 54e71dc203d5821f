# spawn/1 with a closure, send/receive round trip, self() and is_pid.
defmodule Echo do
  def run do
    parent = self()
    IO.inspect(is_pid(parent), label: "self is pid")
    greeting = "hello"
    child = spawn(fn ->
      receive do
        {:echo, from, msg} -> send(from, {:reply, self(), greeting <> " " <> msg})
      end
    end)
    IO.inspect(is_pid(child), label: "child is pid")
    IO.inspect(child == parent, label: "child == parent")
    send(child, {:echo, parent, "world"})
    receive do
      {:reply, ^child, text} -> IO.puts("got: " <> text)
    end
    # send returns the message
    IO.inspect(send(self(), :ping), label: "send returns")
    receive do
      :ping -> IO.puts("pinged myself")
    end
  end
end

Echo.run()
