# A `when` without a guard expression.
defmodule M do
  def f(x) when, do: x
end
