# The exit reason a monitor sees when a process dies of an uncaught exception is Erlang's:
# {raw_error, stacktrace} where raw_error is the term BEAM raised (:badarith, {:badmatch, v},
# ...) or the exception struct for exceptions raised from Elixir code; {{:nocatch, v}, stack}
# for a throw; the reason itself for an exit. Logger.configure(level: :none) also silences
# the processes' crash reports.
require Logger
Logger.configure(level: :none)

defmodule Oops do
  defexception [:code]
  def message(e), do: "oops #{e.code}"
end

defmodule Down do
  def reason(name, fun) do
    {pid, ref} = spawn_monitor(fun)

    receive do
      {:DOWN, ^ref, :process, ^pid, {reason, stack}} when is_list(stack) ->
        IO.puts("#{name}: #{inspect(reason)}")

      {:DOWN, ^ref, :process, ^pid, reason} ->
        IO.puts("#{name} (exit): #{inspect(reason)}")
    end
  end

  def one(1), do: :one
end

two = fn -> String.to_integer("2") end
Down.reason("badarith", fn -> 1 + String.to_atom("a") end)
Down.reason("div by zero", fn -> div(1, two.() - 2) end)
Down.reason("badmatch", fn -> {:ok, _} = {:error, two.()} end)
Down.reason("case_clause", fn -> case two.() do 1 -> :one end end)
Down.reason("cond_clause", fn -> cond do two.() == 1 -> :one end end)
Down.reason("function_clause", fn -> Down.one(two.()) end)
Down.reason("anonymous function_clause", fn -> (fn 1 -> :one end).(two.()) end)
Down.reason("badfun", fn -> two.().() end)
Down.reason("undef", fn -> Down.nope(two.()) end)
Down.reason("badmap", fn -> %{two.() | a: 1} end)
Down.reason("badkey fetch!", fn -> Map.fetch!(%{a: two.()}, :b) end)
Down.reason("badkey update", fn -> m = %{a: two.()}; %{m | b: 1} end)
Down.reason("badarg", fn -> elem({:a}, two.()) end)
Down.reason("badarg from hd", fn -> hd(List.delete([two.()], 2)) end)
Down.reason("badbool", fn -> two.() and true end)
Down.reason("keyword KeyError", fn -> Keyword.fetch!([a: two.()], :b) end)
Down.reason("erlang error", fn -> :erlang.error({:weird, two.()}) end)
Down.reason("runtime", fn -> raise "boom" end)
Down.reason("argument custom", fn -> raise ArgumentError, "custom" end)
Down.reason("custom exception", fn -> raise Oops, code: 7 end)
Down.reason("empty", fn -> Enum.max([]) end)
Down.reason("throw", fn -> throw({:ball, two.()}) end)
Down.reason("exit", fn -> exit({:shutdown, two.()}) end)
Down.reason("normal", fn -> :done end)
