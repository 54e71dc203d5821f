# Text utilities: slugify, title case, word wrap, truncate
defmodule TextUtil do
  def slugify(s) do
    s
    |> String.downcase()
    |> String.split(["'", " ", ",", ".", "!", "?", "-"], trim: true)
    |> Enum.join("-")
  end
  def title_case(s), do: s |> String.split() |> Enum.map_join(" ", &String.capitalize/1)
  def truncate(s, n) when byte_size(s) <= n, do: s
  def truncate(s, n), do: String.slice(s, 0, n - 3) <> "..."
  def wrap(text, width) do
    text
    |> String.split()
    |> Enum.reduce([""], fn word, [line | rest] ->
      cond do
        line == "" -> [word | rest]
        String.length(line) + 1 + String.length(word) <= width -> [line <> " " <> word | rest]
        true -> [word, line | rest]
      end
    end)
    |> Enum.reverse()
  end
end
IO.puts(TextUtil.slugify("Hello, World! It's a Test-Case."))
IO.puts(TextUtil.title_case("the quick brown FOX"))
IO.puts(TextUtil.truncate("A very long sentence here", 12))
IO.puts(TextUtil.truncate("short", 12))
lorem = "Elixir is a dynamic, functional language for building scalable and maintainable applications. It runs on the Erlang VM."
lorem |> TextUtil.wrap(30) |> Enum.each(&IO.puts("|" <> String.pad_trailing(&1, 30) <> "|"))
IO.inspect(TextUtil.wrap(lorem, 40))
IO.inspect(String.split("a-b_c d", ["-", "_", " "]))
IO.inspect(String.split("a b c d", " ", parts: 2))
IO.inspect(Enum.join(["x", 1, :y, 2.5], "/"))
IO.inspect(Enum.intersperse([1, 2, 3], 0))
