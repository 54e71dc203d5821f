# term_to_binary bytes of maps (MAP_EXT, keys in map order up to 32 keys) and export funs
# (EXPORT_EXT); local funs round-trip and stay callable.
show = fn t ->
  bin = :erlang.term_to_binary(t)
  IO.inspect(:binary.bin_to_list(bin), limit: :infinity)
  IO.inspect(:erlang.binary_to_term(bin) === t)
end

Enum.each([%{}, %{a: 1}, %{b: 1, a: 2, c: 3}, %{1 => :one, 1.0 => :float, "s" => [], {1} => %{}},
           %{a: %{b: %{c: [1, 2]}}}, %{[1] => [2], :z => nil}], show)

m32 = Map.new(1..32, fn i -> {i, i * i} end)
show.(m32)

# Over 32 keys BEAM writes hash order and Ember term order: sizes and round trips agree.
for n <- [33, 100, 5000] do
  m = Map.new(1..n, fn i -> {i, Integer.to_string(i)} end)
  bin = :erlang.term_to_binary(m)
  IO.inspect({n, byte_size(bin), :erlang.external_size(m)})
  IO.inspect(:erlang.binary_to_term(bin) == m)
end

Enum.each([&Enum.map/2, &:lists.reverse/1, &String.upcase/1], show)
f = :erlang.binary_to_term(:erlang.term_to_binary(&Enum.map/2))
IO.inspect(f.([1, 2], fn x -> x * 10 end))

y = 5
local = fn x -> x + y end
back = :erlang.binary_to_term(:erlang.term_to_binary(local))
IO.inspect(back.(10))
IO.inspect(is_function(back, 1))
nested = {[fn -> :inner end], %{k: fn a, b -> a * b end}}
{[g], %{k: h}} = :erlang.binary_to_term(:erlang.term_to_binary(nested))
IO.inspect({g.(), h.(6, 7)})
