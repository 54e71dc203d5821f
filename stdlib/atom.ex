# Atom functions written in Ember; the rest of Atom is C built-ins (vm/bi_erlang.c).
defmodule Atom do
  # Deprecated in Elixir 1.14 but still working (Elixir warns at compile time).
  def to_char_list(atom), do: Atom.to_charlist(atom)
end
