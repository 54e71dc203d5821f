# A spawned process that raises logs an error report; the main process carries on.
defmodule Crash do
  def parse(s), do: String.to_integer(s)

  def run do
    IO.puts("starting worker")

    {pid, ref} =
      spawn_monitor(fn ->
        raise "something went wrong"
      end)

    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    end

    # give the logger time to print the report
    Process.sleep(200)
    IO.puts("main continues after the crash")

    {pid2, ref2} =
      spawn_monitor(fn ->
        raise KeyError, key: :missing, term: %{a: 1}
      end)

    receive do
      {:DOWN, ^ref2, :process, ^pid2, {e, _}} ->
        Process.sleep(200)
        IO.inspect(e.key, label: "KeyError key")
    end

    {pid3, ref3} = spawn_monitor(fn -> Map.fetch!(%{}, :nope) end)

    receive do
      {:DOWN, ^ref3, :process, ^pid3, {e, _}} ->
        Process.sleep(200)
        IO.inspect(e, label: "fetch! error")
    end

    IO.puts("done")
  end
end

Crash.run()
