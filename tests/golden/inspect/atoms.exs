# inspect of atoms that need quoting, aliases and operators.
for a <- [:"foo bar", :"Elixir.Foo", :"Elixir.Foo.Bar", :nil, :"", :"=>", :+, :-, :"a-b",
          :a?, :A, :"foo@bar", :"9", :"é", :ok!, :"!", :&&, :<>, :"..", :"Elixir"] do
  IO.puts(inspect(a))
end
