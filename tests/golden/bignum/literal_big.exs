# Bignum literals in source, including hex and negative, and equality with computed values.
a = 340282366920938463463374607431768211456
IO.inspect(a == Integer.pow(2, 128))
IO.inspect(0xFFFFFFFFFFFFFFFFFFFF)
IO.inspect(-0b1_0000000000000000000000000000000000000000000000000000000000000000)
IO.inspect(a - 1)
IO.inspect(rem(a, 1_000_000_007))
IO.inspect({a, [a]})
IO.inspect(%{a => :big})
