# Caesar cipher and character arithmetic on charlists
defmodule Caesar do
  def shift(text, k) do
    text
    |> String.to_charlist()
    |> Enum.map(&rot(&1, k))
    |> List.to_string()
  end
  defp rot(c, k) when c in ?a..?z, do: ?a + rem(c - ?a + k + 26, 26)
  defp rot(c, k) when c in ?A..?Z, do: ?A + rem(c - ?A + k + 26, 26)
  defp rot(c, _), do: c
end
msg = "Hello, World! xyz"
enc = Caesar.shift(msg, 3)
IO.puts(enc)
IO.puts(Caesar.shift(enc, -3))
IO.puts(Caesar.shift(msg, 13) |> Caesar.shift(13))
IO.inspect(~c"abc")
IO.inspect('hello' ++ ' ' ++ 'there')
IO.inspect([104, 105])
IO.inspect([1, 2, 3])
IO.inspect(Enum.map(?a..?e, & &1))
IO.inspect(List.to_string([?h, ?i]))
IO.inspect(to_charlist("xyz"))
IO.inspect(Enum.map('abc', &(&1 + 1)))
IO.inspect(String.to_charlist("ñ"))
IO.inspect([?a, 0])
IO.inspect([7, 8, 9, 10, 13])
