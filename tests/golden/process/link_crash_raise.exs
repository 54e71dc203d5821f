# A process that raises kills a linked non-trapping process with the same reason; only the
# raising process logs a report.
defmodule RaiseChain do
  def run do
    parent = self()

    worker = spawn(fn ->
      helper = spawn_link(fn ->
        receive do
          :boom -> raise "helper failed"
        end
      end)

      send(parent, {:helper, helper})
      receive do
        :never -> :ok
      end
    end)

    helper =
      receive do
        {:helper, h} -> h
      end

    wref = Process.monitor(worker)
    href = Process.monitor(helper)
    send(helper, :boom)

    hreason =
      receive do
        {:DOWN, ^href, :process, _, reason} -> reason
      end

    wreason =
      receive do
        {:DOWN, ^wref, :process, _, reason} -> reason
      end

    # let the logger print the helper's crash report first
    Process.sleep(200)
    {%RuntimeError{message: m}, _} = hreason
    IO.puts("helper down: " <> m)
    {%RuntimeError{message: m}, _} = wreason
    IO.puts("worker down: " <> m)
    IO.inspect(hreason == wreason, label: "same reason")
    IO.puts("main continues")
  end
end

RaiseChain.run()
