# :erlang.raise/3 with a raw :error reason (not an exception struct): rescued as ErlangError,
# and uncaught it ends the script with Elixir's banner (it used to crash the VM).
try do
  :erlang.raise(:error, :foo, [])
rescue
  e -> IO.inspect(e)
end

try do
  :erlang.raise(:error, %ArgumentError{message: "m"}, [])
rescue
  e -> IO.inspect(e)
end

try do
  :erlang.raise(:throw, :foo, [])
catch
  k, v -> IO.inspect({k, v})
end

:erlang.raise(:error, {:oops, :something}, [])
