# case with guards using in
classify = fn x ->
  case x do
    n when n in [1, 2, 3] -> :small
    n when n in 4..10 -> :medium
    n when is_integer(n) and n not in 11..100 -> :out
    c when c in ~w(a b) -> :letter
    a when a in [:x, :y] -> :atom
    _ -> :other
  end
end
IO.inspect(Enum.map([1, 5, 50, 500, "a", "c", :y, 2.0, 4.0], classify))
IO.inspect(3 in 1..5)
IO.inspect(3.0 in 1..5)
IO.inspect(6 in 1..10//5)
IO.inspect(:b in [:a, :b])
IO.inspect(2 in [])
g = fn x when x in ?a..?z -> :lower; _ -> :not end
IO.inspect({g.(?q), g.(?Q)})
