# Multi-clause anonymous functions and guards
f = fn
  x, y when x > y -> :gt
  x, x -> :eq
  _, _ -> :lt
end
IO.inspect({f.(2, 1), f.(1, 1), f.(1, 2)})
g = fn
  [] -> "empty"
  [_] -> "one"
  [_, _ | _] -> "many"
end
IO.inspect(Enum.map([[], [1], [1, 2, 3]], g))
h = fn x when is_binary(x) or is_atom(x) -> :text; _ -> :other end
IO.inspect({h.("s"), h.(:a), h.(1)})
k = fn %{type: t} = m when map_size(m) > 1 -> t; _ -> nil end
IO.inspect({k.(%{type: 1, x: 2}), k.(%{type: 1})})
safe = fn x when hd(x) > 0 -> :pos; _ -> :guard_failed end
IO.inspect({safe.([1]), safe.([]), safe.(:x)})
