# Linked processes that raise: the trapping parent gets {:EXIT, pid, {exception, stacktrace}}
# (or the Erlang error term for runtime errors) and each crash is logged. The logger prints
# reports asynchronously, so after the first crash this program only checks (raising on a
# mismatch) and prints nothing.
defmodule TrapException do
  def expect_exit(fun, check) do
    pid = spawn_link(fun)

    receive do
      {:EXIT, ^pid, reason} -> check.(reason) || raise "unexpected reason #{inspect(reason)}"
    end
  end

  def run do
    Process.flag(:trap_exit, true)
    IO.puts("trapping exits of three linked processes that raise")

    expect_exit(fn -> raise ArgumentError, "bad input" end, fn
      {%ArgumentError{message: "bad input"}, stack} -> is_list(stack)
      _ -> false
    end)

    # errors raised by the runtime keep their Erlang form in the exit reason
    expect_exit(fn -> 1 = Enum.count([1, 2]) end, &match?({{:badmatch, 2}, _}, &1))
    expect_exit(fn -> 1 + String.to_atom("one") end, &match?({:badarith, _}, &1))

    Process.sleep(300)
    Logger.flush()
  end
end

TrapException.run()
