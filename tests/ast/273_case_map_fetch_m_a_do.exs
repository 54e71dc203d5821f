case Map.fetch(m, :a) do
  {:ok, v} ->
    v + 1

  :error ->
    0
end
