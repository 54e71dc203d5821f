# try/rescue catches raised exceptions and returns the rescue value.
r = try do
  raise "boom"
rescue
  e -> {:rescued, e}
end
IO.inspect(r)
r = try do
  1 + String.to_atom("a")
rescue
  ArithmeticError -> :arith
end
IO.inspect(r)
r = try do
  :ok
rescue
  _ -> :never
end
IO.inspect(r)
r = try do
  raise ArgumentError, "bad arg"
rescue
  e in ArgumentError -> Exception.message(e)
end
IO.puts(r)
r = try do
  raise ArgumentError
rescue
  e -> Exception.message(e)
end
IO.puts(r)
