# A linked process exiting abnormally kills the (non-trapping) main script process.
defmodule Doomed do
  def run do
    IO.puts("linking to a process that will exit")
    spawn_link(fn ->
      receive do
        :go -> exit(:fatal_error)
      end
    end)
    |> send(:go)

    receive do
      :never -> IO.puts("unreachable")
    end
  end
end

Doomed.run()
