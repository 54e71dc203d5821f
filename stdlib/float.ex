# Float functions written in Ember; the rest of Float is C built-ins (vm/bi_float.c).
defmodule Float do
  def max_finite(), do: 1.7976931348623157e308
  def min_finite(), do: -1.7976931348623157e308

  # The exact fraction {numerator, denominator} of [float], in lowest terms with a positive
  # power-of-two denominator: doubling a finite float is exact, so it is doubled until whole.
  def ratio(float) when is_float(float), do: ratio(float, 1)

  defp ratio(float, den) do
    if float == Float.floor(float) do
      {trunc(float), den}
    else
      ratio(float * 2.0, den * 2)
    end
  end

  def to_charlist(float) when is_float(float), do: String.to_charlist(Float.to_string(float))

  # Deprecated in Elixir 1.14 but still working (Elixir warns at compile time).
  def to_char_list(float), do: to_charlist(float)
end
