# Pids (NEW_PID_EXT) and references (NEWER_REFERENCE_EXT) round-trip; only sizes and the leading
# bytes are printed, never the numbers.
me = self()
bin = :erlang.term_to_binary(me)
IO.inspect(byte_size(bin))
IO.inspect(:binary.bin_to_list(binary_part(bin, 0, 18)))
IO.inspect(:erlang.binary_to_term(bin) == me)
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(me, minor_version: 2)) == me)
IO.inspect(:erlang.term_to_binary(me, minor_version: 2) |> :binary.bin_to_list() |> Enum.take(4))

pid = spawn(fn -> receive do {:ping, from} -> send(from, :pong) end end)
back = :erlang.binary_to_term(:erlang.term_to_binary({:pid, pid}))
{:pid, p2} = back
send(p2, {:ping, self()})
receive do
  :pong -> IO.puts("pong through a decoded pid")
end

ref = make_ref()
rbin = :erlang.term_to_binary(ref)
IO.inspect(byte_size(rbin))
IO.inspect(:binary.bin_to_list(binary_part(rbin, 0, 20)))
IO.inspect(:erlang.binary_to_term(rbin) == ref)
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary([ref, ref])) == [ref, ref])
IO.inspect(:erlang.external_size(ref) == byte_size(rbin))
