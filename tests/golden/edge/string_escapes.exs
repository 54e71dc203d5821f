# String escapes in puts and inspect
s = "tab\there\nnewline \"quoted\" back\\slash"
IO.puts(s)
IO.inspect(s)
IO.inspect("\e[1m bell\a nul\0")
IO.inspect("\u00e9 \u{1F600}")
IO.inspect("#{1 + 1} \#{not}")
IO.inspect("\x41\x42")
IO.inspect("a\rb\fc\vd\be")
IO.inspect("\d")
IO.puts("single 'quotes' fine")
IO.inspect('it\'s')
IO.inspect("multi
line")
IO.inspect(String.length("\u{1F600}"))
IO.inspect("日本")
IO.inspect("\u0000")
