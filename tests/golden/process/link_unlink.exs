# Process.link/1, Process.unlink/1 and Process.info(pid, :links).
defmodule Links do
  def idle do
    receive do
      :stop -> :ok
    end
  end

  def links(pid) do
    {:links, l} = Process.info(pid, :links)
    l
  end

  # runs in a fresh process, which starts with no links at all
  def body do
    Process.flag(:trap_exit, true)
    me = self()
    a = spawn(&idle/0)
    IO.inspect(links(me), label: "no links")
    IO.inspect(Process.link(a), label: "link")
    IO.inspect({a in links(me), me in links(a)}, label: "linked both ways")
    IO.inspect(Process.link(a), label: "link again")
    IO.inspect(length(links(me)), label: "still one link")
    IO.inspect(Process.unlink(a), label: "unlink")
    IO.inspect({a in links(me), me in links(a)}, label: "after unlink")

    # after unlink, the child's exit is not delivered to us
    ref = Process.monitor(a)
    Process.exit(a, :kill)

    receive do
      {:DOWN, ^ref, :process, ^a, :killed} -> :ok
    end

    receive do
      {:EXIT, ^a, _} -> IO.puts("unexpected EXIT")
    after
      50 -> IO.puts("no EXIT after unlink")
    end

    # linking to a dead process: trapping gets {:EXIT, pid, :noproc}
    dead = spawn(fn -> :ok end)
    r = Process.monitor(dead)

    receive do
      {:DOWN, ^r, :process, ^dead, _} -> :ok
    end

    Process.link(dead)

    receive do
      {:EXIT, ^dead, reason} -> IO.inspect(reason, label: "link to dead")
    end

    b = spawn_link(&idle/0)
    c = spawn_link(&idle/0)
    IO.inspect(length(links(me)), label: "two links")
    send(b, :stop)

    receive do
      {:EXIT, ^b, reason} -> IO.inspect(reason, label: "b exited")
    end

    IO.inspect(links(me) == [c], label: "only c left")
    send(c, :stop)

    receive do
      {:EXIT, ^c, :normal} -> IO.inspect(links(me), label: "no links left")
    end
  end

  def run do
    {pid, ref} = spawn_monitor(&body/0)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "body finished")
    end
  end
end

Links.run()
