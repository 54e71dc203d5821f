# The process dictionary: put/get/delete/get_keys, private to each process.
defmodule PDict do
  # runs in a fresh process, whose dictionary starts empty
  def body do
    IO.inspect(Process.get(:counter), label: "missing")
    IO.inspect(Process.get(:counter, 0), label: "default")
    IO.inspect(Process.put(:counter, 1), label: "first put")
    IO.inspect(Process.put(:counter, 2), label: "second put")
    IO.inspect(Process.get(:counter), label: "get")
    Process.put(:name, "ember")
    Process.put({:composite, 1}, [1, 2, 3])
    IO.inspect(Enum.sort(Process.get_keys()), label: "keys")
    IO.inspect(Process.get({:composite, 1}), label: "tuple key")
    IO.inspect(Process.delete(:name), label: "delete")
    IO.inspect(Process.delete(:name), label: "delete again")
    IO.inspect(Enum.sort(Process.get_keys()), label: "keys after delete")

    for word <- ~w(a b a c b a) do
      Process.put({:count, word}, Process.get({:count, word}, 0) + 1)
    end

    counts = for w <- ~w(a b c), do: {w, Process.get({:count, w})}
    IO.inspect(counts, label: "word counts")

    # another process has its own dictionary
    parent = self()
    spawn(fn ->
      Process.put(:counter, 100)
      send(parent, {:child, Process.get(:counter), Process.get(:name)})
    end)

    receive do
      {:child, c, n} -> IO.inspect({c, n}, label: "child sees")
    end

    IO.inspect(Process.get(:counter), label: "parent still has")
  end

  def run do
    {pid, ref} = spawn_monitor(&body/0)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "done")
    end
  end
end

PDict.run()
