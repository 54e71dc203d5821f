# A task that raises: the task logs its own report before exiting, so once Task.yield has
# returned {:exit, reason}, Logger.flush/0 is enough to order the output.
defmodule Parser do
  def parse!(text) do
    case Integer.parse(text) do
      {n, ""} -> n
      _ -> raise ArgumentError, "not a number: #{inspect(text)}"
    end
  end
end

defmodule Main do
  def parse_in_task(text) do
    task = Task.async(Parser, :parse!, [text])
    result = Task.yield(task, 5000)
    Logger.flush()

    # the task was linked to us and we trap exits: collect its EXIT message
    receive do
      {:EXIT, pid, _} when pid == task.pid -> :ok
    end

    result
  end

  def run do
    # a crashing linked task would take us down: trap exits
    Process.flag(:trap_exit, true)
    IO.inspect(parse_in_task("42"), label: "parsed")

    case parse_in_task("4x2") do
      {:exit, {%ArgumentError{} = e, stack}} when is_list(stack) -> IO.inspect(e, label: "exception")
    end

    case parse_in_task("") do
      {:exit, {%ArgumentError{message: msg}, _}} -> IO.puts("second failure: " <> msg)
    end

    IO.inspect(Process.info(self(), :message_queue_len), label: "mailbox")
  end
end

Main.run()
