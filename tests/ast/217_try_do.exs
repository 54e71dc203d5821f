try do
  raise "x"
rescue
  RuntimeError -> :rt
  e -> e
end
