# Splits text into lower-case words; calls Formatter (a third file) for nothing but to show
# that calls go both ways between compiled modules.
defmodule Tokenizer do
  def words(text) do
    text
    |> String.downcase()
    |> String.split([" ", ",", ".", "!", "?", "\n"], trim: true)
  end

  def longest(text) do
    text |> words() |> Enum.max_by(&String.length/1)
  end

  def describe(word), do: Formatter.quote(word) <> " has #{String.length(word)} letters"
end
