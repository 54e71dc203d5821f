# rescue e in [A, B] and several rescue clauses.
defmodule Risky do
  def run(:arith), do: div(1, zero())
  def run(:key), do: Map.fetch!(%{}, :missing)
  def run(:arg), do: raise(ArgumentError, "nope")
  def run(:runtime), do: raise("plain")
  def run(:match), do: ({:ok, _} = error_tuple())
  defp zero, do: 0
  defp error_tuple, do: {:error, 1}

  def safe(kind) do
    try do
      run(kind)
    rescue
      e in [ArithmeticError, KeyError] -> {:math_or_key, e.__struct__}
      e in ArgumentError -> {:arg, e.message}
      e in RuntimeError -> {:runtime, e.message}
      other -> {:other, other.__struct__}
    end
  end
end
for k <- [:arith, :key, :arg, :runtime, :match] do
  IO.inspect(Risky.safe(k))
end
