# A case clause without a pattern.
case 1 do
  1 -> :a
  -> :b
end
