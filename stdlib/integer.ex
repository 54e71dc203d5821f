# Integer functions written in Ember; the rest of Integer is C built-ins (vm/bi_integer.c).
defmodule Integer do
  def to_charlist(integer, base), do: String.to_charlist(Integer.to_string(integer, base))

  # Deprecated in Elixir 1.14 but still working (Elixir warns at compile time).
  def to_char_list(integer), do: Integer.to_charlist(integer)
  def to_char_list(integer, base), do: to_charlist(integer, base)
end
