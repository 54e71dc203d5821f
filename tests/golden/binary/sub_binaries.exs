# Sub-binaries: matching the rest of a large binary shares its bytes, so parsers stay linear.
big = :binary.copy("0123456789", 100_000)
<<_::binary-size(10), sub::binary>> = big
IO.inspect(byte_size(sub))
IO.inspect(:binary.referenced_byte_size(sub))
IO.inspect(:binary.referenced_byte_size(:binary.copy(sub)))
<<small::binary-size(5), _::binary>> = big
IO.inspect({small, :binary.referenced_byte_size(small)})
"0123" <> after_prefix = big
IO.inspect(:binary.referenced_byte_size(after_prefix))
IO.inspect(binary_part(sub, 0, 12))
IO.inspect(String.slice(sub, -5, 5))
IO.inspect(String.length(sub))
IO.inspect(sub == binary_part(big, 10, byte_size(big) - 10))
IO.inspect(:binary.match(sub, "90"))
defmodule Count do
  # one call per byte over a million bytes: quadratic copying would never finish in time
  def digits(<<c, rest::binary>>, acc) when c in ?0..?9, do: digits(rest, acc + c - ?0)
  def digits(<<_, rest::binary>>, acc), do: digits(rest, acc)
  def digits(<<>>, acc), do: acc
end
IO.inspect(Count.digits(big, 0))
parent = self()
spawn(fn -> send(parent, {:slice, sub}) end)
receive do
  {:slice, s} -> IO.inspect({byte_size(s), binary_part(s, 0, 3)})
end
