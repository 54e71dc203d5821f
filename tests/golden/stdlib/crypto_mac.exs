# :crypto MACs: HMAC vectors from RFC 4231 (cases 1, 2 and 6), CMAC from RFC 4493,
# streaming mac_init/update/final, and OTP 25's errors.
hex = &Base.encode16(&1, case: :lower)

k1 = :binary.copy(<<0x0B>>, 20)
IO.puts(hex.(:crypto.mac(:hmac, :sha256, k1, "Hi There")))
IO.inspect(hex.(:crypto.mac(:hmac, :sha256, k1, "Hi There")) ==
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")

for alg <- [:sha224, :sha256, :sha384, :sha512] do
  IO.puts("#{alg}: #{hex.(:crypto.mac(:hmac, alg, "Jefe", "what do ya want for nothing?"))}")
end

k6 = :binary.copy(<<0xAA>>, 131)
msg6 = "Test Using Larger Than Block-Size Key - Hash Key First"
IO.puts(hex.(:crypto.mac(:hmac, :sha512, k6, msg6)))

for alg <- [:md5, :sha, :sha3_256, :blake2b, :blake2s, :ripemd160] do
  IO.puts("#{alg}: #{hex.(:crypto.mac(:hmac, alg, ["ke", ?y], ["da", "ta"]))}")
end

cmac_key = Base.decode16!("2B7E151628AED2A6ABF7158809CF4F3C")
IO.puts(hex.(:crypto.mac(:cmac, :aes_128_cbc, cmac_key, "")))
IO.puts(hex.(:crypto.mac(:cmac, :aes_128_cbc, cmac_key, Base.decode16!("6BC1BEE22E409F96E93D7E117393172A"))))
IO.puts(hex.(:crypto.mac(:cmac, :aes_256_cbc, :binary.copy(<<1>>, 32), "hello")))

m0 = :crypto.mac_init(:hmac, :sha256, "Jefe")
m1 = :crypto.mac_update(m0, "what do ya want ")
m2 = :crypto.mac_update(m1, ["for ", "nothing?"])
IO.inspect(:crypto.mac_final(m2) == :crypto.mac(:hmac, :sha256, "Jefe", "what do ya want for nothing?"))
# mac_update changes the state in place and returns it (unlike hash_update).
IO.inspect({m0 == m1, m1 == m2})
m = :crypto.mac_init(:hmac, :sha, "key")
:crypto.mac_update(m, "a")
:crypto.mac_update(m, "b")
IO.inspect(:crypto.mac_final(m) == :crypto.mac(:hmac, :sha, "key", "ab"), label: "in place")
c0 = :crypto.mac_init(:cmac, :aes_128_cbc, cmac_key)
IO.inspect(:crypto.mac_final(:crypto.mac_update(c0, "abc")) == :crypto.mac(:cmac, :aes_128_cbc, cmac_key, "abc"))

IO.puts("-- errors")
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(e)
  end
end

t.(fn -> :crypto.mac(:nope, :sha256, "k", "d") end)
t.(fn -> :crypto.mac(:hmac, :nope, "k", "d") end)
t.(fn -> :crypto.mac(:hmac, :sha256, 1, "d") end)
t.(fn -> :crypto.mac(:hmac, :sha256, "k", 5) end)
t.(fn -> :crypto.mac(:cmac, :aes_128_cbc, "short", "d") end)
t.(fn -> :crypto.mac(:cmac, :sha256, "0123456789abcdef", "d") end)
t.(fn -> :crypto.mac_init(:hmac, :nope, "k") end)
t.(fn -> :crypto.mac_init(:nope, :sha256, "k") end)
t.(fn -> :crypto.mac_init(:hmac, :sha256, 5) end)
t.(fn -> :crypto.mac_init(:cmac, :aes_128_cbc, "k") end)
t.(fn -> :crypto.mac_update(m0, 5) end)
t.(fn -> :crypto.mac_update(:x, "a") end)
t.(fn -> :crypto.mac_final(:x) end)
t.(fn -> :crypto.mac_final(:crypto.hash_init(:md5)) end)
