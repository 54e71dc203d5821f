# A spawned process that raises logs an error report; the main process carries on.
# Reports are printed asynchronously by the logger, so this program prints nothing itself
# after the first crash: it only checks the exit reasons (raising on a mismatch).
defmodule Crash do
  def lookup(map, key), do: Map.fetch!(map, key)

  def expect_down(fun, check) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} ->
        check.(reason) || raise "unexpected exit reason: #{inspect(reason)}"
    end
  end

  def run do
    IO.puts("starting three workers that crash one after the other")

    expect_down(fn -> raise "something went wrong" end, fn
      {%RuntimeError{message: "something went wrong"}, stack} -> is_list(stack)
      _ -> false
    end)

    # the main process keeps running after each crash
    expect_down(fn -> raise KeyError, key: :missing, term: %{a: 1} end, fn
      {%KeyError{key: :missing}, _} -> true
      _ -> false
    end)

    # errors raised by the runtime keep their Erlang form in the exit reason
    expect_down(fn -> lookup(%{}, :nope) end, &match?({{:badkey, :nope}, _}, &1))

    # let the logger print the reports before the script ends
    Process.sleep(300)
    Logger.flush()
  end
end

Crash.run()
