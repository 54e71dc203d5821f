IO.puts("never printed: the sigil is checked at compile time")
re = ~r/(abc/
IO.inspect(re)
