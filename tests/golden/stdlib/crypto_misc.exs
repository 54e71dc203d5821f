# :crypto strong_rand_bytes, rand_uniform, exor and supports, with OTP 25's errors.
r = :crypto.strong_rand_bytes(32)
IO.inspect({is_binary(r), byte_size(r)})
IO.inspect(:crypto.strong_rand_bytes(0))
IO.inspect(:crypto.strong_rand_bytes(16) != :crypto.strong_rand_bytes(16), label: "differ")

draws = for _ <- 1..2000, do: :crypto.rand_uniform(-3, 4)
IO.inspect(Enum.all?(draws, &(&1 >= -3 and &1 < 4)), label: "in range")
IO.inspect(draws |> Enum.uniq() |> Enum.sort(), label: "every value")
IO.inspect(:crypto.rand_uniform(5, 6))

IO.inspect(:crypto.exor(<<1, 2, 255>>, <<3, 2, 15>>))
IO.inspect(:crypto.exor(["a", "b"], "ab"))
IO.inspect(:crypto.exor("", []))

IO.inspect(:crypto.supports(:macs) -- [:poly1305])
IO.inspect(Enum.sort(:crypto.supports(:hashs) -- [:md4]))
IO.inspect(Keyword.keys(:crypto.supports()))

IO.puts("-- errors")
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(e)
  end
end

t.(fn -> :crypto.strong_rand_bytes(-1) end)
t.(fn -> :crypto.strong_rand_bytes(:x) end)
t.(fn -> :crypto.rand_uniform(5, 5) end)
t.(fn -> :crypto.rand_uniform(5, 1) end)
t.(fn -> :crypto.exor(1, "a") end)
t.(fn -> :crypto.exor("a", 1) end)
t.(fn -> :crypto.exor("ab", "a") end)
