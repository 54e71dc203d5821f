IO.puts("never printed: modifiers are checked at compile time")
IO.inspect(~r/a/iz)
