# Pascal's triangle, centered output
defmodule Pascal do
  def rows(n), do: Enum.scan(1..n, [1], fn _, prev -> next(prev) end) |> then(&[[1] | Enum.drop(&1, -1) |> Enum.drop(0)])
  def next(row), do: Enum.zip_with([0 | row], row ++ [0], &+/2)
end
rows = Pascal.rows(10)
width = rows |> List.last() |> Enum.join(" ") |> String.length()
for r <- rows do
  line = Enum.join(r, " ")
  pad = div(width - String.length(line), 2)
  IO.puts(String.duplicate(" ", pad) <> line)
end
IO.inspect(Enum.scan(1..6, &(&1 * &2)))
IO.inspect(Enum.scan([1, 2, 3], 10, &+/2))
IO.inspect(Enum.map(rows, &Enum.sum/1))
