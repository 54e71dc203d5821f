# A map literal missing its closing brace.
m = %{a: 1, b: 2
IO.inspect(m)
