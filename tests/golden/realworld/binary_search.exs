# Binary search on a tuple, plus insertion sort and quicksort
defmodule Search do
  def bsearch(tuple, target), do: bs(tuple, target, 0, tuple_size(tuple) - 1)
  defp bs(_t, _x, lo, hi) when lo > hi, do: :not_found
  defp bs(t, x, lo, hi) do
    mid = div(lo + hi, 2)
    case elem(t, mid) do
      ^x -> {:found, mid}
      v when v < x -> bs(t, x, mid + 1, hi)
      _ -> bs(t, x, lo, mid - 1)
    end
  end
  def qsort([]), do: []
  def qsort([p | rest]) do
    {l, r} = Enum.split_with(rest, &(&1 < p))
    qsort(l) ++ [p] ++ qsort(r)
  end
  def isort(list), do: Enum.reduce(list, [], &insert/2)
  defp insert(x, []), do: [x]
  defp insert(x, [h | t]) when x <= h, do: [x, h | t]
  defp insert(x, [h | t]), do: [h | insert(x, t)]
end
t = List.to_tuple(Enum.to_list(0..100//5))
IO.inspect(t)
for x <- [0, 35, 100, 36, -1] do
  IO.inspect({x, Search.bsearch(t, x)})
end
data = [38, 27, 43, 3, 9, 82, 10, 3, -4, 0]
IO.inspect(Search.qsort(data))
IO.inspect(Search.isort(data))
IO.inspect(Search.qsort(data) == Enum.sort(data))
IO.inspect(Enum.to_list(10..1//-3))
IO.inspect(Enum.to_list(1..0))
IO.inspect(Range.size(1..10//3))
