# The binary concatenation operator <>.
IO.puts("foo" <> "bar")
IO.puts("" <> "x" <> "")
a = "left"
IO.puts(a <> "-" <> "right")
IO.puts("n=" <> Integer.to_string(5))
IO.inspect("é" <> "ü")
IO.inspect(byte_size("ab" <> "cd"))
