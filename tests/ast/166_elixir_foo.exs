:"Elixir.Foo"
