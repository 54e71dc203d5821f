# A process spinning in an endless loop does not stop others from running; it is then killed.
defmodule Spinner do
  def spin(n), do: spin(n + 1)

  def ponger do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, n})
        ponger()
    end
  end

  def run do
    spinners = for _ <- 1..4, do: spawn(fn -> spin(0) end)
    ponger = spawn(fn -> ponger() end)

    replies =
      for n <- 1..200 do
        send(ponger, {:ping, self(), n})

        receive do
          {:pong, ^n} -> n
        end
      end

    IO.inspect(Enum.sum(replies), label: "pongs while spinning")
    IO.inspect(Enum.all?(spinners, &Process.alive?/1), label: "spinners alive")

    # a busy main-side computation also lets the spinners keep going
    IO.inspect(Enum.reduce(1..200_000, 0, &+/2), label: "main computed")

    refs = for s <- spinners, do: {s, Process.monitor(s)}
    Enum.each(spinners, &Process.exit(&1, :kill))

    reasons =
      for {s, ref} <- refs do
        receive do
          {:DOWN, ^ref, :process, ^s, reason} -> reason
        end
      end

    IO.inspect(reasons, label: "spinners")
    Process.exit(ponger, :kill)
    IO.puts("done")
  end
end

Spinner.run()
