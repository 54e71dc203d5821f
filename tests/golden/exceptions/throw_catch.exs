# throw/catch for non-local returns, and catch with kinds.
r = try do
  Enum.each(1..10, fn x -> if x == 4, do: throw({:found, x}) end)
  :not_found
catch
  {:found, x} -> x
end
IO.inspect(r)
r = try do
  throw(:ball)
catch
  :throw, v -> {:throw, v}
end
IO.inspect(r)
r = try do
  exit(:reason)
catch
  :exit, v -> {:exit, v}
end
IO.inspect(r)
r = try do
  raise "err"
catch
  :error, e -> {:error_kind, e.message}
end
IO.inspect(r)
r = try do
  raise ArgumentError, "x"
catch
  kind, value -> {kind, value.__struct__}
end
IO.inspect(r)
r = catch_all = try do
  throw(1)
catch
  _, _ -> :anything
end
IO.inspect({r, catch_all})
