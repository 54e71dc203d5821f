# An uncaught throw in a spawned process: the exit reason is {{:nocatch, value}, stack} and
# the report shows ErlangError.
defmodule Thrower do
  def run do
    {pid, ref} = spawn_monitor(fn -> throw(:oops) end)

    reason =
      receive do
        {:DOWN, ^ref, :process, ^pid, reason} -> reason
      end

    Process.sleep(200)
    {{:nocatch, value}, stack} = reason
    IO.inspect(value, label: "thrown")
    IO.inspect(is_list(stack), label: "has stacktrace")

    # a throw caught inside the process does not crash it
    {pid2, ref2} =
      spawn_monitor(fn ->
        v = catch_throw(throw({:found, 42}))
        exit(v)
      end)

    receive do
      {:DOWN, ^ref2, :process, ^pid2, r} -> IO.inspect(r, label: "caught throw")
    end
  end

  def catch_throw(expr) do
    expr
  catch
    :throw, v -> v
  end
end

Thrower.run()
