:"Elixir.Foo.Bar"
