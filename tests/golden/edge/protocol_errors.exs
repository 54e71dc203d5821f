# Protocol errors people hit: interpolating tuples, Enum on non-enumerables
try do
  IO.puts("value: #{{1, 2}}")
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Enum.map(5, & &1)
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Enum.sum(%{a: 1})
rescue
  e -> IO.puts(Exception.message(e))
end
IO.puts("now uncaught")
IO.puts("map: #{%{a: 1}}")
