# Float functions written in Ember; the rest of Float is C built-ins (vm/bi_float.c).
defmodule Float do
  def to_charlist(float) when is_float(float), do: String.to_charlist(Float.to_string(float))

  # Deprecated in Elixir 1.14 but still working (Elixir warns at compile time).
  def to_char_list(float), do: to_charlist(float)
end
