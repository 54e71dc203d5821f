# Building a long string by repeated concatenation and joining.
s = Enum.reduce(1..100_000, "", fn i, acc -> acc <> Integer.to_string(rem(i, 10)) end)
IO.puts(byte_size(s))
IO.puts(String.slice(s, 0, 20))
j = Enum.map_join(1..100_000, ",", &Integer.to_string/1)
IO.puts(byte_size(j))
IO.puts(length(String.split(j, ",")))
