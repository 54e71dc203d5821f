# :crypto from several processes at once: digests fetched concurrently, and one mac state
# updated in place by four processes (the total is the same whatever the order).
parent = self()
for i <- 1..8 do
  spawn(fn ->
    algs = [:sha256, :md5, :sha3_256, :blake2b]
    d = for a <- algs, do: :crypto.hash(a, "x#{i}")
    m = :crypto.mac_init(:hmac, :sha256, "k")
    send(parent, {:d, d, m})
  end)
end
ms = for _ <- 1..8, do: receive(do: ({:d, _, m} -> m))
m = hd(ms)
for _ <- 1..4, do: spawn(fn -> :crypto.mac_update(m, "abc"); send(parent, :u) end)
for _ <- 1..4, do: receive(do: (:u -> :ok))
IO.inspect(:crypto.mac_final(m) == :crypto.mac(:hmac, :sha256, "k", "abcabcabcabc"))
