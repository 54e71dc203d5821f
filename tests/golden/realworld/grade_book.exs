# A grade book: averages, letter grades, statistics
defmodule Stats do
  def mean([]), do: nil
  def mean(xs), do: Enum.sum(xs) / length(xs)
  def median(xs) do
    s = Enum.sort(xs)
    n = length(s)
    if rem(n, 2) == 1, do: Enum.at(s, div(n, 2)), else: (Enum.at(s, div(n, 2) - 1) + Enum.at(s, div(n, 2))) / 2
  end
  def stddev(xs) do
    m = mean(xs)
    var = xs |> Enum.map(fn x -> (x - m) * (x - m) end) |> Enum.sum() |> Kernel./(length(xs))
    :math.sqrt(var)
  end
end

grades = %{
  "alice" => [92, 88, 95, 79],
  "bob" => [65, 70, 58, 81],
  "carol" => [100, 97, 99, 94],
  "dan" => [75, 80, 85, 90]
}
for {name, gs} <- Enum.sort(grades) do
  avg = Stats.mean(gs)
  letter = cond do
    avg >= 90 -> "A"
    avg >= 80 -> "B"
    avg >= 70 -> "C"
    true -> "F"
  end
  IO.puts("#{String.pad_trailing(String.capitalize(name), 6)} avg=#{Float.round(avg, 2)} median=#{Stats.median(gs)} #{letter}")
end
all = grades |> Map.values() |> List.flatten()
IO.inspect(Stats.mean(all))
IO.inspect(Stats.median(all))
IO.inspect(Float.round(Stats.stddev(all), 3))
IO.inspect(Enum.max(all))
IO.inspect(Stats.mean([]))
IO.inspect(Stats.median([1, 2, 3, 4]))
IO.inspect(Enum.sum([1, 2.5]))
IO.inspect(10 / 4)
IO.inspect(Enum.sum(all) / length(all))
