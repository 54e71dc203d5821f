# Macro.pipe/3 into every kind of target, with Elixir's errors (worded with Macro.to_string).
targets = [quote(do: &foo/1), quote(do: {1, 2, 3}), quote(do: %{}), quote(do: Foo), quote(do: <<1>>),
           quote(do: fn x -> x end), quote(do: 1 + 2), quote(do: 42), quote(do: -x), quote(do: a in b),
           quote(do: x ++ y), quote(do: !x), quote(do: not x), quote(do: @x), quote(do: x = 1),
           quote(do: foo.(1)), quote(do: Foo.bar(1)), quote(do: f), quote(do: f(1, 2))]
for target <- targets, index <- [0, 1] do
  try do
    IO.inspect(Macro.pipe(quote(do: a + 1), target, index))
  rescue
    e -> IO.inspect({e.__struct__, Exception.message(e)})
  end
end
