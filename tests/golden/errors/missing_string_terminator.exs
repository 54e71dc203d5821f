# A string literal that is never closed.
IO.puts("hello)
IO.puts("x")
