# Module.split/1, concat/1,2 and safe_concat/1,2 over atoms, strings, nil parts and prefixes.
for m <- [String, IO.ANSI, Foo.Bar.Baz, "Elixir.A.B", :"Elixir.Lower.case"] do
  try do
    IO.inspect({m, Module.split(m)})
  rescue
    e -> IO.inspect({m, e})
  end
end

for m <- [:lists, "Foo", "", :"Elixir", nil] do
  try do
    IO.inspect({m, Module.split(m)})
  rescue
    e -> IO.puts("#{inspect(m)}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

lists = [[Foo, Bar], [Foo, "Bar"], ["Foo", "Bar"], [Foo, nil, Bar], [nil, Foo], [:foo, :bar],
  ["Elixir.Foo", "Elixir.Bar"], [:Elixir, Foo], ["Elixir", "Foo"], [Foo, ".Bar"], [], [nil],
  ["foo.bar", Baz], [Elixir.Foo, :"Elixir.Bar.Baz"], ["", "x"]]
for l <- lists, do: IO.inspect({l, Module.concat(l)})
IO.inspect(Module.concat(Foo, Bar))
IO.inspect(Module.concat("Foo", :bar))
IO.inspect(Module.safe_concat([String, Chars]))
IO.inspect(Module.safe_concat(IO, "ANSI"))

show = fn label, f ->
  try do
    IO.inspect({label, f.()})
  rescue
    e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

show.("safe_concat unknown", fn -> Module.safe_concat([Zzq, Nope, Never]) end)
show.("concat integer", fn -> Module.concat(Foo, 1) end)
show.("concat not list", fn -> Module.concat(:a) end)
show.("split integer", fn -> Module.split(1) end)
Module.split(:erlang)
