# Word frequency count over a paragraph, sorted by count then word.
text = """
The quick brown fox jumps over the lazy dog. The dog barks; the fox runs!
A quick brown dog? No -- the quick fox. Over and over, the fox jumps.
"""
words =
  text
  |> String.downcase()
  |> String.replace([".", ",", ";", "!", "?", "-"], " ")
  |> String.split()
freqs = Enum.frequencies(words)
top =
  freqs
  |> Enum.sort_by(fn {w, c} -> {-c, w} end)
  |> Enum.take(8)
for {w, c} <- top do
  IO.puts(String.pad_trailing(w, 8) <> String.duplicate("#", c) <> " #{c}")
end
IO.puts("distinct words: #{map_size(freqs)}")
IO.puts("total words: #{length(words)}")
longest = Enum.max_by(Map.keys(freqs), &String.length/1)
IO.puts("longest: #{longest}")
