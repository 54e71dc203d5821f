# Process.info/2 for :message_queue_len, :registered_name, :links and :status-free checks.
defmodule Info do
  def run do
    parent = self()

    pid = spawn(fn ->
      receive do
        :go -> :ok
      end

      receive do
        :release -> send(parent, :released)
      end
    end)

    IO.inspect(Process.info(pid, :message_queue_len), label: "empty queue")
    for n <- 1..5, do: send(pid, {:junk, n})
    IO.inspect(Process.info(pid, :message_queue_len), label: "after 5 sends")
    send(pid, :go)

    for _ <- 1..6, do: send(self(), :mine)
    {:message_queue_len, mine} = Process.info(self(), :message_queue_len)
    IO.inspect(mine, label: "own queue")

    IO.inspect(Process.info(pid, :registered_name), label: "unregistered")
    Process.register(pid, :info_target)
    IO.inspect(Process.info(pid, :registered_name), label: "registered")

    {:links, links} = Process.info(pid, :links)
    IO.inspect(length(links), label: "links of unlinked process")
    linked = spawn_link(fn -> receive do: (:bye -> :ok) end)
    {:links, my_links} = Process.info(self(), :links)
    IO.inspect(linked in my_links, label: "linked pid in own links")
    {:links, its_links} = Process.info(linked, :links)
    IO.inspect(its_links == [self()], label: "child linked only to me")
    send(linked, :bye)

    # Process.info/2 on a dead process is nil
    ref = Process.monitor(pid)
    send(pid, :release)

    receive do
      :released -> :ok
    end

    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    end

    IO.inspect(Process.info(pid, :message_queue_len), label: "dead process")
    IO.inspect(Process.info(pid), label: "dead process info/1")
  end
end

Info.run()
