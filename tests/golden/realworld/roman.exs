# Roman numerals both directions
defmodule Roman do
  @pairs [{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
          {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}]
  def to_roman(0), do: ""
  def to_roman(n) do
    {v, s} = Enum.find(@pairs, fn {v, _} -> v <= n end)
    s <> to_roman(n - v)
  end

  @values %{"I" => 1, "V" => 5, "X" => 10, "L" => 50, "C" => 100, "D" => 500, "M" => 1000}
  def from_roman(s) do
    s
    |> String.graphemes()
    |> Enum.map(&Map.fetch!(@values, &1))
    |> Enum.chunk_every(2, 1)
    |> Enum.map(fn
      [a, b] when a < b -> -a
      [a | _] -> a
    end)
    |> Enum.sum()
  end
end
for n <- [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999] do
  r = Roman.to_roman(n)
  IO.puts("#{String.pad_leading(Integer.to_string(n), 4)} #{String.pad_trailing(r, 12)} #{Roman.from_roman(r)}")
end
IO.inspect(Enum.all?(1..500, fn n -> Roman.from_roman(Roman.to_roman(n)) == n end))
