# Bitstrings in the external term format: BIT_BINARY_EXT both ways, and OTP's edge cases.
for t <- [<<1::3>>, <<1, 2, 255::7>>, <<0::1>>, <<255, 1::1>>, <<:binary.copy("x", 100)::binary, 5::5>>,
          {<<1::2>>, [<<3::4>>]}, %{<<1::3>> => <<2::5>>}] do
  bin = :erlang.term_to_binary(t)
  IO.inspect({byte_size(bin), binary_part(bin, 0, min(byte_size(bin), 12))})
  IO.inspect(:erlang.binary_to_term(bin) === t)
  IO.inspect(:erlang.external_size(t) == byte_size(bin))
end
<<_::3, slice::bits>> = <<0xAB, 0xCD, 0xEF>>
IO.inspect(:erlang.term_to_binary(slice))
for b <- [<<131, 77, 0, 0, 0, 0, 0>>, <<131, 77, 0, 0, 0, 0, 8>>, <<131, 77, 0, 0, 0, 1, 0, 5>>,
          <<131, 77, 0, 0, 0, 1, 9, 5>>, <<131, 77, 0, 0, 0, 1, 3, 255>>,
          <<131, 77, 0, 0, 0, 1, 8, 255>>, <<131, 77, 0, 0, 0, 2, 1, 255>>] do
  IO.inspect(try do :erlang.binary_to_term(b) rescue e -> Exception.message(e) end)
end
