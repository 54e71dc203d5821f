# Group words into anagram classes
words = ~w(listen silent enlist google inlets banana tinsel elgoog abc cab bca xyz)
groups =
  words
  |> Enum.group_by(fn w -> w |> String.graphemes() |> Enum.sort() |> Enum.join() end)
  |> Map.values()
  |> Enum.filter(&(length(&1) > 1))
  |> Enum.map(&Enum.sort/1)
  |> Enum.sort_by(&{-length(&1), hd(&1)})
Enum.each(groups, fn g -> IO.puts(Enum.join(g, ", ")) end)
IO.inspect(groups)
singletons = words -- List.flatten(groups)
IO.inspect(singletons)
IO.inspect(Enum.dedup([1, 1, 2, 2, 2, 3, 1]))
IO.inspect(Enum.uniq_by(words, &String.length/1))
