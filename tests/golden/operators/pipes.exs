# The pipe operator inserts the left side as the first argument.
defmodule P do
  def add(a, b), do: a + b
  def wrap(x, tag), do: {tag, x}
end

1 |> P.add(2) |> IO.inspect()
"hello" |> String.upcase() |> IO.puts()
[3, 1, 2] |> Enum.sort() |> Enum.reverse() |> IO.inspect()
5 |> P.wrap(:val) |> IO.inspect()
[1, 2, 3] |> Enum.map(fn x -> x * x end) |> Enum.sum() |> IO.puts()
"a,b,c" |> String.split(",") |> length() |> IO.puts()
10 |> then(fn x -> x * 3 end) |> IO.puts()
"x" |> (fn s -> s <> s end).() |> IO.puts()
