# binary_to_term of every encoding OTP 25 may write, including the ones Ember's encoder never
# uses (SMALL_ATOM_EXT, ATOM_UTF8_EXT, FLOAT_EXT, INTEGER_EXT for small values, unnormalised
# bignums, LIST_EXT of bytes, PID_EXT), and the :used and :safe options.
dec = fn bin -> IO.inspect(:erlang.binary_to_term(bin)) end

dec.(<<131, 115, 3, "abc">>)
dec.(<<131, 118, 0, 3, "abc">>)
dec.(<<131, 119, 2, 206, 187>>)
dec.(<<131, 100, 0, 1, 228>>)
dec.(<<131, 115, 2, 104, 233>>)
dec.(<<131, 100, 0, 0>>)
dec.(<<131, 99, "1.50000000000000000000e+00", 0, 0, 0, 0, 0>>)
dec.(<<131, 99, "-2.5e-3", :binary.copy(<<0>>, 24)::binary>>)
dec.(<<131, 99, "+1,25", :binary.copy(<<0>>, 26)::binary>>)
dec.(<<131, 99, "7.0E2", 0, "junk after the nul", :binary.copy(<<0>>, 7)::binary>>)
dec.(<<131, 70, 63, 185, 153, 153, 153, 153, 153, 154>>)
dec.(<<131, 98, 0, 0, 0, 5>>)
dec.(<<131, 98, 255, 255, 255, 255>>)
dec.(<<131, 110, 2, 0, 1, 0>>)
dec.(<<131, 110, 0, 0>>)
dec.(<<131, 110, 0, 1>>)
dec.(<<131, 111, 0, 0, 0, 1, 1, 5>>)
dec.(<<131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 128>>)
dec.(<<131, 110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 128>>)
dec.(<<131, 110, 9, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0>>)
dec.(<<131, 108, 0, 0, 0, 2, 97, 1, 97, 2, 106>>)
dec.(<<131, 108, 0, 0, 0, 0, 106>>)
dec.(<<131, 108, 0, 0, 0, 1, 97, 1, 97, 2>>)
dec.(<<131, 107, 0, 0>>)
dec.(<<131, 116, 0, 0, 0, 2, 100, 0, 1, 98, 97, 1, 100, 0, 1, 97, 97, 2>>)
dec.(<<131, 116, 0, 0, 0, 0>>)
dec.(<<131, 104, 0>>)
dec.(<<131, 105, 0, 0, 0, 2, 97, 1, 97, 2>>)
dec.(<<131, 109, 0, 0, 0, 0>>)
dec.(<<131, 77, 0, 0, 0, 2, 8, 1, 2>>)
dec.(<<131, 113, 119, 11, "Elixir.Enum", 119, 3, "map", 97, 2>>)
f = :erlang.binary_to_term(<<131, 113, 115, 11, "Elixir.Enum", 118, 0, 3, "sum", 97, 1>>)
IO.inspect(f.([1, 2, 3]))

# A pid written with each node-atom encoding and the old PID_EXT: all local pids.
IO.inspect(is_pid(:erlang.binary_to_term(<<131, 88, 119, 13, "nonode@nohost", 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0>>)))
IO.inspect(is_pid(:erlang.binary_to_term(<<131, 103, 100, 0, 13, "nonode@nohost", 0, 0, 0, 9, 0, 0, 0, 0, 0>>)))
IO.inspect(is_reference(:erlang.binary_to_term(<<131, 90, 0, 3, 100, 0, 13, "nonode@nohost", 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3>>)))

# BEAM's compressed encoding of List.duplicate(0, 100)
dec.(<<131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208>>)

# Bytes after the term are ignored; :used says where the term ended.
dec.(<<131, 97, 1, 99, 99>>)
IO.inspect(:erlang.binary_to_term(<<131, 97, 1, 99, 99>>, [:used]))
IO.inspect(:erlang.binary_to_term(<<131, 106>>, [:used, :safe]))
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary({:ok, "x"}), [:safe]))
IO.inspect(:erlang.binary_to_term(<<131, 100, 0, 2, "ok">>, [:safe]))

# A map of more than 32 keys written in another order than Ember's (BEAM writes hash order).
enc = fn t ->
  <<131, rest::binary>> = :erlang.term_to_binary(t)
  rest
end
body = Enum.map(40..1//-1, fn i -> [enc.(i), enc.({i, i * i})] end) |> IO.iodata_to_binary()
m = :erlang.binary_to_term(<<131, 116, 0, 0, 0, 40>> <> body)
IO.inspect(map_size(m))
IO.inspect(m == Map.new(1..40, fn i -> {i, {i, i * i}} end))
IO.inspect(m[17])

# A compressed term followed by other bytes: :used counts up to the end of the zlib stream.
c = :erlang.term_to_binary(List.duplicate(0, 100), [:compressed])
IO.inspect({byte_size(c), elem(:erlang.binary_to_term(c <> <<1, 2, 3>>, [:used]), 1)})

# :safe accepts export funs of functions that exist.
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary([&Enum.map/2, &Map.new/0, &:lists.reverse/1]), [:safe]))
