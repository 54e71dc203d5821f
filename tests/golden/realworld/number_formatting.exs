# Number formatting helpers people write: percent, thousands, durations, bytes
defmodule Fmt do
  def percent(part, total), do: "#{Float.round(part / total * 100, 1)}%"
  def bytes(n) when n < 1024, do: "#{n} B"
  def bytes(n) when n < 1024 * 1024, do: "#{Float.round(n / 1024, 1)} KB"
  def bytes(n), do: "#{Float.round(n / (1024 * 1024), 2)} MB"
  def duration(secs) do
    h = div(secs, 3600)
    m = secs |> rem(3600) |> div(60)
    s = rem(secs, 60)
    [h, m, s] |> Enum.map(&String.pad_leading(Integer.to_string(&1), 2, "0")) |> Enum.join(":")
  end
  def thousands(n) when n < 0, do: "-" <> thousands(-n)
  def thousands(n) do
    n |> Integer.to_string() |> String.graphemes() |> Enum.reverse() |> Enum.chunk_every(3)
    |> Enum.map(&Enum.reverse/1) |> Enum.reverse() |> Enum.map_join(",", &Enum.join/1)
  end
end
IO.puts(Fmt.percent(1, 3))
IO.puts(Fmt.percent(2, 2))
IO.puts(Fmt.percent(0, 7))
Enum.each([0, 1023, 1024, 1536, 1_048_576, 5_000_000_000], &IO.puts(Fmt.bytes(&1)))
Enum.each([0, 59, 61, 3600, 86399, 90061], &IO.puts(Fmt.duration(&1)))
Enum.each([0, 999, 1000, 1234567, -9876543210], &IO.puts(Fmt.thousands(&1)))
IO.puts(Float.round(2 / 3, 4))
IO.puts(1 / 8)
IO.puts(Float.round(1.0e6 / 7, 3))
IO.puts(12.0 * 100)
IO.puts(1_000_000 * 1.0)
IO.puts(1.0e7 * 10)
