# after always runs, whether the body succeeds or raises.
r = try do
  IO.puts("body")
  :body_value
after
  IO.puts("after 1")
end
IO.inspect(r)
r = try do
  try do
    raise "inner"
  after
    IO.puts("after 2")
  end
rescue
  e -> "rescued #{e.message}"
end
IO.puts(r)
r = try do
  throw(:t)
catch
  v -> {:caught, v}
after
  IO.puts("after 3")
end
IO.inspect(r)
