# Formatting a text table with padding and number formatting
defmodule Table do
  def format_money(cents) do
    dollars = div(cents, 100)
    rest = rem(cents, 100)
    "$" <> group(Integer.to_string(dollars)) <> "." <> String.pad_leading(Integer.to_string(rest), 2, "0")
  end

  def group(s) do
    s
    |> String.reverse()
    |> String.graphemes()
    |> Enum.chunk_every(3)
    |> Enum.map(&Enum.join/1)
    |> Enum.join(",")
    |> String.reverse()
  end

  def render(rows) do
    widths =
      rows
      |> Enum.map(fn row -> Enum.map(row, &String.length/1) end)
      |> Enum.zip()
      |> Enum.map(fn t -> t |> Tuple.to_list() |> Enum.max() end)
    sep = "+" <> Enum.map_join(widths, "+", &String.duplicate("-", &1 + 2)) <> "+"
    IO.puts(sep)
    Enum.each(rows, fn row ->
      cells = Enum.zip(row, widths) |> Enum.map(fn {c, w} -> " " <> String.pad_trailing(c, w) <> " " end)
      IO.puts("|" <> Enum.join(cells, "|") <> "|")
    end)
    IO.puts(sep)
  end
end

IO.puts(Table.format_money(123456789))
IO.puts(Table.format_money(5))
IO.puts(Table.format_money(100000))
Table.render([["Item", "Qty", "Price"], ["Apple", "3", "1.25"], ["Watermelon", "10", "12.5"]])
IO.puts(String.pad_leading("42", 6, "*"))
IO.puts(String.pad_trailing("ab", 5, "xy") <> "|")
IO.puts(Integer.to_string(255, 16))
IO.puts(Integer.to_string(-255, 2))
IO.puts(String.pad_leading(Integer.to_string(7), 3, "0"))
for x <- [1.0, 2.5, 3.14159, 100.0 / 3, 1.0e10, 0.1 + 0.2] do
  IO.puts("#{x} | #{Float.round(x, 2)} | #{:erlang.float_to_binary(x, decimals: 3)}")
end
IO.puts(Float.to_string(1.5e-7))
IO.inspect(Float.ceil(2.1), label: "ceil")
IO.inspect(Float.floor(-2.1), label: "floor")
IO.inspect(round(2.5))
IO.inspect(trunc(-3.7))
