# try/rescue/catch/after/else corners
r = try do
  :ok
rescue
  _ -> :rescued
else
  :ok -> :else_branch
after
  IO.puts("after 1")
end
IO.inspect(r)
IO.inspect(try do throw({:x, 1}) catch {:x, n} -> n end)
IO.inspect(try do exit(:bye) catch :exit, reason -> {:exit, reason} end)
IO.inspect(try do raise "x" rescue RuntimeError -> :by_module end)
IO.inspect(try do :erlang.error(:badarg) rescue e -> Exception.message(e) end)
IO.inspect(try do :erlang.error({:custom, 1}) rescue e -> Exception.message(e) end)
defmodule W do
  def f do
    raise ArgumentError, "inner"
  rescue
    e -> {:rescued_in_def, e.message}
  end
end
IO.inspect(W.f())
IO.inspect(try do
  try do
    raise "inner"
  after
    IO.puts("inner after")
  end
rescue
  e -> e.message
end)
try do
  raise KeyError, key: :k, term: %{}
rescue
  e -> IO.puts(Exception.message(e))
end
reraised = try do
  try do
    raise "orig"
  rescue
    e -> reraise e, __STACKTRACE__
  end
rescue
  e -> {:reraised, e.message}
end
IO.inspect(reraised)
