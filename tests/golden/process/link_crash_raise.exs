# A process that raises kills a linked non-trapping process with the same reason; only the
# raising process logs a report. Nothing is printed after the crash (reports are asynchronous).
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
    IO.puts("making the helper raise")
    send(helper, :boom)

    hreason =
      receive do
        {:DOWN, ^href, :process, _, reason} -> reason
      end

    wreason =
      receive do
        {:DOWN, ^wref, :process, _, reason} -> reason
      end

    case {hreason, wreason} do
      {{%RuntimeError{message: "helper failed"}, _}, same} when same == hreason -> :ok
      other -> raise "unexpected reasons #{inspect(other)}"
    end

    Process.sleep(300)
    Logger.flush()
  end
end

RaiseChain.run()
