# Anonymous functions with several clauses and guards.
classify = fn
  0 -> :zero
  n when n > 0 -> :pos
  _ -> :neg
end
IO.inspect(Enum.map([0, 5, -5], classify))
handle = fn
  {:ok, v} -> v
  {:error, _} = e -> e
end
IO.inspect(handle.({:ok, 1}))
IO.inspect(handle.({:error, :bad}))
two_args = fn
  a, b when a > b -> a
  _, b -> b
end
IO.inspect(two_args.(3, 2))
IO.inspect(two_args.(1, 2))
