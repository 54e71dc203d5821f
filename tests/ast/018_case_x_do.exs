case x do
  1 -> :a
  _ -> :b
end
