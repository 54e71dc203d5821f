# Lowercase sigils resolve escapes (\n, \t, \xHH, \u{H}) like strings; uppercase ones keep them.
IO.inspect ~c"a\nb"
IO.inspect ~c"\t\x41"
IO.inspect ~s"x\ny\u{e9}"
IO.inspect ~w(a\tb c)
IO.inspect ~S"raw\n"
IO.inspect ~C"raw\n"
x = 1
IO.inspect ~s"v=#{x}\n"
IO.inspect ~s(a \) b)
