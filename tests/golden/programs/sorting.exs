# Quicksort, mergesort and insertion sort agree with Enum.sort.
defmodule Sort do
  def quick([]), do: []
  def quick([p | rest]) do
    {smaller, larger} = Enum.split_with(rest, &(&1 < p))
    quick(smaller) ++ [p] ++ quick(larger)
  end

  def merge_sort([]), do: []
  def merge_sort([x]), do: [x]
  def merge_sort(list) do
    {l, r} = Enum.split(list, div(length(list), 2))
    merge(merge_sort(l), merge_sort(r))
  end
  defp merge([], r), do: r
  defp merge(l, []), do: l
  defp merge([a | l], [b | _] = r) when a <= b, do: [a | merge(l, r)]
  defp merge(l, [b | r]), do: [b | merge(l, r)]

  def insertion(list), do: List.foldl(list, [], &insert/2)
  defp insert(x, []), do: [x]
  defp insert(x, [h | t]) when x <= h, do: [x, h | t]
  defp insert(x, [h | t]), do: [h | insert(x, t)]
end
# a deterministic pseudo-random sequence (linear congruential generator)
data = Enum.scan(1..60, 42, fn _, s -> rem(s * 1_103_515_245 + 12_345, 2_147_483_648) end) |> Enum.map(&rem(&1, 1000))
IO.inspect(data, limit: :infinity)
sorted = Enum.sort(data)
IO.inspect(Sort.quick(data), limit: :infinity)
IO.inspect(Sort.quick(data) == sorted)
IO.inspect(Sort.merge_sort(data) == sorted)
IO.inspect(Sort.insertion(data) == sorted)
IO.inspect(Sort.merge_sort(["pear", "fig", "apple", "kiwi"]))
IO.inspect(Sort.quick([3.5, -1, 2, 0.0]))
