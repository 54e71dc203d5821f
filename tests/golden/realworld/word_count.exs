# Word frequency count with Enum.reduce and Map.update
text = """
The quick brown fox jumps over the lazy dog. The dog barks;
the fox runs away! Quick, quick, said the bird.
"""
words =
  text
  |> String.downcase()
  |> String.split([".", ";", "!", ","], trim: true)
  |> Enum.join(" ")
  |> String.split()
counts = Enum.reduce(words, %{}, fn w, acc -> Map.update(acc, w, 1, &(&1 + 1)) end)
counts
|> Enum.sort_by(fn {w, c} -> {-c, w} end)
|> Enum.take(5)
|> Enum.each(fn {w, c} -> IO.puts("#{String.pad_trailing(w, 8)}#{c}") end)
IO.inspect(Enum.frequencies(words) == counts)
IO.inspect(map_size(counts))
longest = Enum.max_by(words, &String.length/1)
IO.puts("longest: #{longest}")
IO.inspect(words |> Enum.uniq() |> Enum.sort() |> Enum.chunk_every(4))
