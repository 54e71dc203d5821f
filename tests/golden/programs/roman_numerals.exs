# Roman numeral conversion in both directions, checked by round trip.
defmodule Roman do
  @table [{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
          {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}]

  def to_roman(0), do: ""
  def to_roman(n) do
    {value, sym} = Enum.find(@table, fn {v, _} -> v <= n end)
    sym <> to_roman(n - value)
  end

  def from_roman(""), do: 0
  def from_roman(s) do
    {value, sym} = Enum.find(@table, fn {_, sym} -> String.starts_with?(s, sym) end)
    value + from_roman(String.slice(s, String.length(sym), String.length(s)))
  end
end
for n <- [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999] do
  IO.puts("#{n} -> #{Roman.to_roman(n)}")
end
IO.inspect(Enum.all?(1..3999, fn n -> Roman.from_roman(Roman.to_roman(n)) == n end))
IO.inspect(Roman.from_roman("MCMXCIV"))
