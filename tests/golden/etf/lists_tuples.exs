# term_to_binary bytes of lists (NIL_EXT, STRING_EXT for proper byte lists under 64 KiB,
# LIST_EXT otherwise, improper tails), binaries and tuples (SMALL_TUPLE_EXT / LARGE_TUPLE_EXT).
show = fn t ->
  bin = :erlang.term_to_binary(t)
  IO.inspect(:binary.bin_to_list(bin), limit: :infinity)
  IO.inspect(:erlang.binary_to_term(bin) === t)
end

Enum.each([[], [1, 2, 3], 'abc', [0, 255], [256], [1, 2 | 3], [1 | []], [[], []], [[1], [2, [3]]],
           [-1, 1], [1, 2.0], [:a, "b"], [1 | :tail], [[] | []], [1, 2, 100_000_000_000_000_000_000]], show)
Enum.each(["", "abc", <<0, 255, 1>>, "héllo", {}, {1}, {1, {2, {3}}}, {[], "", {}}], show)

for n <- [65535, 65536] do
  l = List.duplicate(7, n)
  bin = :erlang.term_to_binary(l)
  IO.inspect({n, byte_size(bin), :binary.bin_to_list(binary_part(bin, 0, 6))})
  IO.inspect(:erlang.binary_to_term(bin) == l)
  IO.inspect(:erlang.external_size(l) == byte_size(bin))
end

for n <- [255, 256] do
  t = List.to_tuple(Enum.to_list(1..n))
  bin = :erlang.term_to_binary(t)
  IO.inspect({n, byte_size(bin), :binary.bin_to_list(binary_part(bin, 0, 6))})
  IO.inspect(:erlang.binary_to_term(bin) == t)
end

s = String.duplicate("ab", 40_000)
bin = :erlang.term_to_binary(s)
IO.inspect({byte_size(bin), :binary.bin_to_list(binary_part(bin, 0, 8))})
IO.inspect(:erlang.binary_to_term(bin) == s)
sub = binary_part(s, 1, 100)
IO.inspect(:binary.bin_to_list(binary_part(:erlang.term_to_binary(sub), 0, 8)))
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(sub)) == sub)

deep = Enum.reduce(1..100_000, [], fn i, acc -> [i, acc] end)
bin = :erlang.term_to_binary(deep)
IO.inspect(byte_size(bin))
# Compared through their encodings: deep terms, compared directly, would test `==` instead.
IO.inspect(:erlang.term_to_binary(:erlang.binary_to_term(bin)) == bin)
deep_t = Enum.reduce(1..100_000, {}, fn _, acc -> {acc} end)
bin = :erlang.term_to_binary(deep_t)
IO.inspect(:erlang.term_to_binary(:erlang.binary_to_term(bin)) == bin)
