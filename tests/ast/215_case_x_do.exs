case x do
  {:ok, v} when v > 0 -> v
  {:error, _} = e -> e
end
