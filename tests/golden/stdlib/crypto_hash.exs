# :crypto digests: known vectors for every digest, iodata input, streaming equal to one-shot
# (states reused and updated in any order), hash_info and the errors OTP 25 raises.
hex = &Base.encode16(&1, case: :lower)

for alg <- [:md5, :sha, :sha224, :sha256, :sha384, :sha512, :sha3_224, :sha3_256, :sha3_384,
            :sha3_512, :blake2b, :blake2s, :ripemd160] do
  IO.puts("#{alg} abc: #{hex.(:crypto.hash(alg, "abc"))}")
  IO.puts("#{alg} empty: #{hex.(:crypto.hash(alg, ""))}")
  IO.inspect(:crypto.hash_info(alg), label: "#{alg} info")
end

IO.inspect(hex.(:crypto.hash(:sha256, "abc")) ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
IO.inspect(:crypto.hash(:sha256, ["a", ?b | "c"]) == :crypto.hash(:sha256, "abc"), label: "iodata")
IO.inspect(:crypto.hash(:md5, [[], ["ab", [?c]], ""]) |> hex.(), label: "nested")

big = :binary.copy("0123456789abcdef", 65_536)
IO.puts("sha256 1MiB: #{hex.(:crypto.hash(:sha256, big))}")

s0 = :crypto.hash_init(:sha256)
s1 = :crypto.hash_update(s0, "a")
s2 = :crypto.hash_update(s1, ["b", "c"])
IO.inspect(:crypto.hash_final(s2) == :crypto.hash(:sha256, "abc"), label: "streaming")
# Older states are untouched: update and final them again, in another order.
IO.inspect(:crypto.hash_final(s1) == :crypto.hash(:sha256, "a"), label: "s1 again")
IO.inspect(:crypto.hash_final(:crypto.hash_update(s1, "x")) == :crypto.hash(:sha256, "ax"))
IO.inspect(:crypto.hash_final(s2) == :crypto.hash_final(s2), label: "final twice")
IO.inspect(:crypto.hash_final(s0) |> hex.(), label: "empty")

chunks = for i <- 1..100, do: :binary.copy(<<i>>, i * 37)
streamed = Enum.reduce(chunks, :crypto.hash_init(:sha3_512), &:crypto.hash_update(&2, &1))
IO.inspect(:crypto.hash_final(streamed) == :crypto.hash(:sha3_512, chunks), label: "100 chunks")

# A state sent to another process works there.
parent = self()
spawn(fn -> send(parent, {:final, :crypto.hash_final(:crypto.hash_update(s1, "bc"))}) end)
receive do
  {:final, d} -> IO.inspect(d == :crypto.hash(:sha256, "abc"), label: "in another process")
end

IO.puts("-- errors")
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(e)
  end
end

t.(fn -> :crypto.hash(:nope, "x") end)
t.(fn -> :crypto.hash(:sha256, 1) end)
t.(fn -> :crypto.hash(:sha256, [300]) end)
t.(fn -> :crypto.hash_init(:nope) end)
t.(fn -> :crypto.hash_update(:bad, "x") end)
t.(fn -> :crypto.hash_update(s0, 5) end)
t.(fn -> :crypto.hash_final(make_ref()) end)
t.(fn -> :crypto.hash_final(:crypto.mac_init(:hmac, :sha256, "k")) end)
t.(fn -> :crypto.hash_final(:binary.copy(<<0>>, 32)) end)
t.(fn -> :crypto.hash_final(:binary.copy("forged", 100)) end)
t.(fn -> :crypto.hash_info(:nope) end)
