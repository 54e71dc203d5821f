# Matrix operations with nested lists
defmodule Matrix do
  def transpose(m), do: m |> Enum.zip() |> Enum.map(&Tuple.to_list/1)
  def mult(a, b) do
    bt = transpose(b)
    for row <- a, do: for(col <- bt, do: dot(row, col))
  end
  def dot(xs, ys), do: Enum.zip_with(xs, ys, &*/2) |> Enum.sum()
  def identity(n), do: for(i <- 1..n, do: for(j <- 1..n, do: if(i == j, do: 1, else: 0)))
  def pow(m, 0), do: identity(length(m))
  def pow(m, n), do: mult(m, pow(m, n - 1))
  def show(m) do
    w = m |> List.flatten() |> Enum.map(&String.length(to_string(&1))) |> Enum.max()
    Enum.each(m, fn row -> row |> Enum.map_join(" ", &String.pad_leading(to_string(&1), w)) |> IO.puts() end)
  end
end
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
IO.inspect(Matrix.mult(a, b))
IO.inspect(Matrix.transpose([[1, 2, 3], [4, 5, 6]]))
Matrix.show(Matrix.identity(4))
fibm = Matrix.pow([[1, 1], [1, 0]], 30)
IO.inspect(fibm)
Matrix.show(Matrix.pow([[2, 0], [0, 3]], 10))
IO.inspect(Matrix.mult([[1.5, 2.0]], [[2], [0.25]]))
IO.inspect(List.update_at([1, 2, 3], 1, &(&1 * 100)))
IO.inspect(List.replace_at([1, 2, 3], -1, :last))
IO.inspect(List.insert_at([1, 2, 3], 1, :new))
IO.inspect(List.delete_at([1, 2, 3], 0))
IO.inspect(Enum.slice([1, 2, 3, 4, 5], 1..3))
