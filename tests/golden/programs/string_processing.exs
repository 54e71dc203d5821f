# String processing: caesar cipher, palindromes, title case, run-length encoding, anagrams.
defmodule Text do
  def caesar(s, k) do
    s
    |> String.to_charlist()
    |> Enum.map(fn
      c when c in ?a..?z -> rem(c - ?a + k, 26) + ?a
      c when c in ?A..?Z -> rem(c - ?A + k, 26) + ?A
      c -> c
    end)
    |> to_string()
  end

  def palindrome?(s) do
    clean = s |> String.downcase() |> String.graphemes() |> Enum.filter(&(&1 >= "a" and &1 <= "z"))
    clean == Enum.reverse(clean)
  end

  def title(s), do: s |> String.split() |> Enum.map_join(" ", &String.capitalize/1)

  def rle(s) do
    s
    |> String.graphemes()
    |> Enum.chunk_by(& &1)
    |> Enum.map_join(fn [c | _] = run -> "#{length(run)}#{c}" end)
  end

  def anagrams(words) do
    words
    |> Enum.group_by(fn w -> w |> String.graphemes() |> Enum.sort() end)
    |> Map.values()
    |> Enum.filter(&(length(&1) > 1))
    |> Enum.sort()
  end
end
IO.puts(Text.caesar("Hello, World!", 3))
IO.puts(Text.caesar(Text.caesar("Round Trip", 7), 19))
IO.inspect(Enum.map(["A man a plan a canal Panama", "hello", "Was it a car or a cat I saw"], &Text.palindrome?/1))
IO.puts(Text.title("the quick  brown FOX"))
IO.puts(Text.rle("aaabccddddde"))
IO.inspect(Text.anagrams(["listen", "silent", "enlist", "google", "elgoog", "cat", "act", "dog"]))
IO.puts(String.reverse("ünïcödé"))
IO.inspect("naïve café" |> String.upcase() |> String.graphemes() |> length())
