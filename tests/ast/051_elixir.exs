:"Elixir"
