# Binary generators of `for` (`for <<a::4, b::4 <- bin>>, do: ...`): compiler/desugar.c turns
# the generator's segments into a matcher function and iterates over the list this module
# builds, so filters, into: and reduce: work as for list generators. The matcher returns
# {:ok, values, rest} for an element, {:skip, rest} for one whose literal segments differ
# (Erlang skips it), or :done when no further element fits.
defmodule Ember.Bits do
  @moduledoc false

  def generate(bin, matcher) when is_bitstring(bin), do: generate(bin, matcher, [])

  def generate(other, _matcher), do: :erlang.error({:bad_generator, other})

  defp generate(bin, matcher, acc) do
    case matcher.(bin) do
      {:ok, values, rest} -> next(bin, rest, matcher, [values | acc])
      {:skip, rest} -> next(bin, rest, matcher, acc)
      :done -> :lists.reverse(acc)
    end
  end

  # An element of no bits would repeat forever: stop there.
  defp next(bin, rest, matcher, acc) do
    if bit_size(rest) < bit_size(bin), do: generate(rest, matcher, acc), else: :lists.reverse(acc)
  end
end
