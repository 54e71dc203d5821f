# Map access and update syntax corners
m = %{"k" => 1, a: 2}
IO.inspect(m["k"])
IO.inspect(m[:a])
IO.inspect(m[:missing])
IO.inspect(m.a)
m2 = %{m | a: 3}
IO.inspect(m2)
IO.inspect(%{m2 | "k" => 0})
nested = %{x: %{y: %{z: 1}}}
IO.inspect(nested.x.y.z)
IO.inspect(nested[:x][:y][:nope])
IO.inspect(%{%{} => 1})
k = :dyn
IO.inspect(%{k => 1})
IO.inspect(%{a: 1, a: 2})
IO.puts("updating missing key")
%{m | zz: 1}
