# case/cond inside recursive loops building accumulators.
defmodule Tally do
  def run(events), do: run(events, %{ok: 0, error: 0, other: []})
  defp run([], acc), do: acc
  defp run([e | rest], acc) do
    acc =
      case e do
        {:ok, _} -> %{acc | ok: acc.ok + 1}
        {:error, _} -> %{acc | error: acc.error + 1}
        x -> %{acc | other: [x | acc.other]}
      end
    run(rest, acc)
  end
end
IO.inspect(Tally.run([{:ok, 1}, {:error, :x}, :weird, {:ok, 2}, "str"]))
