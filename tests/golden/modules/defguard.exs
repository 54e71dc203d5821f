# defguard and defguardp: used in function heads, in case guards, in anonymous function
# clauses, in expressions, combined with other guards.
defmodule Checks do
  defguard is_even(x) when is_integer(x) and rem(x, 2) == 0
  defguardp is_small(x) when x < 10
  defguard in_range(x, lo, hi) when x >= lo and x <= hi

  def kind(x) when is_even(x) and is_small(x), do: :small_even
  def kind(x) when is_even(x), do: :even
  def kind(x) when in_range(x, 100, 200), do: :hundreds
  def kind(_), do: :other

  def classify(list) do
    Enum.map(list, fn
      x when is_even(x) -> {:even, x}
      x -> {:odd, x}
    end)
  end

  def check(x) do
    case x do
      y when in_range(y, 1, 5) -> "1..5"
      _ -> "outside"
    end
  end

  def expr(x), do: is_even(x) and is_small(x)
end

IO.inspect(Enum.map([2, 12, 150, 7, :a], &Checks.kind/1))
IO.inspect(Checks.classify([1, 2, 3]))
IO.inspect({Checks.check(3), Checks.check(9)})
IO.inspect({Checks.expr(4), Checks.expr(40), Checks.expr(3)})
