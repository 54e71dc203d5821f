# Bitwise: functions, operators after import, use Bitwise, guards, bignums and errors.
defmodule Bits do
  use Bitwise

  def parity(x) when band(x, 1) == 0, do: :even
  def parity(x) when (x &&& 1) == 1, do: :odd

  def popcount(0), do: 0
  def popcount(x) when x > 0, do: (x &&& 1) + popcount(x >>> 1)

  def set?(flags, bit) when (flags &&& bsl(1, bit)) != 0, do: true
  def set?(_flags, _bit), do: false
end

defmodule Checksum do
  import Bitwise

  # A 32-bit FNV-1a hash of a string's bytes.
  def fnv1a(string), do: fnv1a(:binary.bin_to_list(string), 0x811C9DC5)
  defp fnv1a([], hash), do: hash
  defp fnv1a([b | rest], hash), do: fnv1a(rest, (bxor(hash, b) * 0x01000193) &&& 0xFFFFFFFF)
end

IO.inspect({Bits.parity(10), Bits.parity(7)})
IO.inspect(Enum.map([0, 1, 255, 1023, 0xFFFFFFFFFFFFFFFFFFFF], &Bits.popcount/1))
IO.inspect({Bits.set?(0b1010, 1), Bits.set?(0b1010, 2)})
IO.inspect(Checksum.fnv1a("hello world"))

IO.inspect({Bitwise.band(12, 10), Bitwise.bor(12, 10), Bitwise.bxor(12, 10), Bitwise.bnot(12)})
IO.inspect({Bitwise.bsl(1, 10), Bitwise.bsr(1024, 3), Bitwise.bsl(5, -1), Bitwise.bsr(5, -2)})
IO.inspect({Bitwise.band(-6, 13), Bitwise.bor(-6, 13), Bitwise.bxor(-6, 13), Bitwise.bsr(-17, 2)})
IO.inspect({:erlang.band(6, 3), :erlang.bor(6, 3), :erlang.bxor(6, 3), :erlang.bnot(0)})
IO.inspect({:erlang.bsl(3, 4), :erlang.bsr(-1, 70)})

import Bitwise
big = 1 <<< 100
IO.inspect(big)
IO.inspect({big >>> 99, big - 1 &&& 0xFF, big ||| 1, bxor(big, big), ~~~big})
IO.inspect({-big >>> 98, (big * 3) &&& -big, bnot(-1 <<< 80)})
IO.inspect(bxor(0xDEADBEEFCAFEBABE1234, 0xFFFF))
IO.inspect(Enum.map(0..8, &(1 <<< &1)))
IO.inspect(Enum.reduce([0b0001, 0b0100, 0b1000], 0, &bor/2))
and_fun = &Bitwise.&&&/2
IO.inspect(and_fun.(0b1100, 0b1010))

for f <- [fn -> Bitwise.band(1.0, 1) end, fn -> Bitwise.bnot(:x) end,
          fn -> Bitwise.bsl(1, 1.5) end, fn -> Bitwise.bsl(1, 1 <<< 70) end] do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
IO.inspect({Bitwise.bsr(7, 1 <<< 70), Bitwise.bsr(-7, 1 <<< 70), Bitwise.bsl(0, 1 <<< 70)})
