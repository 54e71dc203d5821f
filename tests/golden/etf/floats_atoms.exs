# term_to_binary bytes of floats (NEW_FLOAT_EXT; FLOAT_EXT with minor_version 0) and atoms
# (ATOM_EXT for Latin-1 names, SMALL_ATOM_UTF8_EXT otherwise and with minor_version 2).
show = fn t ->
  bin = :erlang.term_to_binary(t)
  IO.inspect(:binary.bin_to_list(bin), limit: :infinity)
  IO.inspect(:erlang.binary_to_term(bin) === t)
end

Enum.each([0.0, -0.0, 0.1, 1.0, -1.5, 1.0e300, -1.0e-300, 5.0e-324, 1.7976931348623157e308, 3.141592653589793], show)
Enum.each([:abc, true, false, nil, :"", :"hello world", :ä, :"héllo", :λ, :"日本語", :"a😀b", Elixir.Enum], show)

for v <- [0, 1, 2] do
  IO.inspect(:binary.bin_to_list(:erlang.term_to_binary(:abc, minor_version: v)))
  IO.inspect(:binary.bin_to_list(:erlang.term_to_binary(:ä, minor_version: v)))
  IO.inspect(:binary.bin_to_list(:erlang.term_to_binary(:λ, minor_version: v)))
end

for f <- [1.5, 0.1, -0.0, 1.0e300, -123.456e-10, 0.0] do
  bin = :erlang.term_to_binary(f, minor_version: 0)
  IO.inspect(:binary.bin_to_list(bin), limit: :infinity)
  IO.inspect(:erlang.binary_to_term(bin) == f)
end

long = String.duplicate("x", 255) |> String.to_atom()
IO.inspect(:erlang.term_to_binary(long) |> byte_size)
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(long)) == long)
long_u = String.duplicate("λ", 200) |> String.to_atom()
IO.inspect(:erlang.term_to_binary(long_u) |> :binary.bin_to_list() |> Enum.take(4))
IO.inspect(:erlang.term_to_binary(long_u, minor_version: 2) |> :binary.bin_to_list() |> Enum.take(4))
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(long_u)) == long_u)
