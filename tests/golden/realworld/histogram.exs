# Text histogram of dice roll distributions
rolls = for a <- 1..6, b <- 1..6, do: a + b
freq = Enum.frequencies(rolls)
max = freq |> Map.values() |> Enum.max()
for {sum, count} <- Enum.sort(freq) do
  bar = String.duplicate("#", count)
  pct = Float.round(count * 100 / 36, 1)
  IO.puts("#{String.pad_leading(Integer.to_string(sum), 2)} | #{String.pad_trailing(bar, max)} | #{pct}%")
end
IO.inspect(Enum.sum(Map.values(freq)))
IO.inspect(Enum.max_by(freq, fn {_, c} -> c end))
scaled = Enum.map(1..5, fn i -> {i, i * i * 1.5} end)
Enum.each(scaled, fn {i, v} -> IO.puts("#{i}: #{v} #{String.duplicate("*", round(v))}") end)
