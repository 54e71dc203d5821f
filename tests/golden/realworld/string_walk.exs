# Walking strings with String.next_grapheme and binary prefix recursion
defmodule Walk do
  def count_vowels(s), do: count_vowels(s, 0)
  defp count_vowels("", n), do: n
  defp count_vowels(s, n) do
    {g, rest} = String.next_grapheme(s)
    if g in ~w(a e i o u A E I O U), do: count_vowels(rest, n + 1), else: count_vowels(rest, n)
  end
  def strip_prefixes("re" <> rest), do: strip_prefixes(rest)
  def strip_prefixes("un" <> rest), do: strip_prefixes(rest)
  def strip_prefixes(s), do: s
  def camel_to_snake(s) do
    s
    |> String.graphemes()
    |> Enum.with_index()
    |> Enum.map_join(fn {c, i} ->
      if c != String.downcase(c) and i > 0, do: "_" <> String.downcase(c), else: String.downcase(c)
    end)
  end
end
IO.inspect(Walk.count_vowels("Elixir is Awesome"))
IO.inspect(Enum.map(~w(redo undo reunify unreread plain), &Walk.strip_prefixes/1))
IO.inspect(Walk.camel_to_snake("HelloWorldFooBar"))
IO.inspect(String.split("hello world foo", " ") |> Enum.map(&String.capitalize/1) |> Enum.join())
IO.inspect(String.next_grapheme(""))
IO.inspect(String.next_codepoint("ñx"))
IO.inspect("abc" |> String.to_charlist() |> Enum.map(&(&1 - ?a)))
