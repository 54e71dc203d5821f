cond do
  x > 1 -> :big
  true -> :small
end
