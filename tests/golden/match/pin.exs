# The pin operator matches against an existing value instead of rebinding.
x = 1
^x = 1
IO.puts("pinned match ok")
result = case 2 do
  ^x -> :same
  _ -> :different
end
IO.inspect(result)
key = :b
%{^key => v} = %{a: 1, b: 2}
IO.inspect(v)
y = 3
IO.inspect(Enum.filter([1, 3, 5, 3], fn
  ^y -> true
  _ -> false
end))
f = fn ^x -> :one; _ -> :other end
IO.inspect({f.(1), f.(2)})
