# reraise from an inner rescue is caught by an outer one.
r = try do
  try do
    raise ArgumentError, "original"
  rescue
    e ->
      IO.puts("inner saw: " <> Exception.message(e))
      reraise e, __STACKTRACE__
  end
rescue
  e in ArgumentError -> "outer saw: " <> e.message
end
IO.puts(r)
r = try do
  try do
    raise "first"
  rescue
    _ -> raise "second"
  end
rescue
  e -> e.message
end
IO.puts(r)
