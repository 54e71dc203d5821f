# for-comprehensions with filters, multiple generators, into:, reduce:
IO.inspect(for x <- 1..10, rem(x, 3) == 0, do: x * x)
IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for {k, v} <- [a: 1, b: 2, c: 3], v > 1, into: %{}, do: {v, k})
IO.inspect(for s <- ["a", "bb", "ccc"], into: "", do: String.upcase(s))
IO.inspect(for x <- [1, 2, 3], reduce: 0 do
  acc -> acc + x * 10
end)
pairs = for a <- 1..20, b <- a..20, c <- b..20, a * a + b * b == c * c, do: {a, b, c}
IO.inspect(pairs)
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}], do: v)
IO.inspect(for x <- 1..4, x != 2, y = x * 2, y > 3, do: {x, y})
grid = for r <- 0..2, into: %{}, do: {r, for(c <- 0..2, do: r * 3 + c)}
IO.inspect(grid)
IO.inspect(for x <- [1, 2, 2, 3, 3, 3], uniq: true, do: x)
words = ~w(apple banana cherry avocado blueberry)
IO.inspect(for w <- words, String.starts_with?(w, "a") or String.starts_with?(w, "b"), into: %{}, do: {w, String.length(w)})
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = for i <- 0..2, do: for(row <- matrix, do: Enum.at(row, i))
IO.inspect(transposed)
