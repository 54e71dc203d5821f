# Bitstrings as terms: sizes, type tests, inspect, comparison, sorting, map keys, concatenation.
x = <<1::3>>
IO.inspect(bit_size(x))
IO.inspect(byte_size(x))
IO.inspect(byte_size(<<1, 1::3>>))
IO.inspect(bit_size(<<>>))
IO.inspect(is_binary(x))
IO.inspect(is_bitstring(x))
IO.inspect(is_bitstring("abc"))
IO.inspect(:erlang.bit_size("abc"))
IO.inspect(:erlang.is_bitstring(x))
IO.inspect(inspect(x))
IO.inspect(inspect(<<1, 2, 3, 4, 5::4>>, limit: 2))
IO.inspect(<<"abc", 1::3>>)
IO.inspect(<<200, 1::3>>)
IO.inspect([<<1::3>>])
IO.inspect(%{<<1::3>> => 1, <<1::4>> => 2})
IO.inspect(<<1::3>> < <<1::4>>)
IO.inspect(<<1::3>> == <<1::3>>)
IO.inspect(<<1::3>> === <<1::3>>)
IO.inspect(<<0::8>> == <<0::7>>)
IO.inspect(<<1::1>> > "a")
IO.inspect(Enum.sort([<<1::1>>, <<0::1>>, "a", <<>>, <<97, 0::1>>]))
IO.inspect(Enum.uniq([<<1::3>>, <<1::3>>, <<2::3>>]))
IO.inspect(<<x::bitstring>> == x)
fun = fn
  b when is_binary(b) -> {:binary, byte_size(b)}
  b when is_bitstring(b) -> {:bits, bit_size(b)}
end
IO.inspect(Enum.map(["ab", <<1::7>>, <<1::9>>], fun))
guard = fn
  b when bit_size(b) > 8 and byte_size(b) < 3 -> :mid
  _ -> :other
end
IO.inspect({guard.(<<1::9>>), guard.(<<1::8>>)})
defmodule Bits do
  def count_ones(<<>>), do: 0
  def count_ones(<<b::1, rest::bits>>), do: b + count_ones(rest)
  def to_list(<<b::1, rest::bits>>), do: [b | to_list(rest)]
  def to_list(<<>>), do: []
end
IO.inspect(Bits.count_ones(<<0xF0F0::16, 5::3>>))
IO.inspect(Bits.to_list(<<0b1011::4>>))
send(self(), {:bits, <<1, 2::5>>})
receive do
  {:bits, b} -> IO.inspect(b)
end
