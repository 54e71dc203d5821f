# A with/else that matches no else clause raises WithClauseError.
r = with {:ok, x} <- {:error, 1} do
  x
else
  {:error, 2} -> :two
end
IO.inspect(r)
