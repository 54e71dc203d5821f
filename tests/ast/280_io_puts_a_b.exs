IO.puts("a" <> "b")
