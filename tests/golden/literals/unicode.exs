# Unicode in string literals: bytes vs graphemes.
s = "héllo wörld"
IO.puts(s)
IO.puts(String.length(s))
IO.puts(byte_size(s))
IO.puts("日本語")
IO.puts(String.length("日本語"))
IO.puts(byte_size("日本語"))
IO.inspect("ü")
IO.puts("emoji: 🎉")
