# Word statistics built on Tokenizer (another file) and on the stdlib.
defmodule TextStats do
  def word_count(text), do: text |> Tokenizer.words() |> length()

  def frequencies(text) do
    text
    |> Tokenizer.words()
    |> Enum.reduce(%{}, fn w, acc -> Map.update(acc, w, 1, &(&1 + 1)) end)
  end

  def top(text, n) do
    text
    |> frequencies()
    |> Enum.sort_by(fn {w, c} -> {-c, w} end)
    |> Enum.take(n)
  end

  def summary(text) do
    "#{word_count(text)} words, #{map_size(frequencies(text))} distinct, longest: " <>
      Formatter.quote(Tokenizer.longest(text))
  end
end
