# A spawned process that dies of an uncaught error or throw gets Logger's error report on
# stdout: "Process #PID<...> raised an exception", the `** (Kind) message` line (no blame:
# no ": 1 + :a", no argument listing) and its stack. Exits, normal or not, print nothing.
defmodule Boom do
  defexception [:code]
  def message(e), do: "custom message #{e.code}"
end

defmodule Crash do
  def run(fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, _reason} -> :ok
    end
  end

  def only_one(1), do: :one
end

Crash.run(fn -> raise "boom" end)
Crash.run(fn -> raise ArgumentError, "bad thing" end)
Crash.run(fn -> raise Boom, code: 42 end)
Crash.run(fn -> throw({:ball, "thrown"}) end)
Crash.run(fn -> {:ok, _} = {:error, String.to_integer("2")} end)
Crash.run(fn -> Crash.only_one(String.to_integer("2")) end)
Crash.run(fn -> 1 + String.to_atom("a") end)
Crash.run(fn -> Map.fetch!(%{a: 1}, :b) end)
Crash.run(fn -> raise "two\nlines" end)
Crash.run(fn -> exit(:normal) end)
Crash.run(fn -> exit(:some_reason) end)
Crash.run(fn -> :done end)

# Elixir's reports travel through an asynchronous logger process and are lost if the VM
# stops first; Logger.flush/0 does not wait for them.
Process.sleep(300)
