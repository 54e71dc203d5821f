# An uncaught throw in a spawned process: the exit reason is {{:nocatch, value}, stack} and
# the report shows ErlangError. Nothing is printed after the crash (reports are asynchronous).
defmodule Thrower do
  def run do
    # a throw caught inside the process does not crash it
    {pid, ref} =
      spawn_monitor(fn ->
        v =
          try do
            throw({:found, 42})
          catch
            :throw, v -> v
          end

        exit(v)
      end)

    receive do
      {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r, label: "caught throw")
    end

    IO.puts("now an uncaught throw")
    {pid, ref} = spawn_monitor(fn -> throw(:oops) end)

    receive do
      {:DOWN, ^ref, :process, ^pid, {{:nocatch, :oops}, stack}} when is_list(stack) -> :ok
      {:DOWN, ^ref, :process, ^pid, other} -> raise "unexpected reason #{inspect(other)}"
    end

    Process.sleep(300)
    Logger.flush()
  end
end

Thrower.run()
