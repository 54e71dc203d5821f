# BadMapError and KeyError via dot access
m = %{a: 1}
try do
  m.b
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  x = 5
  x.field
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Map.put(:notmap, :a, 1)
rescue
  e -> IO.puts(Exception.message(e))
end
list = [1, 2]
IO.puts("dot on list")
list.first
