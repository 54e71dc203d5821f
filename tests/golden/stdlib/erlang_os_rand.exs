# :os type/getenv/system_time and :rand uniform/seed, Enum.random and Enum.shuffle: only
# properties of the random results are printed (ranges, permutations).
IO.inspect(:os.type())
IO.inspect(is_list(:os.getenv(~c"PATH")))
IO.inspect(:os.getenv(~c"EMBER_SURELY_UNSET_VARIABLE"))
IO.inspect(:os.getenv(~c"EMBER_SURELY_UNSET_VARIABLE", ~c"fallback"))
IO.inspect(is_integer(:os.system_time()) and :os.system_time(:second) > 1_600_000_000)

ints = for _ <- 1..200, do: :rand.uniform(10)
IO.inspect(Enum.all?(ints, &(&1 in 1..10)))
IO.inspect(length(Enum.uniq(ints)) > 1)
floats = for _ <- 1..200, do: :rand.uniform()
IO.inspect(Enum.all?(floats, &(is_float(&1) and &1 >= 0.0 and &1 < 1.0)))
IO.inspect(:rand.uniform(1))

state = :rand.seed(:exsss, 42)
IO.inspect(is_tuple(state) and tuple_size(state) == 2)
a = for _ <- 1..5, do: :rand.uniform(1000)
:rand.seed(:exsss, 42)
b = for _ <- 1..5, do: :rand.uniform(1000)
IO.inspect(a == b)
:rand.seed(:exsss, {1, 2, 3})
IO.inspect(:rand.uniform(6) in 1..6)
{x, _state} = :rand.uniform_s(100, :rand.seed_s(:exrop, 7))
IO.inspect(x in 1..100)

list = Enum.to_list(1..20)
shuffled = Enum.shuffle(list)
IO.inspect({length(shuffled), Enum.sort(shuffled) == list})
IO.inspect(Enum.shuffle([]))
IO.inspect(Enum.random([:only]))
IO.inspect(Enum.random(1..6) in 1..6)

for f <- [fn -> :rand.uniform(0) end, fn -> :rand.uniform(:a) end, fn -> :rand.seed(:nope, 1) end,
          fn -> Enum.random([]) end, fn -> :os.getenv("PATH") end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
