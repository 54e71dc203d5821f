with {:ok, a} <- foo(),
     {:ok, b} <- bar(a) do
  a + b
else
  {:error, e} -> e
  _ -> nil
end
