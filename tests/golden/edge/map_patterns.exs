# Map patterns with pinned keys and nested maps
k = :name
%{^k => v} = %{name: "x", age: 3}
IO.inspect(v)
f = fn
  %{type: :circle, r: r} -> 3 * r * r
  %{type: :rect, w: w, h: h} -> w * h
  %{} -> :unknown
end
IO.inspect(Enum.map([%{type: :circle, r: 2}, %{type: :rect, w: 3, h: 4}, %{type: :tri}], f))
%{a: %{b: inner}} = %{a: %{b: [1, 2]}, c: 0}
IO.inspect(inner)
case %{"status" => 200, "body" => "ok"} do
  %{"status" => s} when s in 200..299 -> IO.puts("success #{s}")
  _ -> IO.puts("fail")
end
IO.inspect(for %{ok: true, id: id} <- [%{ok: true, id: 1}, %{ok: false, id: 2}, %{id: 3}], do: id)
