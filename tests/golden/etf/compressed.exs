# The compressed forms (:compressed and every level), which fall back to the plain encoding
# when compression does not shrink it, and the :deterministic option.
show = fn t, opts ->
  bin = :erlang.term_to_binary(t, opts)
  IO.inspect(:binary.bin_to_list(bin), limit: :infinity)
  IO.inspect(:erlang.binary_to_term(bin) == t)
end

show.(List.duplicate(0, 100), [:compressed])
show.(List.duplicate(0, 10), [:compressed])
show.(:a, [:compressed])
show.(String.duplicate("hello ", 50), [:compressed])
for level <- 0..9 do
  show.({String.duplicate("abc", 40), Enum.to_list(1..50)}, compressed: level)
end
show.(List.duplicate(:x, 20), [:compressed, {:compressed, 0}])
show.(List.duplicate(:x, 20), [{:compressed, 0}, :compressed, :deterministic])
show.(List.duplicate(1.5, 20), [:compressed, {:minor_version, 0}])

big = Enum.map(1..20_000, fn i -> {i, :item, "v#{rem(i, 10)}"} end)
bin = :erlang.term_to_binary(big, [:compressed])
IO.inspect({byte_size(:erlang.term_to_binary(big)), byte_size(bin)})
IO.inspect(:erlang.binary_to_term(bin) == big)
