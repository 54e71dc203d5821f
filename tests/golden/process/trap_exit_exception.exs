# A linked process that raises: the trapping parent gets {:EXIT, pid, {exception, stacktrace}}
# and the crash report is logged.
defmodule TrapException do
  def run do
    Process.flag(:trap_exit, true)
    pid = spawn_link(fn -> raise ArgumentError, "bad input" end)

    reason =
      receive do
        {:EXIT, ^pid, reason} -> reason
      end

    # give the logger time to print the crash report before printing anything else
    Process.sleep(200)
    {%ArgumentError{} = e, stack} = reason
    IO.puts("linked process raised: " <> Exception.message(e))
    IO.inspect(is_list(stack), label: "stacktrace is a list")

    # errors raised by the runtime keep their Erlang form in the exit reason
    pid2 = spawn_link(fn -> 1 = Enum.count([1, 2]) end)

    receive do
      {:EXIT, ^pid2, {reason, _stack}} ->
        Process.sleep(200)
        IO.inspect(reason, label: "badmatch reason")
    end

    pid3 = spawn_link(fn -> 1 + String.to_atom("one") end)

    receive do
      {:EXIT, ^pid3, {reason, _stack}} ->
        Process.sleep(200)
        IO.inspect(reason, label: "badarith reason")
    end

    IO.puts("done")
  end
end

TrapException.run()
