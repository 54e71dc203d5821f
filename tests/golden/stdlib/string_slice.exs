# String.slice with ranges and lengths.
s = "hello world"
IO.inspect(String.slice(s, 0, 5))
IO.inspect(String.slice(s, 6, 100))
IO.inspect(String.slice(s, -5, 5))
IO.inspect(String.slice(s, 0..4))
IO.inspect(String.slice(s, 6..-1))
IO.inspect(String.slice(s, -3..-1))
IO.inspect(String.slice(s, 20, 2))
IO.inspect(String.slice("héllo", 1, 3))
IO.inspect(String.slice(s, 3..1//1))
