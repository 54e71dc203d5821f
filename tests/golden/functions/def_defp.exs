# Public and private functions; do: shorthand and do/end bodies.
defmodule Calc do
  def double(x), do: x * 2
  def quad(x) do
    double(double(x))
  end
  def public_uses_private(x), do: secret(x) + 1
  defp secret(x), do: x * 100
  def no_args, do: :no_args
  def with_parens(), do: :with_parens
end
IO.inspect(Calc.double(4))
IO.inspect(Calc.quad(3))
IO.inspect(Calc.public_uses_private(2))
IO.inspect(Calc.no_args())
IO.inspect(Calc.no_args)
IO.inspect(Calc.with_parens())
