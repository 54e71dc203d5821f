# Many processes compile and match patterns at once (the compiled-pattern cache is shared by
# every scheduler); each result is checked against the same work done by one process.
work = fn k ->
  re = Regex.compile!("(\\d+)x#{rem(k, 7)}")
  text = Enum.map_join(1..200, " ", fn i -> "#{i}x#{rem(i, 7)}" end)
  {length(Regex.scan(re, text)), Regex.replace(re, text, "<\\1>") |> byte_size(),
   length(Regex.scan(~r/\d+/, text))}
end
parent = self()
for k <- 1..40, do: spawn(fn -> send(parent, {k, work.(k)}) end)
results = for _ <- 1..40, do: (receive do {k, r} -> {k, r} end)
expected = for k <- 1..40, do: {k, work.(k)}
IO.inspect(Enum.sort(results) == expected)
IO.inspect(Enum.take(expected, 3))
