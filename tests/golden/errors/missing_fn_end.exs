# An anonymous function missing its end.
f = fn x -> x * 2
IO.inspect(f.(2))
