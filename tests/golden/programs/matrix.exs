# Matrix operations on lists of lists: transpose, multiply, identity, determinant.
defmodule Matrix do
  def transpose([]), do: []
  def transpose([[] | _]), do: []
  def transpose(m), do: [Enum.map(m, &hd/1) | transpose(Enum.map(m, &tl/1))]

  def multiply(a, b) do
    bt = transpose(b)
    for row <- a do
      for col <- bt, do: Enum.zip(row, col) |> Enum.map(fn {x, y} -> x * y end) |> Enum.sum()
    end
  end

  def identity(n), do: for(i <- 1..n, do: for(j <- 1..n, do: if(i == j, do: 1, else: 0)))

  def det([[a]]), do: a
  def det([first | rest]) do
    first
    |> Enum.with_index()
    |> Enum.map(fn {v, j} ->
      minor = Enum.map(rest, &List.delete_at(&1, j))
      sign = if rem(j, 2) == 0, do: 1, else: -1
      sign * v * det(minor)
    end)
    |> Enum.sum()
  end

  def power(m, 0), do: identity(length(m))
  def power(m, n), do: multiply(m, power(m, n - 1))

  def show(m), do: Enum.each(m, fn row -> IO.puts(Enum.map_join(row, " ", &String.pad_leading(to_string(&1), 4))) end)
end
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
Matrix.show(Matrix.transpose(a))
IO.puts("--")
Matrix.show(Matrix.multiply(a, b))
IO.puts("--")
Matrix.show(Matrix.identity(3))
IO.puts("--")
IO.inspect(Matrix.det([[2, -3, 1], [2, 0, -1], [1, 4, 5]]))
IO.inspect(Matrix.det([[1, 2], [2, 4]]))
fib = Matrix.power([[1, 1], [1, 0]], 90)
IO.inspect(fib)
