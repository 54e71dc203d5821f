# term_to_binary bytes of integers at every encoding boundary (SMALL_INTEGER_EXT, INTEGER_EXT,
# SMALL_BIG_EXT, LARGE_BIG_EXT), and their round trip.
show = fn t ->
  bin = :erlang.term_to_binary(t)
  IO.inspect(:binary.bin_to_list(bin), limit: :infinity)
  IO.inspect(:erlang.binary_to_term(bin) === t)
  IO.inspect(:erlang.external_size(t) == byte_size(bin))
end

p2 = fn n -> Enum.reduce(1..n, 1, fn _, acc -> acc * 2 end) end

Enum.each([0, 1, 255, 256, -1, -255, -256, 65535, 65536], show)
Enum.each([p2.(31) - 1, p2.(31), -p2.(31), -p2.(31) - 1], show)
Enum.each([p2.(32), p2.(59) - 1, p2.(59), p2.(60), p2.(62) - 1, p2.(62), p2.(63) - 1, p2.(63)], show)
Enum.each([-p2.(59), -p2.(60), -p2.(62), -p2.(62) - 1, -p2.(63), -p2.(63) - 1], show)
Enum.each([p2.(64) - 1, p2.(64), -p2.(64), p2.(100), -p2.(100) + 12345], show)
Enum.each([p2.(2039), p2.(2040) - 1], show)

# LARGE_BIG_EXT: more than 255 bytes
big = p2.(2040)
bin = :erlang.term_to_binary(big)
IO.inspect(Enum.take(:binary.bin_to_list(bin), 8))
IO.inspect(byte_size(bin))
IO.inspect(:erlang.binary_to_term(bin) == big)
neg = -p2.(5000) - 7
IO.inspect(Enum.take(:binary.bin_to_list(:erlang.term_to_binary(neg)), 8))
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(neg)) == neg)
