# :atomics: signed and unsigned arrays, 64-bit wrap-around, exchange and compare_exchange,
# info, and OTP's argument errors.
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.message(e))
  end
end

a = :atomics.new(2, [])
IO.inspect(:atomics.info(a))
IO.inspect({:atomics.get(a, 1), :atomics.get(a, 2)})
:ok = :atomics.add(a, 1, 9_223_372_036_854_775_807)
IO.inspect(:atomics.add_get(a, 1, 1), label: "wrapped")
IO.inspect(:atomics.sub_get(a, 1, 1), label: "back")
:ok = :atomics.sub(a, 2, 10)
IO.inspect(:atomics.get(a, 2), label: "sub")
t.(fn -> :atomics.add(a, 2, 18_446_744_073_709_551_615) end)
IO.inspect(:atomics.get(a, 2), label: "add 2^64-1 wraps")
IO.inspect(:atomics.exchange(a, 2, 42), label: "exchange old")
IO.inspect(:atomics.compare_exchange(a, 2, 42, 43), label: "cas hit")
IO.inspect(:atomics.compare_exchange(a, 2, 42, 44), label: "cas miss")
IO.inspect(:atomics.get(a, 2))
:ok = :atomics.put(a, 1, -5)
IO.inspect(:atomics.get(a, 1))

u = :atomics.new(3, signed: false)
IO.inspect(:atomics.info(u))
:ok = :atomics.sub(u, 1, 1)
IO.inspect(:atomics.get(u, 1), label: "unsigned 0 - 1")
IO.inspect(:atomics.add_get(u, 1, 2), label: "and + 2")
:ok = :atomics.put(u, 2, 18_446_744_073_709_551_615)
IO.inspect(:atomics.compare_exchange(u, 2, 18_446_744_073_709_551_615, 1))
:ok = :atomics.add(u, 3, -9_223_372_036_854_775_808)
IO.inspect(:atomics.get(u, 3))

# Shared by every process holding the reference.
parent = self()
spawn(fn -> :atomics.put(a, 1, 99); send(parent, :set) end)
receive do
  :set -> IO.inspect(:atomics.get(a, 1), label: "set by another process")
end

IO.puts("-- errors")
t.(fn -> :atomics.new(0, []) end)
t.(fn -> :atomics.new(:x, []) end)
t.(fn -> :atomics.new(2, signed: :maybe) end)
t.(fn -> :atomics.new(2, [:bogus]) end)
t.(fn -> :atomics.new(2, :bogus) end)
t.(fn -> :atomics.get(a, 3) end)
t.(fn -> :atomics.get(a, 0) end)
t.(fn -> :atomics.get(a, :x) end)
t.(fn -> :atomics.add(a, 1, :x) end)
t.(fn -> :atomics.add(a, 1, 18_446_744_073_709_551_616) end)
t.(fn -> :atomics.add(a, 1, -9_223_372_036_854_775_809) end)
t.(fn -> :atomics.put(a, 1, 9_223_372_036_854_775_808) end)
t.(fn -> :atomics.put(u, 1, -1) end)
t.(fn -> :atomics.compare_exchange(a, 1, :x, 8) end)
t.(fn -> :atomics.compare_exchange(a, 1, 8, :x) end)
t.(fn -> :atomics.get(:foo, 1) end)
t.(fn -> :atomics.get(make_ref(), 1) end)
t.(fn -> :atomics.info(<<1, 2, 3>>) end)
